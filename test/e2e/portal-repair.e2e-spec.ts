import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { addDays, addMonths } from '@domain/calendar';
import { chinaToday, readPdf } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { contrast } from '../support/contrast';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Item {
  documentNumber: string;
  repair?: { earliestDate: string; mode: string } | null;
}
interface Profile {
  penalties?: Item[];
  licences?: Item[];
}
interface Verified {
  intact: boolean;
  logged: boolean;
  current: boolean;
  changes: { event: string; item: string; reason: string; effectiveAt: string; logSeq: string }[];
}
type Body = Record<string, unknown> & { code?: string };

/** A China date as the portal writes it (zh-CN long form): 2027年3月6日. */
const zhDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
/** The same date as the report writes it (zh-CN short form): 2027/3/6. */
const slashDate = (day: string) => day.split('-').map(Number).join('/');

/**
 * Issue 19 item 9 and issue 21 on the public side: beside each record in its window, when and how it
 * can be repaired (可修复), on the portal and in the credit report; and a report whose facts were
 * repaired since says it is no longer current, and what changed. The expected dates come from the
 * rule, not the code: 国家发展改革委令2025年第36号 (DOMAIN.md §5) — a general record may be repaired
 * after at least 3 months, a severe one after at least 1 year, counted from the decision date; the
 * repair may be applied for from the next day. The mode comes from the repair checklist (seed 003
 * 珠海): 超限运输 has no continuing state (commitment), 未按规定使用卫星定位装置 does (closed loop).
 */
