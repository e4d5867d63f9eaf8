import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events } from '@contracts';
import type { Principal } from '@platform/auth';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { ProjectCreditRecordHandler } from '../../profiles/application/project-credit-record.handler';
import { withdrawRecord } from '../../profiles/application/withdraw-record';
import { PublicationLog } from './publication-log';
import type { ProfileChangesPort } from './publication-log.tokens';
import { ListRecordChangesHandler } from './list-record-changes.handler';

/**
 * ADR 0079: the records part of the exchange change feed is disclosure's publication log, each
 * record at its newest entry, only ours, only about enterprises registered in the caller's region
 * (USCC positions 3–8, issue 20 item 1). The Hubei partner (420000) follows it.
 */
describe('record changes for the exchange feed (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let project: ProjectCreditRecordHandler;
  let log: PublicationLog;
  let changes: ListRecordChangesHandler;
  const hubei: Principal = { clientId: 'hubei-partner', kind: 'partner', scopes: ['exchange:read'], region: '420000' };
  let second = 0;

  const record = (n: number, uscc: string, partner?: CreditRecordCreatedV1['partner']): EventEnvelope<CreditRecordCreatedV1> => {
    second += 1;
    return {
      id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
      type: Events.CreditRecordCreated.subject,
      version: Events.CreditRecordCreated.version,
      occurredAt: new Date(Date.UTC(2026, 10, 20, 8, 0, second)).toISOString(),
      subjectId: uscc,
      region: '410100',
      data: {
        recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        recordType: 'administrative-penalty',
        subject: { kind: 'org', id: uscc, name: `测试运输有限公司${n}` },
        region: partner ? '420100' : '410100',
        severity: 'general',
        decisionDate: '2026-11-02',
        documentNumber: `郑交罚〔2026〕${n}号`,
        isPublic: true,
        summary: `超限运输 ${n}`,
        sourceClientId: partner ? 'hubei-partner' : 'zhengzhou',
        receivedAt: '2026-11-20T08:00:00.000Z',
        ...(partner ? { partner } : {}),
      },
    };
  };
  const publish = (...events: EventEnvelope<CreditRecordCreatedV1>[]) => dataSource.transaction((manager) => project.handleBatch(events, manager));
  const recordId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    db = await cloneTestDatabase('record_changes');
    dataSource = await db.dataSource(disclosureDefinition);
    log = new PublicationLog(dataSource, { touch: async () => undefined } as unknown as ProfileChangesPort);
    project = new ProjectCreditRecordHandler(log);
    changes = new ListRecordChangesHandler(dataSource);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers our published records about Hubei enterprises at their newest state, never Henan’s nor a partner’s own', async () => {
    await publish(
      record(1, makeUscc('420100')),
      record(2, makeUscc('410100')),
      record(3, makeUscc('420500'), { region: '420000', sourceReference: 'HB-1', agreement: 'hubei-demo' }),
      record(4, makeUscc('420100')),
    );
    await dataSource.transaction((manager) => withdrawRecord(manager, log, recordId(4), new Date('2026-11-21T08:00:00Z'), 'revoked: 文书错误'));
    await publish(record(5, makeUscc('410200')));

    const read = await changes.execute(hubei, { after: '0', limit: 100 });
    expect(read.changes.map((c) => [c.recordId, c.event, c.publicationVersion, c.reason])).toEqual([
      [recordId(1), 'published', 1, ''],
      [recordId(4), 'withdrawn', 2, 'revoked: 文书错误'],
    ]);
    expect(read.changes[0]).toMatchObject({ subjectName: '测试运输有限公司1', region: '410100', summary: '超限运输 1', documentNumber: '郑交罚〔2026〕1号' });
    // Henan's record 5 came last: the read examined it too, so the reader resumes past it.
    expect(read.next).toBe(read.head);
    // One log entry per publication and per withdrawal: five records published (the partner's too), one withdrawn.
    expect(read.head).toBe('6');
  });

  it('pages in log order from `next`: a full page stops at its last change, the rest follows', async () => {
    const first = await changes.execute(hubei, { after: '0', limit: 1 });
    expect(first.changes.map((c) => c.recordId)).toEqual([recordId(1)]);
    expect(first.next).toBe(first.changes[0].position);
    const rest = await changes.execute(hubei, { after: first.next, limit: 1 });
    expect(rest.changes.map((c) => c.recordId)).toEqual([recordId(4)]);
    const end = await changes.execute(hubei, { after: rest.next, limit: 1 });
    expect(end).toMatchObject({ changes: [], next: end.head });
  });

  it('gives a reader at the head only what was published after it', async () => {
    const { head } = await changes.execute(hubei, { after: '0', limit: 100 });
    await publish(record(6, makeUscc('421000')));
    const after = await changes.execute(hubei, { after: head, limit: 100 });
    expect(after.changes.map((c) => c.recordId)).toEqual([recordId(6)]);
  });

  it('shows a city partner only its own city’s enterprises', async () => {
    const wuhan = await changes.execute({ ...hubei, region: '420100' }, { after: '0', limit: 100 });
    expect(wuhan.changes.map((c) => c.recordId)).toEqual([recordId(1), recordId(4)]);
  });

  it('refuses a caller without exchange:read, and a position that is not one', async () => {
    await expect(changes.execute({ ...hubei, scopes: ['records:read'] }, { after: '0', limit: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(changes.execute(hubei, { after: '-1', limit: 1 })).rejects.toMatchObject({ code: 'RECORD_CHANGES.INVALID_POSITION' });
  });
});
