import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { Events, ListEntryV1 } from '@contracts';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { chinaToday, gradeChangedEvent, listEntryEffectiveEvent, TEST_NATS_URL } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { contrast } from '../support/contrast';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Disclosure issue: the Chinese portal in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; `npm test` installs the package and a CJK font when missing).
 */
describe('public portal in a browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  const uscc = makeUscc();
  const name = '郑州门户测试大件运输有限公司';
  const body = creditRecordBody({ subject: { id: uscc, name }, severity: 'severe' });
  const driver = { id: '410102199001011234', name: '张三丰' };
  const licenceDocument = '郑交运许〔2026〕门户0001号';

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure']);
    const token = await platform.token('zhengzhou');
    const created = await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    // A licence of the same enterprise: public, but not dishonesty, so it carries no severity (issue 16).
    const licence = await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        recordType: 'administrative-licence',
        subject: { kind: 'org', id: uscc, name },
        region: '410100',
        severity: 'minor',
        decisionDate: chinaToday(),
        documentNumber: licenceDocument,
        payload: {
          licenceCategory: 'ordinary',
          licenceName: '道路运输经营许可证',
          licenceNumber: '豫交运管许可郑字410100777',
          content: '道路普通货物运输',
          validFrom: chinaToday(),
          validUntil: '2030-12-31',
          authority: '郑州市交通运输局',
          authorityUscc: '11410100005252717P',
        },
      }),
    });
    expect(licence.status).toBe(201);
    await eventually(
      () =>
        fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) =>
          r.ok ? (((await r.json()) as { licences?: unknown[] }).licences?.length ?? 0) : 0,
        ),
      (n) => n === 1,
    );
    await publishListEntries();
    await eventually(
      () => fetch(`${platform.gatewayUrl}/public/v1/lists/bad-driver`).then(async (r) => ((await r.json()) as { entries?: unknown[] }).entries?.length ?? 0),
      (n) => n > 0,
    );
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 60_000);

  /** Joint measures' confirmed entries, as it publishes them (joint-measures is not started here). */
  async function publishListEntries(): Promise<void> {
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-portal-lists');
    // Confirmed manually today, in Zhengzhou (listEntryEffectiveEvent's defaults).
    const entry = (listType: string, subject: ListEntryV1['subject'], documentNumber: string) =>
      listEntryEffectiveEvent.envelope({
        data: {
          listType,
          subject,
          grounds: listType === 'red' ? '连续三年信用评价为AAA级' : '一个记分周期内累计记满20分',
          decision: { outcome: 'confirmed', decidedOn: chinaToday(), decidedBy: 'zhengzhou', documentNumber, reason: '' },
        },
      });
    try {
      const ns = new MessagingNamespace(platform.natsPrefix);
      for (const envelope of [
        entry('red', { kind: 'org', id: uscc, name }, '郑交信〔2026〕31号'),
        entry('bad-driver', { kind: 'person', id: driver.id, name: driver.name }, '郑交信〔2026〕32号'),
      ]) {
        await handles.js.publish(ns.subject(Events.ListEntryEffective.subject), JSON.stringify(envelope), { msgID: envelope.id });
      }
    } finally {
      await handles.nc.close();
    }
  }

  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await browser.newPage({ viewport, locale: 'zh-CN' });
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  };

  it('finds an enterprise by part of its name with the keyboard and shows its penalty', async () => {
    const page = await open({ width: 1280, height: 900 });
    const transferred: number[] = [];
    page.on('response', async (r) => transferred.push((await r.body().catch(() => Buffer.alloc(0))).length));
    await page.goto(`${platform.gatewayUrl}/`);
    expect(await page.title()).toBe('交通运输信用信息公示');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    // The search box has a visible label, and the form works from the keyboard alone.
    await page.getByLabel('企业名称或统一社会信用代码').fill('门户测试');
    await page.keyboard.press('Enter');
    const hit = page.getByRole('link', { name: new RegExp(name) });
    await hit.waitFor();
    await hit.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    // The region as a person reads it (GB/T 2260: 410100 is Zhengzhou, Henan), its code beside it.
    await expect(page.getByText(`统一社会信用代码 ${uscc} · 行政区划 河南省郑州市（410100）`).isVisible()).resolves.toBe(true);
    await expect(page.getByText(body.documentNumber).isVisible()).resolves.toBe(true);
    await expect(page.getByText('严重').first().isVisible()).resolves.toBe(true);
    // Severity grades dishonesty only (国家发展改革委令2025年第36号): the licence is listed without a 轻微/一般/严重 tag.
    const licenceItem = page.locator('li', { hasText: licenceDocument });
    await expect(licenceItem.isVisible()).resolves.toBe(true);
    await expect(licenceItem.locator('.tag').count()).resolves.toBe(0);
    // Readable: body text and the search button meet WCAG AA contrast (4.5:1).
    // Evaluated in the page (as source text: the test program has no DOM types).
    const colours = await page.evaluate<{ text: string; page: string; button: string; buttonBg: string }>(`(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return { text: style('body').color, page: style('.card').backgroundColor, button: style('.search button').color, buttonBg: style('.search button').backgroundColor };
    })()`);
    expect(contrast(colours.text, colours.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.button, colours.buttonBg)).toBeGreaterThanOrEqual(4.5);
    // A fast first load: the page, its stylesheet and its script together stay small.
    const firstLoad = await fetch(`${platform.gatewayUrl}/`).then((r) => r.text());
    const assets = await Promise.all(['portal.css', 'portal.js'].map((f) => fetch(`${platform.gatewayUrl}/portal/${f}`).then((r) => r.text())));
    expect(Buffer.byteLength(firstLoad + assets.join(''))).toBeLessThan(40 * 1024);
    await page.close();
  });

  it('shows a grade with its tier where the ladder has tiers (Beijing 四等九级, seed 004 案例1: A is in tier 良)', async () => {
    // evaluation is not started here: its announcement is published as evaluation publishes it.
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-portal-grades');
    try {
      const envelope = gradeChangedEvent.envelope({
        data: {
          schemeId: 'beijing-commuter-bus-grades',
          schemeName: { zh: '北京市通勤定制公交运营企业信用评价', en: 'Beijing commuter bus operator grades' },
          subject: { kind: 'org', id: uscc },
          grade: 'A',
          tier: '良',
          score: 750,
        },
      });
      const ns = new MessagingNamespace(platform.natsPrefix);
      await handles.js.publish(ns.subject(Events.EvaluationGradeChanged.subject), JSON.stringify(envelope), { msgID: envelope.id });
    } finally {
      await handles.nc.close();
    }
    await eventually(
      () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => ((await r.json()) as { grades?: { tier?: string }[] }).grades ?? []),
      (grades) => grades.some((g) => g.tier === '良'),
    );
    const page = await open({ width: 1280, height: 900 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${uscc}`);
    const grade = page.locator('li', { hasText: '北京市通勤定制公交运营企业信用评价' });
    await grade.waitFor();
    await expect(grade.locator('.doc').textContent()).resolves.toBe('A（良）');
    await page.close();
  });

  it('renders the subject page on a phone without sideways scrolling (screenshot check)', async () => {
    const page = await open({ width: 375, height: 740 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${uscc}`);
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    // A section with nothing to show is left out, never printed as "null" or "undefined".
    expect(await page.evaluate<string>('document.getElementById("main").innerText')).not.toMatch(/\bnull\b|\bundefined\b/);
    const widths = await page.evaluate<{ scroll: number; viewport: number }>('({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    const dir = join(process.cwd(), 'tmp', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const png = PNG.sync.read(await page.screenshot({ path: join(dir, 'subject-page-phone.png'), fullPage: true }));
    expect(png.width).toBe(375);
    // The masthead is the brand blue (#0b4f8a) across the top, and the page is not blank below it.
    const at = (x: number, y: number) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3));
    expect(at(5, 5)).toEqual([0x0b, 0x4f, 0x8a]);
    let inked = 0;
    for (let y = 120; y < png.height; y += 2) for (let x = 0; x < png.width; x += 2) if (at(x, y).every((c) => c < 128)) inked++;
    expect(inked).toBeGreaterThan(500); // text rendered (CJK glyphs), not an empty page
    await page.close();
  });

  it('opens the published lists from the home page by keyboard on a phone: enterprises link to their page, drivers are masked', async () => {
    const page = await open({ width: 375, height: 740 });
    await page.goto(`${platform.gatewayUrl}/`);
    const badDriver = page.getByRole('navigation', { name: '信用名单' }).getByRole('link', { name: '不良驾驶员名单' });
    await badDriver.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '不良驾驶员名单', level: 2 }).waitFor();
    const entries = page.locator('#list-entries');
    await expect(entries.getByText('张**').isVisible()).resolves.toBe(true);
    await expect(entries.getByText('410***********1234').isVisible()).resolves.toBe(true);
    expect(await page.content()).not.toContain(driver.name);
    expect(await page.content()).not.toContain(driver.id);
    const widths = await page.evaluate<{ scroll: number; viewport: number }>('({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);

    // The red list: the enterprise's entry leads to its page, again by keyboard.
    await page.getByRole('link', { name: '← 全部名单' }).focus();
    await page.keyboard.press('Enter');
    const red = page.locator('#view').getByRole('link', { name: '红名单' });
    await red.waitFor();
    await red.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '红名单', level: 2 }).waitFor();
    await expect(page.getByText('郑交信〔2026〕31号').isVisible()).resolves.toBe(true);
    const subject = page.locator('#list-entries').getByRole('link', { name });
    await subject.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    // …where the membership shows too.
    await expect(page.locator('#view').getByText('红名单', { exact: true }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('loads the home page without a failed request or a console error (no stray /favicon.ico 404)', async () => {
    const page = await open({ width: 1280, height: 900 });
    const failed: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failed.push(`console: ${message.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${platform.gatewayUrl}/`, { waitUntil: 'networkidle' });
    await page.getByLabel('企业名称或统一社会信用代码').waitFor();
    expect(failed).toEqual([]);
    await page.close();
  });

  it('serves the portal with validators and a strict content security policy', async () => {
    const first = await fetch(`${platform.gatewayUrl}/portal/portal.js`);
    expect(first.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    const again = await fetch(`${platform.gatewayUrl}/portal/portal.js`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const missing = await fetch(`${platform.gatewayUrl}/portal/..%2f..%2fpackage.json`);
    expect(missing.status).toBe(404);
  });
});
