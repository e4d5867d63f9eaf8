import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordRevokedV1, EvaluationGradeChangedV1, EventEnvelope, Events } from '@contracts';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { VerifyPublicationLogHandler } from '../../publication-log/application/verify-publication-log.handler';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { ProjectCreditRecordHandler } from './project-credit-record.handler';
import { WithdrawRevokedRecordHandler } from './withdraw-revoked-record.handler';
import { ProjectGradeHandler } from './project-grade.handler';

/**
 * Every batch handler against its single-event handler (ADR 0033): the same events applied one by
 * one into one database and as one batch into another must leave the same rows.
 */

/** One disclosure database, with handlers whose profile-change notices are recorded. */
interface Side {
  db: TestDatabase;
  dataSource: DataSource;
  log: PublicationLog;
  handler: ProjectCreditRecordHandler;
  revoked: WithdrawRevokedRecordHandler;
  touched: string[];
}

async function openSide(label: string): Promise<Side> {
  const db = await cloneTestDatabase(label);
  const dataSource = await db.dataSource(disclosureDefinition);
  const touched: string[] = [];
  const changes = { touch: async (_manager: unknown, usccs: readonly string[]) => void touched.push(...usccs) } as unknown as ProfileChangesPort;
  const log = new PublicationLog(dataSource, changes);
  const handler = new ProjectCreditRecordHandler(log);
  const revoked = new WithdrawRevokedRecordHandler(log);
  return { db, dataSource, log, handler, revoked, touched };
}

const USCC = ['91410100MA0000001A', '91410100MA0000002B', '91410100MA0000003C', '91410100MA0000004D', '91410100MA0000005E'];
const RECORD = Array.from({ length: 9 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);

let sequence = 0;
function created(recordId: string, uscc: string, overrides: Partial<CreditRecordCreatedV1> = {}): EventEnvelope<CreditRecordCreatedV1> {
  sequence += 1;
  return {
    id: randomUUID(),
    type: Events.CreditRecordCreated.subject,
    version: Events.CreditRecordCreated.version,
    occurredAt: new Date(Date.UTC(2026, 10, 20, 8, 0, sequence)).toISOString(),
    subjectId: uscc,
    region: '410100',
    data: {
      recordId,
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: uscc, name: `郑州测试运输有限公司${sequence}` },
      region: '410100',
      severity: 'general',
      decisionDate: '2026-11-02',
      documentNumber: `郑交执罚〔2026〕${1000 + sequence}号`,
      isPublic: true,
      summary: `summary ${sequence}`,
      sourceClientId: 'test',
      receivedAt: '2026-11-20T08:00:00.000Z',
      ...overrides,
    },
  };
}

function revoked(recordId: string, uscc: string, reason: string, at: string): EventEnvelope<CreditRecordRevokedV1> {
  return {
    id: randomUUID(),
    type: Events.CreditRecordRevoked.subject,
    version: Events.CreditRecordRevoked.version,
    occurredAt: at,
    subjectId: uscc,
    region: '410100',
    data: { recordId, recordType: 'administrative-penalty', subject: { kind: 'org', id: uscc }, reason, version: 2, revokedBy: 'test', revokedAt: at },
  };
}

/**
 * What the projection leaves, without what legitimately differs between two databases or two
 * runs: public_subjects.updated_at (the clock at write time), public_records.publication_id and
 * the log's publication_id (random per database: compared through the record they belong to),
 * and the log's logged_at, content_hash, prev_hash and hash (they derive from logged_at and the
 * publication id; each chain is verified on its own instead).
 */
