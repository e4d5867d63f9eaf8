import { GRADE_LADDERS, type GradeLadderId } from '@domain/credit';
import { schemeCatalogue, type SchemeCatalogue } from '../../configuration/domain/config-problem';
import type { StandingRecord } from '../../entry-rules/domain/entry-rule';
import type { ListEntry } from '../../lists/domain/list-entry';
import { decideScene, decisionSectors, mappingsNotApplied, type DecisionFacts, type DecisionQuestion } from './decision';
import { catalogueInForce, checkMeasureCatalogue, parseMeasureCatalogue } from './measure-config';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from './shipped-measures';

/** A scheme as evaluation would announce it, on one of the shared ladders (@domain/credit grade-ladder.ts). */
const published = (schemeId: string, ladderId: GradeLadderId) => ({
  schemeId,
  version: 1,
  ladderId,
  grades: [...GRADE_LADDERS[ladderId]],
  sectors: [],
  regions: [],
});
// The schemes the mappings below rest on, as if published (the next issue ships them: DOMAIN.md §3–4).
const schemes = schemeCatalogue([
  published('jiaozuo-general-cargo', 'traffic-light'),
  published('hangzhou-road-transport', 'AA-D'),
  published('xuchang-taxi-stars', 'stars'),
  published('zhejiang-inland-ship-safety', 'AA-D'),
  published('guangxi-changzhou-lock-points', 'stars'),
  published('yangtze-shipping-four-colour', 'four-colour'),
]);
const document = parseMeasureCatalogue({ measures: SHIPPED_MEASURES, mappings: SHIPPED_MAPPINGS });
const inForce = (known: SchemeCatalogue) => catalogueInForce(checkMeasureCatalogue(document, known));
const catalogue = inForce(schemes);
const question = (q: Partial<DecisionQuestion>): DecisionQuestion => ({ scene: 'permit.application', region: '410100', sectors: [], on: '2026-11-21', ...q });
const decide = (q: Partial<DecisionQuestion>, facts: Partial<DecisionFacts>, from = catalogue) =>
  decideScene(question(q), { entries: [], records: [], grades: [], ...facts }, from.measures, from.mappings);

const keyWatch = { id: 'e-1', listType: 'key-watch', status: 'effective', startsOn: '2026-10-01', endsOn: '2027-09-30' } as ListEntry;
let n = 0;
const penalty = (decisionDate: string, overrides: Partial<StandingRecord> = {}): StandingRecord => ({
  recordId: `r-${String(++n).padStart(3, '0')}`,
  recordType: 'administrative-penalty',
  subjectKind: 'org',
  subjectId: '91410700MA00000001',
  severity: 'general',
  decisionDate,
  payload: {},
  standing: true,
  ...overrides,
});

