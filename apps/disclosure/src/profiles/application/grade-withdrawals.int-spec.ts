import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EvaluationGradeChangedV1, EvaluationGradeWithdrawnV1, EventEnvelope, Events } from '@contracts';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { SubjectListMemberships } from '../../lists/application/subject-list-memberships';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { GetSubjectProfileHandler } from './get-subject-profile.handler';
import { ProjectGradeHandler } from './project-grade.handler';
import { WithdrawGradeHandler } from './withdraw-grade.handler';

const HENAN = 'henan-passenger-hazardous-codes';

/**
 * ADR 0046: `evaluation.grade.withdrawn` takes an enterprise's grade off its public profile, and
 * tells the gateways the profile changed; the two evaluation consumers are separate, so a
 * withdrawal and the grade changes around it may arrive in any order (PostgreSQL).
 */
describe('disclosure: a withdrawn grade leaves the public profile (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let profiles: GetSubjectProfileHandler;
  const touched: string[] = [];
  const changes = { touch: async (_m: unknown, usccs: readonly string[]) => void touched.push(...usccs) } as unknown as ProfileChangesPort;
  const project = new ProjectGradeHandler(changes);
  const withdraw = new WithdrawGradeHandler(changes);

  beforeAll(async () => {
    db = await cloneTestDatabase('disclosure-grade-withdrawals');
    dataSource = await db.dataSource(disclosureDefinition);
    profiles = new GetSubjectProfileHandler(dataSource, new SubjectListMemberships(dataSource));
  });

  afterAll(async () => {
    await db?.drop();
  });

  const enterprise = async () => {
    const uscc = makeUscc('410100');
    await db.query(`INSERT INTO disclosure.public_subjects (uscc, name, region, updated_at) VALUES ($1, '某客运有限公司', '410100', now())`, [uscc]);
    return uscc;
  };

  const changed = (uscc: string, grade: string, score: number, evaluatedAt: string): EventEnvelope<EvaluationGradeChangedV1> => ({
    id: randomUUID(),
    type: Events.EvaluationGradeChanged.subject,
    version: 1,
    occurredAt: evaluatedAt,
    subjectId: uscc,
    region: '410100',
    data: {
      schemeId: HENAN,
      schemeVersion: 1,
      schemeName: { zh: '河南省“两客一危”经营者安全生产信用“红黄绿”码', en: 'Henan passenger and hazardous-goods carrier red/yellow/green codes' },
      subject: { kind: 'org', id: uscc },
      region: '410100',
      cycle: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
      previousGrade: null,
      grade,
      score,
      triggers: [],
      evaluatedAt,
      causeEventId: randomUUID(),
    },
  });

  const withdrawn = (
    uscc: string,
    withdrawnAt: string,
    reason: EvaluationGradeWithdrawnV1['reason'] = 'SECTOR_OUTSIDE',
  ): EventEnvelope<EvaluationGradeWithdrawnV1> => ({
    id: randomUUID(),
    type: Events.EvaluationGradeWithdrawn.subject,
    version: 1,
    occurredAt: withdrawnAt,
    subjectId: uscc,
    region: '410100',
    data: {
      schemeId: HENAN,
      schemeVersion: 1,
      subject: { kind: 'org', id: uscc },
      region: '410100',
      previous: { grade: 'green', score: 970, cycleLabel: '2026-Q4', schemeVersion: 1 },
      reason,
      withdrawnAt,
      causeEventId: randomUUID(),
    },
  });

  const apply = <T>(handler: { handle(e: EventEnvelope<T>, m: never): Promise<void> }, event: EventEnvelope<T>) =>
    dataSource.transaction((m) => handler.handle(event, m as never));
  const shown = async (uscc: string) => (await profiles.execute({ uscc })).grades.map((g) => `${g.grade}/${g.score}`);

  it('removes the grade shown and tells the gateways; a redelivered withdrawal changes nothing', async () => {
    const uscc = await enterprise();
    // seed 002 案例1: 1000 − 30 for one general penalty → green.
    await apply(project, changed(uscc, 'green', 970, '2026-12-06T01:00:00.000Z'));
    expect(await shown(uscc)).toEqual(['green/970']);
    touched.length = 0;

    const event = withdrawn(uscc, '2026-12-06T02:00:00.000Z');
    await apply(withdraw, event);
    expect(await shown(uscc)).toEqual([]);
    expect(touched).toEqual([uscc]);
    await apply(withdraw, event);
    expect(await shown(uscc)).toEqual([]);
    const [row] = await db.query<{ withdrawal_reason: string }>(`SELECT withdrawal_reason FROM disclosure.public_grades WHERE uscc = $1`, [uscc]);
    expect(row).toEqual({ withdrawal_reason: 'SECTOR_OUTSIDE' });
  });

  it('a grade change evaluated before the withdrawal and delivered after it does not bring the grade back; a later one does', async () => {
    const uscc = await enterprise();
    await apply(project, changed(uscc, 'green', 970, '2026-12-06T01:00:00.000Z'));
    await apply(withdraw, withdrawn(uscc, '2026-12-06T02:00:00.000Z'));
    await apply(project, changed(uscc, 'green', 940, '2026-12-06T01:30:00.000Z'));
    expect(await shown(uscc)).toEqual([]);
    // Registered in the scheme's sectors again: graded anew.
    await apply(project, changed(uscc, 'green', 940, '2026-12-06T03:00:00.000Z'));
    expect(await shown(uscc)).toEqual(['green/940']);
  });

  it('a withdrawal delivered before the grade it withdraws keeps that grade off the profile', async () => {
    const uscc = await enterprise();
    await apply(withdraw, withdrawn(uscc, '2026-12-06T02:00:00.000Z', 'SECTOR_UNKNOWN'));
    expect(await shown(uscc)).toEqual([]);
    await apply(project, changed(uscc, 'green', 970, '2026-12-06T01:00:00.000Z'));
    expect(await shown(uscc)).toEqual([]);
  });

  it('a withdrawal older than the grade shown (redelivered late) is ignored', async () => {
    const uscc = await enterprise();
    await apply(project, changed(uscc, 'yellow', 850, '2026-12-06T03:00:00.000Z'));
    touched.length = 0;
    await apply(withdraw, withdrawn(uscc, '2026-12-06T02:00:00.000Z'));
    expect(await shown(uscc)).toEqual(['yellow/850']);
    expect(touched).toEqual([]);
  });

  it('a batch (ADR 0033) leaves what one by one would: the latest withdrawal per enterprise and scheme', async () => {
    const [a, b] = [await enterprise(), await enterprise()];
    for (const uscc of [a, b]) await apply(project, changed(uscc, 'green', 970, '2026-12-06T01:00:00.000Z'));
    await dataSource.transaction((m) =>
      withdraw.handleBatch(
        [withdrawn(a, '2026-12-06T02:00:00.000Z', 'SECTOR_UNKNOWN'), withdrawn(a, '2026-12-06T02:30:00.000Z'), withdrawn(b, '2026-12-06T00:30:00.000Z')],
        m,
      ),
    );
    expect(await shown(a)).toEqual([]);
    expect(await shown(b)).toEqual(['green/970']);
    const [row] = await db.query<{ withdrawal_reason: string }>(`SELECT withdrawal_reason FROM disclosure.public_grades WHERE uscc = $1`, [a]);
    expect(row).toEqual({ withdrawal_reason: 'SECTOR_OUTSIDE' });
    await expect(dataSource.transaction((m) => withdraw.handleBatch([{ ...withdrawn(a, '2026-12-06T04:00:00.000Z'), version: 2 }], m))).rejects.toThrow(
      'unsupported version 2',
    );
  });
});