async function stateOf(side: Side) {
  const subjects = await side.dataSource.query(`SELECT uscc, name, region FROM public_subjects ORDER BY uscc`);
  const records = await side.dataSource.query(
    `SELECT record_id, uscc, record_type, document_number, decision_date::text, severity, summary, published_from, published_until,
            withdrawn_at, withdrawn_reason, record_version FROM public_records ORDER BY record_id`,
  );
  const withdrawals = await side.dataSource.query(`SELECT record_id, withdrawn_at, reason FROM record_withdrawals ORDER BY record_id`);
  const log: { seq: string; record_id: string; event: string; content: Record<string, unknown>; publication_id: string }[] = await side.dataSource.query(
    `SELECT l.seq, r.record_id, l.event, l.content, l.publication_id FROM publication_log l LEFT JOIN public_records r USING (publication_id) ORDER BY l.seq`,
  );
  for (const entry of log) expect(entry.content.publicationId).toBe(entry.publication_id);
  return {
    subjects,
    records,
    withdrawals,
    log: log.map(({ seq, record_id, event, content: { publicationId: _, ...facts } }) => ({ seq, record_id, event, facts })),
    touched: [...new Set(side.touched)].sort(),
  };
}

describe('credit.records.created: the batch handler leaves what the single-event handler leaves (PostgreSQL)', () => {
  let single: Side;
  let batch: Side;

  beforeAll(async () => {
    [single, batch] = await Promise.all([openSide('created-single'), openSide('created-batch')]);
  });

  afterAll(async () => {
    await Promise.all([single, batch].filter(Boolean).map((side) => side.db.drop()));
  });

  /** The same history before the batch: a revocation handled first, and a record already shown and since expired. */
  async function seed(side: Side, earlier: EventEnvelope<CreditRecordCreatedV1>): Promise<void> {
    await side.dataSource.query(`INSERT INTO record_withdrawals (record_id, withdrawn_at, reason) VALUES ($1, '2026-11-19T00:00:00Z', 'revoked: duplicate')`, [
      RECORD[3],
    ]);
    await side.dataSource.transaction((manager) => side.handler.handle(earlier, manager));
    await side.dataSource.query(
      `UPDATE public_records SET withdrawn_at = published_from, withdrawn_reason = 'expired: maximum publicity period' WHERE record_id = $1`,
      [RECORD[7]],
    );
    side.touched.length = 0;
  }

  it('applies several subjects, two records of one subject, a record given twice, a non-public record and withdrawn records alike', async () => {
    const earlier = created(RECORD[7], USCC[4]);
    const events = [
      created(RECORD[0], USCC[0]),
      created(RECORD[1], USCC[1]),
      created(RECORD[2], USCC[0], { severity: 'severe', decisionDate: '2026-10-30' }), // the same subject again: its later name wins
      created(RECORD[3], USCC[2]), // revoked before it arrived: withdrawn, never logged as published
      created(RECORD[4], USCC[3], { isPublic: false }), // not on the profile at all
      created(RECORD[5], USCC[1], { subject: { kind: 'person', id: USCC[1], name: '张三' } }), // a person: not on the profile
      created(RECORD[6], USCC[1], { decisionDate: '2020-01-02', severity: 'minor' }), // its period is over: projected, not logged
      created(RECORD[0], USCC[0], { documentNumber: '郑交执罚〔2026〕9999号' }), // the same record again (another event id)
      created(RECORD[7], USCC[4], { summary: 'again' }), // already projected and expired: stays withdrawn
      created(RECORD[8], USCC[4]),
    ];
    await seed(single, earlier);
    await seed(batch, earlier);

    for (const event of events) await single.dataSource.transaction((manager) => single.handler.handle(event, manager));
    await batch.dataSource.transaction((manager) => batch.handler.handleBatch(events, manager));

    const expected = await stateOf(single);
    // The scenario is what it says: otherwise an empty result would compare equal.
    expect(expected.subjects).toHaveLength(4);
    expect(expected.records).toHaveLength(7);
    expect(expected.log.map((e) => [e.record_id, e.event])).toEqual([
      [RECORD[7], 'published'],
      [RECORD[0], 'published'],
      [RECORD[1], 'published'],
      [RECORD[2], 'published'],
      [RECORD[0], 'published'],
      [RECORD[8], 'published'],
    ]);
    expect(expected.touched).toEqual([USCC[0], USCC[1], USCC[4]]);

    expect(await stateOf(batch)).toEqual(expected);
    expect(await new VerifyPublicationLogHandler(batch.dataSource).execute({})).toMatchObject({ intact: true, length: 6 });
    expect(await new VerifyPublicationLogHandler(single.dataSource).execute({})).toMatchObject({ intact: true, length: 6 });
  });

  it('throws on an unsupported version, writing nothing, so the events fall back to the single-event handler', async () => {
    const before = await stateOf(batch);
    const events = [created(randomUUID(), USCC[0]), { ...created(randomUUID(), USCC[1]), version: 2 }];
    await expect(batch.dataSource.transaction((manager) => batch.handler.handleBatch(events, manager))).rejects.toThrow('unsupported version 2');
    expect(await stateOf(batch)).toEqual(before);
  });
});