describe('public portal: the repair entry beside each record, and reports no longer current', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let api: ReturnType<typeof gatewayApi<Body>>;
  const today = chinaToday();
  const screenshots = join(process.cwd(), 'tmp', 'screenshots');
  const COMMITMENT = '本单位已纠正违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure', 'repair'], { PUBLIC_BASE_URL: 'https://credit.example.invalid' });
    const token = await platform.token('zhengzhou');
    api = gatewayApi<Body>(
      () => platform,
      () => token,
    );
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 60_000);

  const penalty = (uscc: string, name: string, severity: 'general' | 'severe', decisionDate: string, violationType: string) => {
    const body = creditRecordBody({ subject: { kind: 'org', id: uscc, name }, severity, decisionDate });
    body.payload = { ...body.payload, violationType };
    return body;
  };
  const submit = async (body: object): Promise<string> => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const profile = (uscc: string) => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : {}));
  /** The profile once every penalty shown carries its repair entry (the notice travels on its own stream). */
  const profileWithRepairs = (uscc: string, penalties: number) =>
    eventually(
      () => profile(uscc),
      (p) => (p.penalties ?? []).length === penalties && (p.penalties ?? []).every((i) => i.repair?.earliestDate),
      30_000,
    );
  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await browser.newPage({ viewport, locale: 'zh-CN' });
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  };

  it('a penalty recorded through the gateway shows the earliest repair date the rule gives, and the mode, on the profile, the page and the report', async () => {
    const uscc = makeUscc('410100');
    const name = '郑州可修复测试运输有限公司';
    const decisionDate = addDays(today, -1);
    const general = penalty(uscc, name, 'general', decisionDate, '超限运输');
    const severe = penalty(uscc, name, 'severe', decisionDate, '未按规定使用卫星定位装置');
    await submit(general);
    await submit(severe);
    // General: at least 3 months; severe: at least 1 year; a repair from the next day (DOMAIN.md §5).
    const generalEarliest = addDays(addMonths(decisionDate, 3), 1);
    const severeEarliest = addDays(addMonths(decisionDate, 12), 1);

    const shown = await profileWithRepairs(uscc, 2);
    const byDoc = new Map((shown.penalties ?? []).map((i) => [i.documentNumber, i.repair]));
    expect(byDoc.get(general.documentNumber)).toMatchObject({ earliestDate: generalEarliest, mode: 'repair-commitment' });
    expect(byDoc.get(severe.documentNumber)).toMatchObject({ earliestDate: severeEarliest, mode: 'closed-loop' });

    // The subject page, on a phone: "可修复" beside each penalty with the date and how.
    const page = await open({ width: 375, height: 740 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${uscc}`);
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    const entry = (doc: string) => page.locator('li', { hasText: doc }).locator('.repair');
    await expect(entry(general.documentNumber).textContent()).resolves.toBe(
      `可修复 自${zhDate(generalEarliest)}起可申请信用修复（承诺修复：纠正失信行为、履行法定义务后，作出信用承诺即可申请），向作出决定的单位提出。`,
    );
    await expect(entry(severe.documentNumber).textContent()).resolves.toContain(`自${zhDate(severeEarliest)}起可申请信用修复（闭环修复：须先整改到位`);
    const widths = await page.evaluate<{ scroll: number; viewport: number }>('({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    // The tag is readable (WCAG AA 4.5:1 against the card).
    const colours = await page.evaluate<{ fg: string; bg: string }>(
      `(() => ({ fg: getComputedStyle(document.querySelector('.repair .tag')).color, bg: getComputedStyle(document.querySelector('.card')).backgroundColor }))()`,
    );
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
    expect(await page.evaluate<string>('document.getElementById("main").innerText')).not.toMatch(/\bnull\b|\bundefined\b|NaN|\[object/);
    await page.screenshot({ path: join(screenshots, 'subject-repairable-phone.png'), fullPage: true });
    await page.close();

    // The report states the same beside each record, read back as text.
    const report = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}/report`);
    expect(report.status).toBe(200);
    const pdf = Buffer.from(await report.arrayBuffer());
    if (process.env.REPORT_PDF) writeFileSync(process.env.REPORT_PDF, pdf); // to read it as a person does (pdftotext, a viewer)
    const text = readPdf(pdf).text.replace(/\s*\n\s*/g, '');
    expect(text).toContain(`可修复：自 ${slashDate(generalEarliest)} 起可申请信用修复（承诺修复：纠正失信行为、履行法定义务后，作出信用承诺即可申请）`);
    expect(text).toContain(`可修复：自 ${slashDate(severeEarliest)} 起可申请信用修复（闭环修复：须先整改到位，提交整改证明后申请）`);
    // … and its JSON twin (what verification returns) holds the same entries.
    const verified = (await fetch(`${platform.gatewayUrl}/public/v1/reports/${report.headers.get('x-report-code')!}`).then((r) => r.json())) as {
      profile: Profile;
      current: boolean;
    };
    expect(verified.current).toBe(true);
    expect(verified.profile.penalties?.map((i) => i.repair?.earliestDate).sort()).toEqual([generalEarliest, severeEarliest].sort());
  }, 90_000);

  it('a penalty corrected from general to severe after its notice: the profile shows the severe minimum, not the old date', async () => {
    const uscc = makeUscc('410100');
    const decisionDate = addDays(today, -1);
    const body = penalty(uscc, '郑州更正修复日期测试运输有限公司', 'general', decisionDate, '超限运输');
    const id = await submit(body);
    expect((await profileWithRepairs(uscc, 1)).penalties?.[0].repair?.earliestDate).toBe(addDays(addMonths(decisionDate, 3), 1));
    const opened = await api(`/api/v1/credit-records/${id}/objections`, {
      method: 'POST',
      body: { reason: '失信程度认定有误', objector: { name: '郑州更正修复日期测试运输有限公司', contact: '0371-12345678' } },
    });
    expect(opened.status).toBe(201);
    const resolved = await api(`/api/v1/objections/${opened.body.id as string}/resolution`, {
      method: 'POST',
      body: { outcome: 'upheld', note: '经核实，应认定为严重失信', correction: { severity: 'severe' } },
    });
    expect(resolved.status).toBe(200);
    // Severe: at least 1 year from the decision date, a repair from the next day (DOMAIN.md §5).
    const severeEarliest = addDays(addMonths(decisionDate, 12), 1);
    const shown = await eventually(
      () => profile(uscc),
      (p) => p.penalties?.[0]?.repair?.earliestDate === severeEarliest,
      30_000,
    );
    expect(shown.penalties?.[0].repair?.earliestDate).toBe(severeEarliest);
  });

  it('a licence (not dishonesty) has no repair entry', async () => {
    const uscc = makeUscc('410100');
    const licence = creditRecordBody({ subject: { kind: 'org', id: uscc, name: '郑州许可无修复测试运输有限公司' }, severity: 'minor' });
    Object.assign(licence, {
      recordType: 'administrative-licence',
      payload: {
        licenceCategory: 'ordinary',
        licenceName: '道路运输经营许可证',
        licenceNumber: '豫交运管许可郑字410100778',
        content: '道路普通货物运输',
        validFrom: today,
        validUntil: '2030-12-31',
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      },
    });
    await submit(licence);
    const shown = await eventually(
      () => profile(uscc),
      (p) => (p.licences ?? []).length === 1,
      30_000,
    );
    expect(shown.licences?.[0].repair ?? undefined).toBeUndefined();
  }, 60_000);

  it('a report whose penalty was repaired after issue still verifies, but says it is no longer current and what changed', async () => {
    const uscc = makeUscc('410100');
    const name = '郑州报告失效测试运输有限公司';
    // Decided 4 months ago: past the 3-month minimum of a general record, so repairable today.
    const body = penalty(uscc, name, 'general', addMonths(today, -4), '超限运输');
    const recordId = await submit(body);
    const shown = await profileWithRepairs(uscc, 1);
    expect(shown.penalties?.[0].repair).toMatchObject({ earliestDate: addDays(addMonths(addMonths(today, -4), 3), 1) });

    const page = await open({ width: 375, height: 740 });
    await page.goto(`${platform.gatewayUrl}/#/subjects/${uscc}`);
    await expect(page.locator('li', { hasText: body.documentNumber }).locator('.repair').textContent()).resolves.toContain('可修复 现可申请信用修复（承诺修复');

    const report = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}/report`);
    const code = report.headers.get('x-report-code')!;
    const filed = await api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } });
    expect(filed.status).toBe(201);
    const approved = await api(`/api/v1/repair-applications/${filed.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正失信行为并作出信用承诺，同意信用修复' },
    });
    expect(approved.status).toBe(200);

    const verified = await eventually(
      () => fetch(`${platform.gatewayUrl}/public/v1/reports/${code}`).then(async (r) => (await r.json()) as Verified),
      (v) => v.current === false,
      30_000,
    );
    // Authentic for its moment (hash and log hold), but the penalty it showed was withdrawn by the repair.
    expect(verified).toMatchObject({ intact: true, logged: true, current: false });
    expect(verified.changes).toEqual([expect.objectContaining({ event: 'withdrawn', item: body.documentNumber, reason: 'repair' })]);

    await page.goto(`${platform.gatewayUrl}/#/reports/${code}`);
    await page.getByRole('heading', { name: /核验通过/ }).waitFor();
    await expect(page.getByRole('heading', { name: '报告内容已不是最新：出具后以下信息发生了变化' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(`${body.documentNumber}：已撤销公示（信用修复）`).isVisible()).resolves.toBe(true);
    await expect(page.getByText('否：出具后报告所载信息发生了变化，见下方说明。').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'report-no-longer-current-phone.png'), fullPage: true });
    await page.close();
  }, 90_000);
});
