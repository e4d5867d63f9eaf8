import { DataSource } from 'typeorm';
import type { Principal } from '@platform/auth';
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
    apply = new ApplyPartnerGradeHandler(dataSource, tables);
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
});