describe('credit.records.revoked: the batch handler leaves what the single-event handler leaves (PostgreSQL)', () => {
  let single: Side;
  let batch: Side;

  beforeAll(async () => {
    [single, batch] = await Promise.all([openSide('revoked-single'), openSide('revoked-batch')]);
  });

  afterAll(async () => {
    await Promise.all([single, batch].filter(Boolean).map((side) => side.db.drop()));
  });

  /** The same history on both sides: records shown, one whose period is over (not yet swept), one swept, one revoked already. */
  async function seed(side: Side, history: EventEnvelope<CreditRecordCreatedV1>[], earlier: EventEnvelope<CreditRecordRevokedV1>): Promise<void> {
    for (const event of history) await side.dataSource.transaction((manager) => side.handler.handle(event, manager));
    await side.dataSource.query(
      `UPDATE public_records SET withdrawn_at = published_until, withdrawn_reason = 'expired: maximum publicity period' WHERE record_id = $1`,
      [RECORD[3]],
    );
    await side.dataSource.transaction((manager) => side.revoked.handle(earlier, manager));
    side.touched.length = 0;
  }

  it('withdraws each record once (the first revocation wins), logs withdrawn or expired, and keeps revocations of records not projected yet', async () => {
    const history = [
      created(RECORD[0], USCC[0]),
      created(RECORD[1], USCC[0]),
      created(RECORD[2], USCC[1], { decisionDate: '2020-01-02', severity: 'minor' }),
      created(RECORD[3], USCC[2]),
      created(RECORD[5], USCC[3]),
    ];
    const earlier = revoked(RECORD[5], USCC[3], 'earlier', '2026-11-21T00:00:00.000Z');
    const events = [
      revoked(RECORD[0], USCC[0], 'duplicate', '2026-11-21T01:00:00.000Z'),
      revoked(RECORD[1], USCC[0], 'wrong subject', '2026-11-21T01:00:01.000Z'),
      revoked(RECORD[2], USCC[1], 'late', '2026-11-21T01:00:02.000Z'), // period over, not swept: logged as expired
      revoked(RECORD[3], USCC[2], 'swept', '2026-11-21T01:00:03.000Z'), // already withdrawn: kept, not logged
      revoked(RECORD[4], USCC[2], 'not projected yet', '2026-11-21T01:00:04.000Z'),
      revoked(RECORD[0], USCC[0], 'again', '2026-11-21T01:00:05.000Z'), // the first revocation wins
      revoked(RECORD[5], USCC[3], 'again', '2026-11-21T01:00:06.000Z'),
    ];
    await seed(single, history, earlier);
    await seed(batch, history, earlier);

    for (const event of events) await single.dataSource.transaction((manager) => single.revoked.handle(event, manager));
    await batch.dataSource.transaction((manager) => batch.revoked.handleBatch(events, manager));

    const expected = await stateOf(single);
    expect(expected.withdrawals.map((w: { record_id: string; reason: string }) => [w.record_id, w.reason])).toEqual([
      [RECORD[0], 'revoked: duplicate'],
      [RECORD[1], 'revoked: wrong subject'],
      [RECORD[2], 'revoked: late'],
      [RECORD[3], 'revoked: swept'],
      [RECORD[4], 'revoked: not projected yet'],
      [RECORD[5], 'revoked: earlier'],
    ]);
    expect(expected.log.slice(-3).map((e) => [e.record_id, e.event])).toEqual([
      [RECORD[0], 'withdrawn'],
      [RECORD[1], 'withdrawn'],
      [RECORD[2], 'expired'],
    ]);
    expect(expected.touched).toEqual([USCC[0], USCC[1]]);

    expect(await stateOf(batch)).toEqual(expected);
    expect(await new VerifyPublicationLogHandler(batch.dataSource).execute({})).toMatchObject({ intact: true, length: expected.log.length });
  });
});

