import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { addDays } from '@domain/calendar';
import { chinaToday } from '@platform/testing';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { contrast } from '../support/contrast';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

type Json = Record<string, unknown> & { code?: string };

/** A China date as the portal writes it (zh-CN long form): 2026年12月7日. */
const zhDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The platform's public address as configured: the permit's QR code must name it. */
const PUBLIC_BASE = 'https://xinyong.example.invalid';

/**
 * Issue 18 item 6 on the public side: the QR code printed on an oversize-transport permit opens a
 * portal page (not JSON) that shows the permit as the public verification gives it — the carrier
 * in full (an enterprise, as its published licences show it), plates masked (province character
 * and office letter, then the last two characters) — and says in Chinese whether it may be used:
 * valid, not yet valid, expired, revoked, or no such permit. Checked in headless Chromium on a phone.
 */
describe('public portal: the permit page the QR code opens', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let api: ReturnType<typeof gatewayApi<Json>>;
  const today = chinaToday();
  const screenshots = join(process.cwd(), 'tmp', 'screenshots');

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure', 'joint-measures', 'permits'], { PUBLIC_BASE_URL: PUBLIC_BASE });
    const window = await platform.token('zhengzhou-permits');
    api = gatewayApi<Json>(
      () => platform,
      () => window,
    );
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 60_000);

  /** Zhengzhou → Xinyang inside Henan, class II (4.4 m × 3.5 m × 22 m, 51 t on 6 axles; DOMAIN.md §7). */
  const application = (carrierUscc: string, window: { from: string; to: string }) => ({
    carrierUscc,
    vehicle: {
      tractorPlate: '豫A12345',
      trailerPlate: '豫A6789挂',
      axleCount: 6,
      configuration: 'combination',
      driveAxle: 'tandem',
      trailerType: 'flatbed',
      axleLoadsKg: [6000, 9000, 9000, 9000, 9000, 9000],
    },
    cargo: { description: '变压器', divisible: false },
    dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
    route: {
      origin: '郑州市',
      destination: '信阳市',
      segments: [
        {
          province: '410000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.62, 34.75],
              [114.07, 32.12],
            ],
          },
        },
      ],
    },
    window,
    speedKmh: 60,
    trips: 'single',
    commitment: true,
  });

  /** A permit issued by Zhengzhou's window for a registered oversize carrier; its number. */
  async function issuePermit(window: { from: string; to: string }): Promise<{ permitNo: string; carrier: string }> {
    const carrier = makeUscc('410100');
    await registerSubjects(platform, [{ kind: 'org', id: carrier, sectors: ['oversize-transport'], region: '410100' }]);
    const accepted = await eventually(
      () => api('/api/v1/permit-applications', { method: 'POST', body: application(carrier, window) }),
      (r) => r.body.code !== 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
    );
    expect(accepted.body.status).toBe('accepted');
    const issued = await api(`/api/v1/permit-applications/${accepted.body.id as string}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect(issued.status).toBe(200);
    return { permitNo: (issued.body as { permit: { permitNo: string } }).permit.permitNo, carrier };
  }

  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  };
  const noSidewaysScroll = async (page: Page) => {
    const widths = await page.evaluate<{ scroll: number; viewport: number }>('({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
  };
  /** WCAG AA: the element's text against the card it sits on, at least 4.5:1. */
  const readable = async (page: Page, selector: string) => {
    const colours = await page.evaluate<{ fg: string; bg: string }>(
      `(() => ({ fg: getComputedStyle(document.querySelector('${selector}')).color, bg: getComputedStyle(document.querySelector('.card')).backgroundColor }))()`,
    );
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
  };
  const verdict = (page: Page) => page.locator('#view [role=status]').textContent();

  it('the QR code names the portal page on the public address; the page shows the valid permit, plates masked, on a phone', async () => {
    const { permitNo, carrier } = await issuePermit({ from: today, to: addDays(today, 2) });
    const qr = await fetch(`${platform.gatewayUrl}/public/v1/permits/${encodeURIComponent(permitNo)}/qr`);
    const target = qr.headers.get('x-verification-url')!;
    expect(target).toBe(`${PUBLIC_BASE}/#/permits/${permitNo}`);

    const page = await open();
    // The gateway stands for the public address here.
    await page.goto(target.replace(PUBLIC_BASE, platform.gatewayUrl));
    await page.getByRole('heading', { name: '超限运输车辆通行许可证核验', level: 2 }).waitFor();
    await expect(verdict(page)).resolves.toBe('有效：该许可证在有效期内，车辆须按许可的时间、路线通行。');
    const facts = await page.locator('#view dl.facts').innerText();
    expect(facts).toContain(permitNo);
    expect(facts).toContain(carrier);
    // Masked as the public verification masks them (issue 18 item 6): 豫A + *** + the last two characters.
    expect(facts).toContain('豫A***45（牵引车） · 豫A***9挂（挂车）');
    expect(facts).not.toContain('豫A12345');
    expect(facts).toContain('郑州市 至 信阳市');
    // Names, not codes (GB/T 2260; the issuing authority of 62号令 第十二条): 途经省份 河南省, 许可机关 河南省交通运输厅.
    expect(facts).toMatch(/途经省份\s*河南省/);
    expect(facts).toMatch(/许可机关\s*河南省交通运输厅/);
    expect(facts).not.toContain('行政区划');
    expect(facts).toContain(`${zhDate(today)} 至 ${zhDate(addDays(today, 2))}`);
    expect(await page.evaluate<string>('document.getElementById("main").innerText')).not.toMatch(/\bnull\b|\bundefined\b|NaN|\[object/);
    // The carrier leads to its public profile by keyboard.
    await expect(page.getByRole('link', { name: '某运输有限公司' }).getAttribute('href')).resolves.toBe(`#/subjects/${carrier}`);
    await readable(page, '.verdict');
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(screenshots, 'permit-valid-phone.png'), fullPage: true });
    // No loose end: the issued permit is published as the carrier's licence (双公示), so the link
    // leads, by keyboard, to a profile that lists it.
    await eventually(
      () =>
        fetch(`${platform.gatewayUrl}/public/v1/subjects/${carrier}`).then(async (r) =>
          r.ok ? ((await r.json()) as { licences: { documentNumber: string }[] }).licences : [],
        ),
      (licences) => licences.some((l) => l.documentNumber === permitNo),
      30_000,
    );
    await page.getByRole('link', { name: '某运输有限公司' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /行政许可（1）/ }).waitFor();
    await expect(page.locator('li', { hasText: permitNo }).isVisible()).resolves.toBe(true);
    await page.close();
  }, 90_000);

  it('says a revoked permit and an expired one may not be used, and a not-yet-valid one not yet', async () => {
    const revoked = await issuePermit({ from: today, to: addDays(today, 2) });
    const revocation = await api(`/api/v1/permits/${encodeURIComponent(revoked.permitNo)}/revocation`, {
      method: 'POST',
      body: { reason: '申请材料中的车辆行驶证系伪造', falseMaterials: false },
    });
    expect(revocation.status).toBe(200);
    const expired = await issuePermit({ from: addDays(today, -10), to: addDays(today, -8) });
    const later = await issuePermit({ from: addDays(today, 5), to: addDays(today, 6) });
    const page = await open();
    for (const [permitNo, sentence] of [
      [revoked.permitNo, '已撤销：该许可证已被许可机关撤销，不得凭其通行。'],
      [expired.permitNo, '已过期：有效期已届满，不得再凭该许可证通行。'],
      [later.permitNo, '尚未生效：有效期开始前不得凭该许可证通行。'],
    ]) {
      await page.goto(`${platform.gatewayUrl}/#/permits/${permitNo}`);
      await page.locator('#view dl.facts').waitFor();
      await expect(verdict(page)).resolves.toBe(sentence);
      await readable(page, '.verdict');
    }
    await page.goto(`${platform.gatewayUrl}/#/permits/${revoked.permitNo}`);
    await page.locator('#view dl.facts').waitFor();
    await page.screenshot({ path: join(screenshots, 'permit-revoked-phone.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('answers an unknown or hostile permit number in Chinese (the API keeps its 404 and code)', async () => {
    const unknown = await fetch(`${platform.gatewayUrl}/public/v1/permits/410000-2026-999999`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Json).code).toBe('PERMIT.NOT_FOUND');
    const page = await open();
    for (const permitNo of ['410000-2026-999999', '<img src=x onerror=alert(1)>']) {
      await page.goto(`${platform.gatewayUrl}/#/permits/${encodeURIComponent(permitNo)}`);
      await expect(page.getByRole('alert').textContent()).resolves.toBe(
        '未找到该编号的超限运输许可证，请核对许可证编号；如为伪造证件，请向交通运输执法部门举报。',
      );
    }
    await expect(page.locator('#view img').count()).resolves.toBe(0);
    await noSidewaysScroll(page);
    await page.close();
  }, 60_000);
});
