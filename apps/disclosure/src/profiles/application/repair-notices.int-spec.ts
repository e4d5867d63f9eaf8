import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events, RepairNoticeIssuedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { SubjectListMemberships } from '../../lists/application/subject-list-memberships';
import { PublicationLog } from '../../publication-log/application/publication-log';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { GetSubjectProfileHandler } from './get-subject-profile.handler';
import { ProjectCreditRecordHandler } from './project-credit-record.handler';
import { ProjectRepairNoticeHandler } from './project-repair-notice.handler';

/**
 * Issue 19 item 9: the repair service's notice (`repair.notices.issued`) becomes the "可修复" entry
 * beside the published record, whichever of the two streams delivers first; a stale notice does not
 * overwrite a newer one; individuals' notices are not kept (they have no public profile, ADR 0031).
 * The dates are the notice's: a general record decided 2026-11-02 may be repaired from 2027-02-03,
 * the day after its 3-month minimum (国家发展改革委令2025年第36号, DOMAIN.md §5).
 */
describe('repair notices in the public read model (PostgreSQL)', () => {
  const USCC = makeUscc();
  const RECORD = '00000000-0000-4000-8000-000000000191';
  let db: TestDatabase;
  let dataSource: DataSource;
  let records: ProjectCreditRecordHandler;
  let notices: ProjectRepairNoticeHandler;
  let profiles: GetSubjectProfileHandler;
  const touched: string[] = [];

  const subject = { kind: 'org' as const, id: USCC, name: '郑州修复告知测试运输有限公司' };
  const envelope = <T>(type: string, version: number, data: T, second: number): EventEnvelope<T> => ({
    id: `00000000-0000-4000-9000-0000000001${String(second).padStart(2, '0')}`,
    type,
    version,
    occurredAt: new Date(Date.UTC(2026, 10, 20, 8, 0, second)).toISOString(),
    subjectId: USCC,
    region: '410100',
    data,
  });
  const notice = (second: number, overrides: Partial<RepairNoticeIssuedV1> = {}) =>
    envelope<RepairNoticeIssuedV1>(
      Events.RepairNoticeIssued.subject,
      Events.RepairNoticeIssued.version,
      {
        recordId: RECORD,
        recordType: 'administrative-penalty',
        subject,
        region: '410100',
        severity: 'general',
        decisionDate: '2026-11-02',
        earliestRepairDate: '2027-02-03',
        publicationEndsOn: '2027-11-02',
        mode: 'repair-commitment',
        modeBasis: '超限运输',
        issuedAt: new Date(Date.UTC(2026, 10, 20, 8, 0, second)).toISOString(),
        ...overrides,
      },
      second,
    );
  const receive = (event: EventEnvelope<RepairNoticeIssuedV1>) => dataSource.transaction((manager) => notices.handle(event, manager));
  const repairShown = async () => (await profiles.execute({ uscc: USCC }, new Date('2026-11-21T00:00:00Z'))).penalties.map((p) => p.repair);

  beforeAll(async () => {
    db = await cloneTestDatabase('repair_notices');
    dataSource = await db.dataSource(disclosureDefinition);
    const changes = { touch: async (_m: unknown, usccs: readonly string[]) => void touched.push(...usccs) } as unknown as ProfileChangesPort;
    records = new ProjectCreditRecordHandler(new PublicationLog(dataSource, changes));
    notices = new ProjectRepairNoticeHandler(changes);
    profiles = new GetSubjectProfileHandler(dataSource, new SubjectListMemberships(dataSource));
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('keeps a notice that arrives before its record, and shows it beside the record once projected', async () => {
    await receive(notice(1));
    expect(touched).toEqual([USCC]);
    const created = envelope<CreditRecordCreatedV1>(
      Events.CreditRecordCreated.subject,
      Events.CreditRecordCreated.version,
      {
        recordId: RECORD,
        recordType: 'administrative-penalty',
        subject,
        region: '410100',
        severity: 'general',
        decisionDate: '2026-11-02',
        documentNumber: '郑交执罚〔2026〕1901号',
        isPublic: true,
        summary: '超限运输',
        sourceClientId: 'test',
        receivedAt: '2026-11-20T08:00:00.000Z',
      },
      0,
    );
    await dataSource.transaction((manager) => records.handle(created, manager));
    expect(await repairShown()).toEqual([{ earliestDate: '2027-02-03', mode: 'repair-commitment', modeBasis: '超限运输' }]);
  });

  it('takes a newer notice and ignores an older one delivered late', async () => {
    await receive(notice(5, { mode: 'closed-loop', modeBasis: '未列入清单的事项须提交整改材料并经审核' }));
    await receive(notice(3, { mode: 'repair-commitment' }));
    expect(await repairShown()).toEqual([{ earliestDate: '2027-02-03', mode: 'closed-loop', modeBasis: '未列入清单的事项须提交整改材料并经审核' }]);
  });

  it('a corrected record’s notice (version 2) stays when the original’s (version 1) is delivered after it', async () => {
    // Corrected from general to severe: the earliest date moves to the day after 1 year (DOMAIN.md §5).
    await receive(notice(10, { severity: 'severe', earliestRepairDate: '2027-11-03', mode: 'repair-commitment', recordVersion: 2 }));
    await receive(notice(11, { earliestRepairDate: '2027-02-03', recordVersion: 1 }));
    await receive(notice(12, { earliestRepairDate: '2027-02-03' }));
    expect(await repairShown()).toEqual([{ earliestDate: '2027-11-03', mode: 'repair-commitment', modeBasis: '超限运输' }]);
  });

  it('keeps no notice about an individual, and refuses one without a date as poison (nothing written)', async () => {
    touched.length = 0;
    await receive(notice(7, { recordId: '00000000-0000-4000-8000-000000000192', subject: { kind: 'person', id: '410102199001011234', name: '张三' } }));
    await expect(receive(notice(8, { recordId: '00000000-0000-4000-8000-000000000193', earliestRepairDate: '3 months' }))).rejects.toBeInstanceOf(
      PoisonMessageError,
    );
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM public_repair_notices`);
    expect(count).toBe(1);
    expect(touched).toEqual([]);
  });
});