describe('evaluation.grade.changed: the batch handler leaves what the single-event handler leaves (PostgreSQL)', () => {
  let single: Side;
  let batch: Side;
  const grades = (side: Side) => new ProjectGradeHandler({ touch: async (_m: unknown, usccs: readonly string[]) => void side.touched.push(...usccs) } as never);

  beforeAll(async () => {
    [single, batch] = await Promise.all([openSide('grades-single'), openSide('grades-batch')]);
  });

  afterAll(async () => {
    await Promise.all([single, batch].filter(Boolean).map((side) => side.db.drop()));
  });

  function changed(
    uscc: string,
    schemeId: string,
    grade: string,
    evaluatedAt: string,
    kind: 'org' | 'person' = 'org',
  ): EventEnvelope<EvaluationGradeChangedV1> {
    return {
      id: randomUUID(),
      type: Events.EvaluationGradeChanged.subject,
      version: Events.EvaluationGradeChanged.version,
      occurredAt: evaluatedAt,
      subjectId: uscc,
      region: '410100',
      data: {
        schemeId,
        schemeVersion: 1,
        schemeName: { zh: `方案${schemeId}`, en: `scheme ${schemeId}` },
        subject: { kind, id: uscc },
        region: '410100',
        cycle: { label: '2026', start: '2026-01-01', end: '2026-12-31' },
        previousGrade: null,
        grade,
        score: grade.charCodeAt(0),
        triggers: [],
        evaluatedAt,
        causeEventId: randomUUID(),
      },
    };
  }

  const stateOfGrades = async (side: Side) => ({
    grades: await side.dataSource.query(
      `SELECT uscc, scheme_id, scheme_version, grade, score::text, cycle_label, evaluated_at, scheme_name, scheme_name_en FROM public_grades ORDER BY uscc, scheme_id`,
    ),
    touched: [...new Set(side.touched)].sort(),
  });

  it('keeps the newest change per enterprise and scheme (first of equals), ignores older ones and individuals', async () => {
    const earlier = changed(USCC[2], 's1', 'A', '2026-11-20T10:00:00.000Z');
    const events = [
      changed(USCC[0], 's1', 'B', '2026-11-20T08:00:00.000Z'),
      changed(USCC[0], 's1', 'C', '2026-11-20T09:00:00.000Z'), // newer: wins
      changed(USCC[0], 's1', 'D', '2026-11-20T09:00:00.000Z'), // same time: does not replace
      changed(USCC[0], 's2', 'A', '2026-11-20T07:00:00.000Z'), // another scheme
      changed(USCC[1], 's1', 'B', '2026-11-20T09:00:00.000Z'),
      changed(USCC[1], 's1', 'A', '2026-11-20T08:00:00.000Z'), // older, arriving late: ignored
      changed(USCC[2], 's1', 'C', '2026-11-20T09:00:00.000Z'), // older than what is shown: ignored
      changed('110101199003077777', 's1', 'A', '2026-11-20T09:00:00.000Z', 'person'),
    ];
    for (const side of [single, batch]) await side.dataSource.transaction((manager) => grades(side).handle(earlier, manager));
    for (const side of [single, batch]) side.touched.length = 0;
    for (const event of events) await single.dataSource.transaction((manager) => grades(single).handle(event, manager));
    await batch.dataSource.transaction((manager) => grades(batch).handleBatch(events, manager));
    const [one, many] = await Promise.all([stateOfGrades(single), stateOfGrades(batch)]);
    expect(many).toEqual(one);
    expect(one.grades.map((g: { uscc: string; scheme_id: string; grade: string }) => `${g.uscc}/${g.scheme_id}/${g.grade}`)).toEqual([
      `${USCC[0]}/s1/C`,
      `${USCC[0]}/s2/A`,
      `${USCC[1]}/s1/B`,
      `${USCC[2]}/s1/A`,
    ]);
  });
});