describe('shipped measure catalogue', () => {
  it('is consistent once its schemes are published: every mapping is active except those on schemes still unknown', () => {
    expect(catalogue.inactive.map((m) => [m.id, m.waitingFor])).toEqual([
      ...['aaa', 'aa', 'a', 'b'].map((g) => [`jiyuan.driving-school.ratio.${g}`, ['jiyuan-driving-school']]),
      ...['aaa', 'aa', 'a'].map((g) => [`hebi.repair-labour.${g}`, ['hebi-fleet']]),
      ['nanyang.taxi.3a-first', ['nanyang-taxi-firm']],
      ['nanyang.taxi.b-suspended', ['nanyang-taxi-firm']],
      ['henan.passenger-hazardous.red.no-support', ['henan-passenger-hazardous-codes']],
      ['henan.passenger-hazardous.green.support', ['henan-passenger-hazardous-codes']],
      ...['red.inspection.on-site', 'yellow.inspection.on-site', 'green.visits.exempt', 'red.new-business.denied', 'yellow.new-business.restricted'].map(
        (m) => [`pingdingshan.${m}`, ['henan-passenger-hazardous-codes']],
      ),
      ...[1, 2, 3, 4, 5].map((s) => [`luohe.bus.star-bonus.${s}-star`, ['luohe-bus-captain-stars']]),
      ['puyang.taxi.capacity.aaa', ['puyang-taxi-firm']],
      ['puyang.taxi.capacity.aa', ['puyang-taxi-firm']],
      // Beijing's own ladder (seed 004 案例1): shipped-measures.beijing.spec.ts publishes it.
      ...['good.inspection.on-site-reduced', 'good.admission.green-channel', 'good.business-scale.expansion', 'poor.key-supervision'].map((m) => [
        `beijing.commuter-bus.${m}`,
        ['beijing-commuter-bus-grades'],
      ]),
    ]);
    expect(catalogue.mappings.length + catalogue.inactive.length).toBe(SHIPPED_MAPPINGS.length);
  });

  it('names a mapping to an unknown measure or a scene the measure does not serve', () => {
    const bad = (override: object) =>
      checkMeasureCatalogue({ measures: [...SHIPPED_MEASURES], mappings: [{ ...SHIPPED_MAPPINGS[0], ...override }] }, schemes).mappings[0].problems;
    expect(bad({ measure: 'free-lunch' })).toEqual([
      expect.objectContaining({ path: 'mappings[0].measure', reference: 'free-lunch', code: 'UNKNOWN_MEASURE' }),
    ]);
    expect(bad({ scene: 'dispatch.priority' })).toEqual([expect.objectContaining({ path: 'mappings[0].scene', code: 'SCENE_NOT_SERVED' })]);
    expect(bad({ sectors: ['road-transport'] })).toEqual([expect.objectContaining({ path: 'mappings[0].sectors[0]', code: 'UNKNOWN_SECTOR' })]);
    expect(bad({ regions: ['4101'] })).toEqual([expect.objectContaining({ path: 'mappings[0].regions[0]', code: 'UNKNOWN_REGION' })]);
    expect(bad({ when: { list: 'grey' } })).toEqual([expect.objectContaining({ path: 'mappings[0].when.list', code: 'UNKNOWN_LIST_TYPE' })]);
    expect(bad({ when: { grade: { schemeId: 'hangzhou-road-transport', grades: ['AAA'] } } })).toEqual([
      expect.objectContaining({ path: 'mappings[0].when.grade.grades[0]', reference: 'AAA', code: 'GRADE_NOT_ON_LADDER' }),
    ]);
  });

  it('a red Jiaozuo carrier is not silently allowed: while the scheme is unknown, the answer names the pending mappings (issue 16)', () => {
    const unknown = inForce(schemeCatalogue([]));
    const q = { scene: 'business.new-capacity' as const, region: '410800', sectors: ['general-cargo'] };
    const red = [{ schemeId: 'jiaozuo-general-cargo', cycle: '2026-Q3', grade: 'red', pointsDeducted: 0 }];
    expect(decide(q, { grades: red }, unknown).outcome).toBe('allow');
    expect(mappingsNotApplied(question(q), unknown.inactive)).toEqual(
      ['jiaozuo.red.no-new-business', 'jiaozuo.red.training', 'jiaozuo.yellow.restricted'].map((mappingId) => ({
        mappingId,
        status: 'pending',
        waitingFor: ['jiaozuo-general-cargo'],
        problems: [],
      })),
    );
    // Published, the same question denies.
    expect(decide(q, { grades: red }).outcome).toBe('deny');
    expect(mappingsNotApplied(question(q), catalogue.inactive)).toEqual([]);
  });
});

