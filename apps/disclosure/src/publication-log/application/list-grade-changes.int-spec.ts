import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EvaluationGradeChangedV1, EvaluationGradeWithdrawnV1, EventEnvelope, Events } from '@contracts';
import type { Principal } from '@platform/auth';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { ProjectGradeHandler } from '../../profiles/application/project-grade.handler';
import { WithdrawGradeHandler } from '../../profiles/application/withdraw-grade.handler';
import type { ProfileChangesPort } from './publication-log.tokens';
import { ListGradeChangesHandler } from './list-grade-changes.handler';

/**
 * ADR 0085: the grades part of the exchange change feed is disclosure's public grades, each grade
 * (enterprise and scheme) once at its newest state, a new position and version at every change of
 * what the public sees, only about enterprises registered in the caller's region (USCC 3–8).
 */
describe('grade changes for the exchange feed (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let changes: ListGradeChangesHandler;
  const port = { touch: async () => undefined } as unknown as ProfileChangesPort;
  const project = new ProjectGradeHandler(port);
  const withdraw = new WithdrawGradeHandler(port);
  const hubei: Principal = { clientId: 'hubei-partner', kind: 'partner', scopes: ['exchange:read'], region: '420000' };
  const SCHEME = 'henan-passenger-hazardous-codes';

  const envelope = <T>(type: string, uscc: string, at: string, data: T): EventEnvelope<T> => ({
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: at,
    subjectId: uscc,
    region: '410100',
    data,
  });
  const graded = (uscc: string, grade: string, at: string) =>
    dataSource.transaction((m) =>
      project.handle(
        envelope<EvaluationGradeChangedV1>(Events.EvaluationGradeChanged.subject, uscc, at, {
          schemeId: SCHEME,
          schemeVersion: 1,
          schemeName: { zh: '河南省“两客一危”经营者安全生产信用“红黄绿”码', en: 'Henan codes' },
          subject: { kind: 'org', id: uscc },
          region: '410100',
          cycle: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
          previousGrade: null,
          grade,
          score: grade === 'green' ? 970 : 850,
          triggers: [],
          evaluatedAt: at,
          causeEventId: randomUUID(),
        }),
        m,
      ),
    );
  const ungraded = (uscc: string, at: string) =>
    dataSource.transaction((m) =>
      withdraw.handle(
        envelope<EvaluationGradeWithdrawnV1>(Events.EvaluationGradeWithdrawn.subject, uscc, at, {
          schemeId: SCHEME,
          schemeVersion: 1,
          subject: { kind: 'org', id: uscc },
          region: '410100',
          previous: { grade: 'yellow', score: 850, cycleLabel: '2026-Q4', schemeVersion: 1 },
          reason: 'SECTOR_OUTSIDE',
          withdrawnAt: at,
          causeEventId: randomUUID(),
        }),
        m,
      ),
    );

  beforeAll(async () => {
    db = await cloneTestDatabase('grade_changes');
    dataSource = await db.dataSource(disclosureDefinition);
    changes = new ListGradeChangesHandler(dataSource);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers Hubei enterprises’ grades at their newest state, each change a new position and version; never a Henan enterprise’s', async () => {
    const [wuhan, yichang, zhengzhou] = [makeUscc('420100'), makeUscc('420500'), makeUscc('410100')];
    await graded(wuhan, 'green', '2026-12-01T01:00:00.000Z');
    await graded(zhengzhou, 'green', '2026-12-01T01:00:00.000Z');
    await graded(yichang, 'green', '2026-12-01T01:00:00.000Z');
    const first = await changes.execute(hubei, { after: '0', limit: 100 });
    expect(first.changes.map((c) => [c.subjectId, c.state, c.version, c.grade, c.gradeLabel])).toEqual([
      [wuhan, 'in-force', 1, 'green', '绿码'],
      [yichang, 'in-force', 1, 'green', '绿码'],
    ]);
    expect(first.next).toBe(first.head);

    // Graded again, then an older change redelivered (ignored: no new version), then withdrawn.
    await graded(wuhan, 'yellow', '2026-12-02T01:00:00.000Z');
    await graded(wuhan, 'green', '2026-12-01T12:00:00.000Z');
    const regraded = await changes.execute(hubei, { after: first.next, limit: 100 });
    expect(regraded.changes.map((c) => [c.subjectId, c.version, c.grade])).toEqual([[wuhan, 2, 'yellow']]);
    await ungraded(wuhan, '2026-12-03T01:00:00.000Z');
    const after = await changes.execute(hubei, { after: regraded.next, limit: 100 });
    expect(after.changes).toEqual([
      expect.objectContaining({
        subjectId: wuhan,
        schemeId: SCHEME,
        schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
        state: 'withdrawn',
        version: 3,
        grade: 'yellow',
        reason: 'SECTOR_OUTSIDE',
        effectiveAt: '2026-12-03T01:00:00.000Z',
      }),
    ]);
    expect(BigInt(after.changes[0].position)).toBeGreaterThan(BigInt(regraded.changes[0].position));

    // From the start: compacted — each grade once, at its newest state, in position order.
    const fromStart = await changes.execute(hubei, { after: '0', limit: 100 });
    expect(fromStart.changes.map((c) => [c.subjectId, c.state, c.version])).toEqual([
      [yichang, 'in-force', 1],
      [wuhan, 'withdrawn', 3],
    ]);
  });

  it('a full page stops at its last change; the rest follows from `next`', async () => {
    const more = [makeUscc('420100'), makeUscc('420100')];
    const start = (await changes.execute(hubei, { after: '0', limit: 100 })).head;
    for (const uscc of more) await graded(uscc, 'green', '2026-12-04T01:00:00.000Z');
    const page = await changes.execute(hubei, { after: start, limit: 1 });
    expect(page.changes.map((c) => c.subjectId)).toEqual([more[0]]);
    expect(page.next).toBe(page.changes[0].position);
    const rest = await changes.execute(hubei, { after: page.next, limit: 1 });
    expect(rest.changes.map((c) => c.subjectId)).toEqual([more[1]]);
  });

  it('refuses a caller without exchange:read, and a position that is not one', async () => {
    await expect(changes.execute({ ...hubei, scopes: [] }, { after: '0', limit: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(changes.execute(hubei, { after: '-1', limit: 1 })).rejects.toMatchObject({ code: 'RECORD_CHANGES.INVALID_POSITION' });
  });
});
