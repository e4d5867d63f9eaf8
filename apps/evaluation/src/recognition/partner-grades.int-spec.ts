import { DataSource } from 'typeorm';
import type { EvaluationPartnerGradeRecognisedV1, EvaluationPartnerGradeUnrecognisedV1, EventEnvelope } from '@contracts';
import type { Principal } from '@platform/auth';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { ApplyPartnerGradeHandler } from './application/apply-partner-grade.handler';
import { ListPartnerGradesHandler } from './application/list-partner-grades.handler';
import { RecognitionTables } from './application/recognition-tables';
import type { PartnerGradeChange } from './domain/partner-grade';

/**
 * ADR 0085: a partner province's grade from its feed is stored as the partner's, with provenance
 * and the agreement's finding, only over an older version; withdrawn by a newer one. Hubei
 * (420000) holds Henan's (410000) 两客一危 codes, read on the Yangtze four-colour ladder by the
 * shipped table henan-codes-to-yangtze-four-colour (each colour as itself).
 */
describe('partner grades (PostgreSQL)', () => {
  const TABLE = 'henan-codes-to-yangtze-four-colour';
  const henanFeed: Principal = { clientId: 'partner-feed:410000', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '410000' };
  const reader: Principal = { clientId: 'wuhan', kind: 'integrator', scopes: ['evaluations:read'], region: '420100' };
  let db: TestDatabase;
  let dataSource: DataSource;
  let apply: ApplyPartnerGradeHandler;
  let list: ListPartnerGradesHandler;

  beforeAll(async () => {
    db = await cloneTestDatabase('partner-grades');
    dataSource = await db.dataSource(evaluationDefinition);
    await new SchemeRegistry(dataSource).onModuleInit();
    const tables = new RecognitionTables(dataSource);
    await tables.onModuleInit();
    apply = new ApplyPartnerGradeHandler(dataSource, tables, new OutboxPublisher(evaluationDefinition as ServiceDefinition));
    list = new ListPartnerGradesHandler(dataSource, tables);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const change = (subjectId: string, version: number, extra: Partial<PartnerGradeChange> = {}): PartnerGradeChange => ({
    state: 'in-force',
    subjectId,
    subjectName: '武汉某客运有限公司',
    grade: 'green',
    gradeLabel: '绿码',
    cycle: '2026-Q4',
    evaluatedAt: '2026-12-01T01:00:00.000Z',
    version,
    reason: '',
    provenance: {
      partnerRegion: '410000',
      partnerName: '河南省交通运输厅',
      schemeId: 'henan-passenger-hazardous-codes',
      schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
      changeId: `grade:${subjectId}:henan-passenger-hazardous-codes:v${version}`,
    },
    recognition: { outcome: 'applied', agreement: 'henan-demo', reason: 'recognised', recognitionTableId: TABLE },
    ...extra,
  });

  it('stores the grade as Henan’s with its provenance and equivalent; an older version never overwrites it; a newer withdrawal withdraws it', async () => {
    const uscc = makeUscc('420100');
    expect((await apply.execute(henanFeed, change(uscc, 2, { grade: 'yellow', gradeLabel: '黄码' }))).outcome).toBe('stored');
    // At least once, and out of order: the same version again and an older one change nothing.
    expect((await apply.execute(henanFeed, change(uscc, 2, { grade: 'red' }))).outcome).toBe('stale');
    expect((await apply.execute(henanFeed, change(uscc, 1))).outcome).toBe('stale');
    const [held] = await list.execute(reader, uscc);
    expect(held).toMatchObject({
      partnerRegion: '410000',
      partnerName: '河南省交通运输厅',
      schemeId: 'henan-passenger-hazardous-codes',
      grade: 'yellow',
      version: 2,
      status: 'applied',
      changeId: `grade:${uscc}:henan-passenger-hazardous-codes:v2`,
      equivalent: { tableId: TABLE, ourSchemeId: 'yangtze-shipping-four-colour', ourGrade: 'yellow' },
    });

    expect((await apply.execute(henanFeed, change(uscc, 3, { state: 'withdrawn', reason: 'SECTOR_OUTSIDE' }))).outcome).toBe('withdrawn');
    const [withdrawn] = await list.execute(reader, uscc);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 3, grade: 'yellow', withdrawalReason: 'SECTOR_OUTSIDE' });
    // In force again at the source, later: held again.
    expect((await apply.execute(henanFeed, change(uscc, 4))).outcome).toBe('stored');
    expect(await list.execute(reader, uscc)).toEqual([expect.objectContaining({ status: 'applied', grade: 'green', version: 4, withdrawnAt: null })]);
  });

  it('stores a grade outside the agreement as not applied; a withdrawal of one never held needs nothing', async () => {
    const uscc = makeUscc('420100');
    const notApplied = change(uscc, 1, { recognition: { outcome: 'not-applied', agreement: 'henan-demo', reason: 'not recognised', recognitionTableId: '' } });
    expect((await apply.execute(henanFeed, notApplied)).outcome).toBe('stored');
    expect(await list.execute(reader, uscc)).toEqual([
      expect.objectContaining({ status: 'not-applied', recognitionReason: 'not recognised', equivalent: undefined }),
    ]);
    expect((await apply.execute(henanFeed, change(makeUscc('420100'), 2, { state: 'withdrawn' }))).outcome).toBe('unknown');
  });

  it('refuses another region’s grade, a table that does not read Henan, a grade off the table’s ladder, and a change without what storing needs', async () => {
    const uscc = makeUscc('420100');
    await expect(apply.execute({ ...henanFeed, region: '430000' }, change(uscc, 1))).rejects.toMatchObject({ code: 'AUTH.REGION_FORBIDDEN' });
    const wuxiTable = change(uscc, 1, {
      recognition: { outcome: 'applied', agreement: 'x', reason: 'r', recognitionTableId: 'wuxi-to-suzhou-road-transport' },
    });
    await expect(apply.execute(henanFeed, wuxiTable)).rejects.toMatchObject({
      code: 'RECOGNITION.INVALID_PARTNER_GRADE',
      violations: [expect.objectContaining({ field: 'recognition.recognitionTableId' })],
    });
    await expect(apply.execute(henanFeed, change(uscc, 1, { grade: 'blue' }))).rejects.toMatchObject({ code: 'RECOGNITION.INVALID_PARTNER_GRADE' });
    const missing = change(uscc, 1, { recognition: { outcome: 'applied', agreement: 'x', reason: 'r', recognitionTableId: 'no-such-table' } });
    await expect(apply.execute(henanFeed, missing)).rejects.toMatchObject({ code: 'RECOGNITION.TABLE_NOT_FOUND' });
    const bad = await apply.execute(henanFeed, { ...change('not-a-uscc', 0), provenance: undefined }).catch((e: { violations: { field: string }[] }) => e);
    expect((bad as { violations: { field: string }[] }).violations.map((v) => v.field)).toEqual(['subjectId', 'version', 'provenance']);
    expect(await list.execute(reader, uscc)).toEqual([]);
  });

  /** What evaluation announced of the subject's partner grades, in order. */
  async function announced(uscc: string): Promise<{ subject: string; data: EvaluationPartnerGradeRecognisedV1 & EvaluationPartnerGradeUnrecognisedV1 }[]> {
    const rows: { subject: string; envelope: EventEnvelope<EvaluationPartnerGradeRecognisedV1 & EvaluationPartnerGradeUnrecognisedV1> }[] =
      await dataSource.query(
        `SELECT subject, envelope FROM evaluation.outbox WHERE subject LIKE 'evaluation.partner-grades.%' AND envelope->>'subjectId' = $1 ORDER BY id`,
        [uscc],
      );
    return rows.map((r) => ({ subject: r.subject, data: r.envelope.data }));
  }

  // ADR 0090: an applied grade read on our ladder is announced for joint measures' decisions, with
  // our equivalent and the partner's provenance; one that stops being so is announced as such.
  it('announces an applied grade with its equivalent as recognised, and its withdrawal as no longer recognised', async () => {
    const uscc = makeUscc('420100');
    await apply.execute(henanFeed, change(uscc, 1, { grade: 'yellow', gradeLabel: '黄码' }));
    await apply.execute(henanFeed, change(uscc, 1, { grade: 'red' })); // stale: nothing announced
    await apply.execute(henanFeed, change(uscc, 2, { state: 'withdrawn', reason: 'SECTOR_OUTSIDE' }));
    const events = await announced(uscc);
    expect(events.map((e) => e.subject)).toEqual(['evaluation.partner-grades.recognised', 'evaluation.partner-grades.unrecognised']);
    expect(events[0].data).toMatchObject({
      subject: { kind: 'org', id: uscc, name: '武汉某客运有限公司' },
      // The shipped table reads each Henan colour as the same colour of the Yangtze four-colour ladder.
      equivalent: { tableId: TABLE, schemeId: 'yangtze-shipping-four-colour', grade: 'yellow' },
      provenance: {
        partnerRegion: '410000',
        partnerName: '河南省交通运输厅',
        schemeId: 'henan-passenger-hazardous-codes',
        grade: 'yellow',
        gradeLabel: '黄码',
        cycle: '2026-Q4',
        evaluatedAt: '2026-12-01T01:00:00.000Z',
        version: 1,
        agreement: 'henan-demo',
      },
    });
    expect(events[1].data).toMatchObject({
      subject: { id: uscc },
      provenance: { partnerRegion: '410000', schemeId: 'henan-passenger-hazardous-codes', version: 2 },
      reason: 'withdrawn',
    });
  });

  it('announces nothing of an inform grade or one without a table; an applied grade replaced by an inform one is no longer recognised', async () => {
    const inform = { outcome: 'not-applied', agreement: 'henan-demo', reason: 'effect inform', recognitionTableId: TABLE };
    const informOnly = makeUscc('420100');
    await apply.execute(henanFeed, change(informOnly, 1, { recognition: inform }));
    await apply.execute(henanFeed, change(informOnly, 2, { state: 'withdrawn' }));
    expect(await announced(informOnly)).toEqual([]);

    const noTable = makeUscc('420100');
    await apply.execute(henanFeed, change(noTable, 1, { recognition: { outcome: 'applied', agreement: 'henan-demo', reason: 'r', recognitionTableId: '' } }));
    expect(await announced(noTable)).toEqual([]);

    const demoted = makeUscc('420100');
    await apply.execute(henanFeed, change(demoted, 1));
    await apply.execute(henanFeed, change(demoted, 2, { recognition: inform }));
    const events = await announced(demoted);
    expect(events.map((e) => [e.subject, e.data.reason])).toEqual([
      ['evaluation.partner-grades.recognised', undefined],
      ['evaluation.partner-grades.unrecognised', 'not-applied'],
    ]);
  });
});