describe('decideScene', () => {
  it('allows with no measures and no reasons when nothing applies', () => {
    expect(decide({}, {})).toEqual({ outcome: 'allow', measures: [], reasons: [] });
  });

  it('denies the commitment path to a Henan subject on the key-watch list, pointing at the entry', () => {
    const result = decide({ region: '410100' }, { entries: [keyWatch] });
    expect(result.outcome).toBe('deny');
    expect(result.measures).toEqual([expect.objectContaining({ code: 'commitment-path.denied', mappingId: 'henan.key-watch.no-commitment' })]);
    expect(result.reasons).toEqual([
      { kind: 'list-entry', mappingId: 'henan.key-watch.no-commitment', entryId: 'e-1', listType: 'key-watch', startsOn: '2026-10-01', endsOn: '2027-09-30' },
    ]);
    // Outside Henan the local mapping does not apply.
    expect(decide({ region: '320500' }, { entries: [keyWatch] }).outcome).toBe('allow');
  });

  it("Xinxiang: 10 unrepaired penalties deny the commitment path, 9 do not, revoked ones don't count", () => {
    const nine = Array.from({ length: 9 }, (_, i) => penalty(`20${15 + (i % 10)}-03-01`));
    expect(decide({ region: '410702' }, { records: nine }).outcome).toBe('allow');
    expect(decide({ region: '410702' }, { records: [...nine, penalty('2026-01-01', { standing: false })] }).outcome).toBe('allow');
    const ten = [...nine, penalty('2026-01-01')];
    const result = decide({ region: '410702' }, { records: ten });
    expect(result.outcome).toBe('deny');
    expect(result.reasons).toEqual([expect.objectContaining({ kind: 'records', count: 10, recordIds: ten.map((r) => r.recordId).sort() })]);
    expect(decide({ region: '410100' }, { records: ten }).outcome).toBe('allow');
  });

  it('bans permit applications for a year after false materials, everywhere (law)', () => {
    const finding = penalty('2026-03-01', { recordType: 'oversize-transport-violation', payload: { violationType: 'false-materials' } });
    expect(decide({ region: '530100' }, { records: [finding] })).toMatchObject({ outcome: 'deny', measures: [{ code: 'permit.application-ban' }] });
    expect(decide({ region: '530100', on: '2027-03-02' }, { records: [finding] }).outcome).toBe('allow');
  });

  it('Jiaozuo general cargo: red code denies new business with training; sector must match', () => {
    const red = [{ schemeId: 'jiaozuo-general-cargo', cycle: '2026-Q3', grade: 'red', pointsDeducted: 0 }];
    const result = decide({ scene: 'business.new-capacity', region: '410800', sectors: ['general-cargo'] }, { grades: red });
    expect(result.outcome).toBe('deny');
    expect(result.measures.map((m) => m.code)).toEqual(['new-business.denied', 'safety-training']);
    expect(result.measures[1].value).toEqual({ amount: 24, unit: 'hours' });
    expect(decide({ scene: 'business.new-capacity', region: '410800', sectors: ['taxi'] }, { grades: red }).outcome).toBe('allow');
  });

  it('Hangzhou inspection ratio for a C enterprise is a condition carrying 25 %', () => {
    const result = decide(
      { scene: 'inspection.frequency', region: '330106' },
      { grades: [{ schemeId: 'hangzhou-road-transport', cycle: '2026', grade: 'C', pointsDeducted: 0 }] },
    );
    expect(result).toMatchObject({
      outcome: 'conditional',
      measures: [{ code: 'inspection.ratio', value: { amount: 25 } }],
      reasons: [{ kind: 'grade', grade: 'C' }],
    });
  });

  it("Xuchang taxis (grades of the stars ladder, '5'…'0'): a 3★ driver pays 70 % for charging, a 5★ driver 50 % and gets priority dispatch", () => {
    const stars = (grade: string) => [{ schemeId: 'xuchang-taxi-stars', cycle: '2026', grade, pointsDeducted: 0 }];
    const q = { scene: 'incentive.discount' as const, region: '411002', sectors: ['taxi'] };
    expect(decide(q, { grades: stars('3') }).measures).toEqual([
      expect.objectContaining({ code: 'charging.discount', value: { amount: 70, unit: '% of the fee payable' } }),
    ]);
    expect(decide(q, { grades: stars('5') })).toMatchObject({ outcome: 'allow', measures: [{ value: { amount: 50 } }] });
    expect(decide({ ...q, scene: 'dispatch.priority' }, { grades: stars('5') }).measures.map((m) => m.code)).toEqual(['dispatch.priority']);
  });
});

describe('decisionSectors: the registry decides the sector (ADR 0055)', () => {
  it('a registered subject asked about one of its sectors: that sector only', () => {
    expect(decisionSectors('hazardous-goods', ['hazardous-goods', 'road-passenger'])).toEqual({ ok: true, sectors: ['hazardous-goods'] });
  });

  it('a registered subject asked about no sector: all its registered sectors', () => {
    expect(decisionSectors(null, ['hazardous-goods', 'road-passenger'])).toEqual({ ok: true, sectors: ['hazardous-goods', 'road-passenger'] });
  });

  it('a request sector the registry does not list for the subject contradicts it: refused, with both named', () => {
    expect(decisionSectors('road-passenger', ['general-cargo'])).toEqual({ ok: false, requested: 'road-passenger', registered: ['general-cargo'] });
  });

  it('a subject the registry does not know, or knows without sectors: the request sector as asked (or none)', () => {
    expect(decisionSectors('taxi', null)).toEqual({ ok: true, sectors: ['taxi'] });
    expect(decisionSectors(null, null)).toEqual({ ok: true, sectors: [] });
    expect(decisionSectors('taxi', [])).toEqual({ ok: true, sectors: ['taxi'] });
  });

  it('with the registered sectors, a sector-bound mapping fires without the caller naming the sector (Jiaozuo red, seed 002 案例4)', () => {
    const red = [{ schemeId: 'jiaozuo-general-cargo', cycle: '2026-Q3', grade: 'red', pointsDeducted: 250 }];
    const sectors = decisionSectors(null, ['general-cargo']);
    if (!sectors.ok) throw new Error('expected sectors');
    expect(decide({ scene: 'business.new-capacity', region: '410800', sectors: sectors.sectors }, { grades: red }).outcome).toBe('deny');
  });
});
