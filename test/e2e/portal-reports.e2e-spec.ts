import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { Events } from '@contracts';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { listEntryEffectiveEvent, TEST_NATS_URL } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Issue 21 in headless Chromium: the report download, the verification page (by QR link and by
 * form, on a phone), the objection marker, and Chinese messages for the API's error codes.
 */
describe('public portal: credit reports, record status, Chinese errors', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let api: ReturnType<typeof gatewayApi>;
  const uscc = makeUscc();
  const name = '郑州核验测试运输有限公司';
  const body = creditRecordBody({ subject: { id: uscc, name } });
  const screenshots = join(process.cwd(), 'tmp', 'screenshots');

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { PUBLIC_BASE_URL: 'https://credit.example.invalid' });
    const token = await platform.token('zhengzhou');
    api = gatewayApi(
      () => platform,
      () => token,
    );
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    // The subject objects (异议) through its integrator: the record is under objection until decided.
    const objection = { reason: '处罚决定书文号有误', objector: { name, contact: '0371-12345678' } };
    const opened = await api(`/api/v1/credit-records/${(created.body as { id: string }).id}/objections`, { method: 'POST', body: objection });
    expect(opened.status).toBe(201);
    // eventually returns its last value: the precondition is asserted, so a miss fails here, not as a missing marker later.
    const shown = await eventually(
      () =>
        fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) =>
          r.ok ? (((await r.json()) as { penalties: { status: string }[] }).penalties[0]?.status ?? '') : '',
        ),
      (status) => status === 'under-objection',
      30_000,
    );
    expect(shown).toBe('under-objection');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 60_000);

  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await browser.newPage({ viewport, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  };
  const noSidewaysScroll = async (page: Page) => {
    const widths = await page.evaluate<{ scroll: number; viewport: number }>('({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
  };

  it('marks the record under objection and downloads the report from the subject page, by keyboard', async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${uscc}`);
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    const penalty = page.locator('li', { hasText: body.documentNumber });
    await expect(penalty.locator('.tag.under-objection').textContent()).resolves.toBe('异议处理中');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载信用报告（PDF）' }).focus();
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/^credit-report-[0-9A-Z]{12}\.pdf$/);
    await page.screenshot({ path: join(screenshots, 'subject-with-report.png'), fullPage: true });
    await page.close();
  });

  it('verifies a report by the QR link on a phone: who, when, intact, still in the log, what it showed', async () => {
    const response = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}/report`);
    const code = response.headers.get('x-report-code')!;
    const page = await open({ width: 375, height: 740 });
    // The QR code encodes PUBLIC_BASE_URL/#/reports/{code}; here the gateway stands for that address.
    await page.goto(`${platform.gatewayUrl}/#/reports/${code}`);
    await page.getByRole('heading', { name: /核验通过/ }).waitFor();
    const view = page.locator('#view');
    await expect(view.getByRole('link', { name }).isVisible()).resolves.toBe(true);
    await expect(view.getByText(response.headers.get('x-content-hash')!).isVisible()).resolves.toBe(true);
    await expect(view.getByText(/公示记录第 \d+ 条仍载有该报告的哈希/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'report-verified-phone.png'), fullPage: true });
    await expect(view.getByText(`${body.documentNumber}（异议处理中）`).isVisible()).resolves.toBe(true);
    await noSidewaysScroll(page);

    // The form takes what a person types from paper: lower case with dashes.
    const typed = code
      .toLowerCase()
      .replace(/(.{4})/g, '$1-')
      .replace(/-$/, '');
    await page.goto(`${platform.gatewayUrl}/#/reports`);
    await page.getByLabel('报告验证码').fill(typed);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /核验通过/ }).waitFor();
    await page.close();
  });

  it('answers an unknown or malformed report code in Chinese, on the page with the form to try again', async () => {
    const page = await open({ width: 375, height: 740 });
    for (const code of ['ZZZZZZZZZZZZ', 'not-a-code', '<img src=x onerror=alert(1)>']) {
      await page.goto(`${platform.gatewayUrl}/#/reports/${encodeURIComponent(code)}`);
      await expect(page.getByRole('alert').textContent()).resolves.toBe('未找到该验证码对应的信用报告，请核对验证码（12 位字母和数字）。');
      await expect(page.getByLabel('报告验证码').inputValue()).resolves.toBe(code);
    }
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(screenshots, 'report-not-found-phone.png'), fullPage: true });
    await page.close();
  });

  it('says in Chinese that a USCC check character is wrong, while the API keeps its 400 and English detail', async () => {
    const wrong = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
    const apiAnswer = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${wrong}`);
    expect(apiAnswer.status).toBe(400);
    expect(((await apiAnswer.json()) as { errors: { code: string }[] }).errors[0].code).toBe('USCC_CHECK_CHARACTER');
    const page = await open({ width: 1280, height: 900 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${wrong}`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('统一社会信用代码的校验位（最后一位）不正确，请核对后重新输入。');
    expect(await page.evaluate<string>('document.getElementById("main").innerText')).not.toMatch(/[A-Za-z]{4,} (character|should)/);
    await page.close();
  });

  it("opens the profile and report of an enterprise on a list only through a partner's entry, provenance shown (seed 004 shared lists)", async () => {
    const partnerUscc = makeUscc();
    const partnerName = '苏州共享名单测试运输有限公司';
    const envelope = listEntryEffectiveEvent.envelope({
      data: {
        listType: 'key-watch',
        subject: { kind: 'org', id: partnerUscc, name: partnerName },
        region: '320500',
        grounds: '伙伴城市共享的重点关注名单',
        provenance: { partnerRegion: '320500', partnerName: '苏州市交通运输局', sourceReference: '苏交信〔2026〕8号', decidedOn: '2026-11-01' },
        decision: null,
      },
    });
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-portal-partner');
    try {
      const ns = new MessagingNamespace(platform.natsPrefix);
      await handles.js.publish(ns.subject(Events.ListEntryEffective.subject), JSON.stringify(envelope), { msgID: envelope.id });
    } finally {
      await handles.nc.close();
    }
    await eventually(
      () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${partnerUscc}`).then((r) => r.status),
      (status) => status === 200,
    );
    const page = await open({ width: 375, height: 740 });
    await page.goto(`${platform.gatewayUrl}/#/lists/key-watch`);
    const link = page.locator('#list-entries').getByRole('link', { name: partnerName });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: partnerName, level: 2 }).waitFor();
    await expect(page.getByText('来源：苏州市交通运输局（行政区划 320500）共享的名单信息').isVisible()).resolves.toBe(true);
    // Every optional part is absent here (no grade, record, licence, commitment): none prints as text.
    expect(await page.evaluate<string>('document.getElementById("main").innerText')).not.toMatch(/\bnull\b|\bundefined\b|NaN|\[object/);
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(screenshots, 'partner-listed-profile-phone.png'), fullPage: true });
    await page.close();
    const report = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${partnerUscc}/report`);
    expect(report.status).toBe(200);
  });

  it('leads from a published record to its log entries, explains in plain Chinese what the chain proves, and re-computes the fingerprints in the browser', async () => {
    const page = await open({ width: 375, height: 740 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${uscc}`);
    const penalty = page.locator('li', { hasText: body.documentNumber });
    await penalty.getByRole('link', { name: '查看' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '该条信息的公示记录' }).waitFor();
    await expect(page.getByRole('heading', { name: '公示记录能证明什么' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('开始公示').first().isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '在本机重新计算指纹' }).click();
    const verdicts = page.getByRole('status');
    await page.getByText('✓ 指纹相符：内容未被改动').first().waitFor();
    const texts = await verdicts.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t === '✓ 指纹相符：内容未被改动')).toBe(true);
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(screenshots, 'publication-log-item-phone.png'), fullPage: true });
    await page.close();
  });
});
