import { randomUUID } from 'node:crypto';
import { addDays, addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Item {
  documentNumber: string;
}
interface Profile {
  penalties?: Item[];
  licences?: Item[];
  commitments?: Item[];
}

/**
 * Issue 16 fault: licences and commitments left public view after 3 months while the catalogue
 * says 36. The repair rule's periods (DOMAIN.md §5, 国家发展改革委令2025年第36号: minor ≤ 3 months,
 * general ≤ 1 year, severe ≤ 3 years) apply to dishonesty information only; other public
 * information (licences, commitments, commendations) follows the catalogue's publicity period
 * (catalogue v1: a local rule of 36 months, "自决定之日起公示，最长36个月").
 */
describe('publicity periods: dishonesty by the repair rule, other information by the catalogue', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { SCHEDULE_POLL_MS: '300' });
    zhengzhou = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Record<string, unknown>>(
    () => platform,
    () => zhengzhou,
  );
  const submit = async (body: unknown) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const status = async (id: string) => (await api(`/api/v1/credit-records/${id}`)).body.status;
  const profile = (uscc: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : ({} as Profile)));

  it('keeps a licence and a commitment decided 4 months ago public; a general penalty follows the 1-year maximum', async () => {
    const uscc = makeUscc();
    const subject = { kind: 'org', id: uscc, name: '郑州公示期运输有限公司' };
    const licenceNumber = `郑交运许〔2026〕${randomUUID().slice(0, 6)}号`;
    const licenceId = await submit({
      recordType: 'administrative-licence',
      subject,
      region: '410100',
      severity: 'minor',
      decisionDate: addMonths(today, -4),
      documentNumber: licenceNumber,
      payload: {
        licenceCategory: 'ordinary',
        licenceName: '道路运输经营许可证',
        licenceNumber: `豫交运管许可郑字${randomUUID().slice(0, 6)}`,
        content: '道路普通货物运输',
        validFrom: addMonths(today, -4),
        validUntil: addMonths(today, 44),
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      },
    });
    const commitmentNumber = `郑交承诺〔2026〕${randomUUID().slice(0, 6)}号`;
    const commitmentId = await submit({
      recordType: 'credit-commitment',
      subject,
      region: '410100',
      severity: 'minor',
      decisionDate: addMonths(today, -4),
      documentNumber: commitmentNumber,
      payload: {
        commitmentType: 'permit-application',
        content: '承诺所报车辆技术参数真实',
        dueDate: addMonths(today, 8),
        acceptingAuthority: '郑州市交通运输局',
      },
    });
    // General dishonesty: at most 1 year. Decided 11 months ago → still public; 13 months ago → over.
    const recent = creditRecordBody({ subject, severity: 'general', decisionDate: addMonths(today, -11) });
    const old = creditRecordBody({ subject, severity: 'general', decisionDate: addDays(addMonths(today, -12), -1) });
    const recentId = await submit(recent);
    const oldId = await submit(old);

    // The scheduler has run once the old penalty expired (collection's expiry job, every 300 ms).
    await eventually(
      () => status(oldId),
      (s) => s === 'expired',
      30_000,
    );
    expect(await status(licenceId)).toBe('active');
    expect(await status(commitmentId)).toBe('active');
    expect(await status(recentId)).toBe('active');

    const shown = await eventually(
      () => profile(uscc),
      (p) => (p.licences ?? []).length > 0 && (p.commitments ?? []).length > 0 && (p.penalties ?? []).length > 0,
      30_000,
    );
    expect(shown.licences?.map((i) => i.documentNumber)).toEqual([licenceNumber]);
    expect(shown.commitments?.map((i) => i.documentNumber)).toEqual([commitmentNumber]);
    expect(shown.penalties?.map((i) => i.documentNumber)).toEqual([recent.documentNumber]);
  }, 90_000);
});
