import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordUpdatedV1, EventEnvelope, Events } from '@contracts';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { SubjectListMemberships } from '../../lists/application/subject-list-memberships';
import { PublicationLog } from '../../publication-log/application/publication-log';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { ApplyCorrectionHandler } from './apply-correction.handler';
import { GetSubjectProfileHandler } from './get-subject-profile.handler';
import { ProjectCreditRecordHandler } from './project-credit-record.handler';

/**
 * Issue 21: a record under objection (异议) is marked as such on the profile, and a corrected
 * record says it was corrected, so a reader knows which published facts are disputed or amended.
 */
describe('published record status (PostgreSQL)', () => {
  const USCC = makeUscc();
  const RECORD = '00000000-0000-4000-8000-000000000021';
  let db: TestDatabase;
  let dataSource: DataSource;
  let created: ProjectCreditRecordHandler;
  let updated: ApplyCorrectionHandler;
  let profiles: GetSubjectProfileHandler;
  const touched: string[] = [];

  const facts = {
    recordId: RECORD,
    recordType: 'administrative-penalty',
    subject: { kind: 'org' as const, id: USCC, name: '郑州异议测试运输有限公司' },
    region: '410100',
    severity: 'general' as const,
    decisionDate: '2026-11-02',
    documentNumber: '郑交执罚〔2026〕2101号',
    isPublic: true,
  };
  const envelope = <T>(type: string, version: number, data: T, second: number): EventEnvelope<T> => ({
    id: `00000000-0000-4000-9000-0000000000${String(second).padStart(2, '0')}`,
    type,
    version,
    occurredAt: new Date(Date.UTC(2026, 10, 20, 8, 0, second)).toISOString(),
    subjectId: USCC,
    region: '410100',
    data,
  });
  const update = (change: string, status: string, version: number, overrides: Partial<CreditRecordUpdatedV1> = {}) =>
    envelope<CreditRecordUpdatedV1>(
      Events.CreditRecordUpdated.subject,
      Events.CreditRecordUpdated.version,
      { ...facts, status, change, version, changes: {}, changedBy: 'test', changedAt: '2026-11-20T08:00:00.000Z', ...overrides },
      version,
    );
  const apply = (event: EventEnvelope<CreditRecordUpdatedV1>) => dataSource.transaction((manager) => updated.handle(event, manager));
  const status = async () => (await profiles.execute({ uscc: USCC }, new Date('2026-11-21T00:00:00Z'))).penalties.map((p) => p.status);

  beforeAll(async () => {
    db = await cloneTestDatabase('record_status');
    dataSource = await db.dataSource(disclosureDefinition);
    const changes = { touch: async (_m: unknown, usccs: readonly string[]) => void touched.push(...usccs) } as unknown as ProfileChangesPort;
    const log = new PublicationLog(dataSource, changes);
    created = new ProjectCreditRecordHandler(log);
    updated = new ApplyCorrectionHandler(log, changes);
    profiles = new GetSubjectProfileHandler(dataSource, new SubjectListMemberships(dataSource));
    const event = envelope<CreditRecordCreatedV1>(
      Events.CreditRecordCreated.subject,
      Events.CreditRecordCreated.version,
      { ...facts, summary: '超限运输', sourceClientId: 'test', receivedAt: '2026-11-20T08:00:00.000Z' },
      0,
    );
    await dataSource.transaction((manager) => created.handle(event, manager));
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('is in force when published, under objection while one is open, in force again when it is rejected', async () => {
    expect(await status()).toEqual(['in-force']);
    await apply(update('objection-opened', 'under-objection', 2));
    expect(await status()).toEqual(['under-objection']);
    expect(touched).toContain(USCC); // the gateway's cached profile is dropped
    await apply(update('objection-rejected', 'active', 3));
    expect(await status()).toEqual(['in-force']);
  });

  it('ignores an objection update older than what is shown', async () => {
    await apply(update('objection-opened', 'under-objection', 3));
    expect(await status()).toEqual(['in-force']);
  });

  it('retries an objection that arrives before its record is projected, instead of dropping it (the two events have separate consumers)', async () => {
    const early = {
      ...update('objection-opened', 'under-objection', 2),
      data: { ...update('objection-opened', 'under-objection', 2).data, recordId: '00000000-0000-4000-8000-000000000022' },
    };
    await expect(apply(early)).rejects.toThrow(/not projected yet/);
  });

  it('says corrected once a correction is applied, whatever objection preceded it', async () => {
    await apply(update('objection-opened', 'under-objection', 4));
    await apply(update('corrected', 'corrected', 5, { documentNumber: '郑交执罚〔2026〕2102号' }));
    const [item] = (await profiles.execute({ uscc: USCC }, new Date('2026-11-21T00:00:00Z'))).penalties;
    expect(item).toMatchObject({ status: 'corrected', documentNumber: '郑交执罚〔2026〕2102号' });
  });
});
