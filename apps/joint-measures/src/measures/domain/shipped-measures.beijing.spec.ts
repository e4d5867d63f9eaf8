import { schemeCatalogue, type KnownScheme } from '../../configuration/domain/config-problem';
import type { CycleGrade } from '../../entry-rules/domain/grade-rule';
import { decideScene } from './decision';
import type { Scene } from './measure-catalogue';
import { catalogueInForce, checkMeasureCatalogue, parseMeasureCatalogue } from './measure-config';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from './shipped-measures';

/*
 * Beijing commuter buses (seed 004 案例1, 京津冀通勤定制快巴):
 * - "针对信用好的运营企业、定制服务平台，依法依规给予行业优惠政策，降低检查比例频次；对信用差的，列为重点监管对象";
 * - "对信用好的定制服务平台、运营企业，给予准入绿色通道、加快办理速度、适度允许扩大经营规模等优化准入措施；
 *   对信用差、主体责任落实不到位的，依法实施严管".
 * The mappings name grades of the scheme's own ladder (四等九级, ADR 0050), as evaluation announces it.
 * Placeholder reading (the seed names no tiers for "good" and "poor"): 信用好 = tiers 优 (AAA, AA) and
 * 良 (A+, A, A-); 信用差 = tier 差 (C); tier 中 (B+, B, B-) gets neither.
 */
const BEIJING: KnownScheme = {
  schemeId: 'beijing-commuter-bus-grades',
  version: 2,
  ladderId: 'beijing-four-tiers-nine-levels',
  grades: ['AAA', 'AA', 'A+', 'A', 'A-', 'B+', 'B', 'B-', 'C'],
  sectors: ['road-passenger', 'bus'],
  regions: ['110000'],
};
const checked = checkMeasureCatalogue(parseMeasureCatalogue({ measures: SHIPPED_MEASURES, mappings: SHIPPED_MAPPINGS }), schemeCatalogue([BEIJING]));
const catalogue = catalogueInForce(checked);

const decide = (scene: Scene, grade: string, region = '110105') => {
  const grades = [{ schemeId: BEIJING.schemeId, cycle: '2025', grade } as CycleGrade];
  const result = decideScene(
    { scene, region, sectors: ['bus'], on: '2026-03-01' },
    { entries: [], records: [], grades },
    catalogue.measures,
    catalogue.mappings,
  );
  return { outcome: result.outcome, measures: result.measures.map((m) => [m.code, m.effect, m.mappingId]) };
};

describe('shipped Beijing commuter-bus mappings (seed 004 案例1)', () => {
  const beijing = checked.mappings.filter((m) => m.id.startsWith('beijing.'));

  it('are all active once the scheme announces its nine grades: each names grades of its own ladder', () => {
    expect(beijing.map((m) => [m.id, m.status, m.problems])).toEqual([
      ['beijing.commuter-bus.good.inspection.on-site-reduced', 'active', []],
      ['beijing.commuter-bus.good.admission.green-channel', 'active', []],
      ['beijing.commuter-bus.good.business-scale.expansion', 'active', []],
      ['beijing.commuter-bus.poor.key-supervision', 'active', []],
    ]);
  });

  it('wait for the scheme (pending, not refused) while it is unpublished, though their grades are on no shared ladder', () => {
    const before = checkMeasureCatalogue({ measures: [...SHIPPED_MEASURES], mappings: [...SHIPPED_MAPPINGS] }, schemeCatalogue([]));
    const pending = before.mappings.filter((m) => m.id.startsWith('beijing.'));
    expect(pending.map((m) => [m.id, m.status, m.waitingFor])).toEqual(beijing.map((m) => [m.id, 'pending', [BEIJING.schemeId]]));
  });

  it.each(['AAA', 'AA', 'A+', 'A', 'A-'])('good credit (%s, tiers 优/良): fewer inspections, admission green channel, room to grow', (grade) => {
    expect(decide('inspection.frequency', grade)).toEqual({
      outcome: 'allow',
      measures: [['inspection.on-site-reduced', 'benefit', 'beijing.commuter-bus.good.inspection.on-site-reduced']],
    });
    expect(decide('permit.application', grade)).toEqual({
      outcome: 'allow',
      measures: [['admission.green-channel', 'benefit', 'beijing.commuter-bus.good.admission.green-channel']],
    });
    expect(decide('business.new-capacity', grade)).toEqual({
      outcome: 'allow',
      measures: [['business-scale.expansion', 'benefit', 'beijing.commuter-bus.good.business-scale.expansion']],
    });
  });

  it('poor credit (C, tier 差): key supervision, a condition on the inspection scene; no benefit', () => {
    expect(decide('inspection.frequency', 'C')).toEqual({
      outcome: 'conditional',
      measures: [['supervision.key', 'condition', 'beijing.commuter-bus.poor.key-supervision']],
    });
    expect(decide('permit.application', 'C')).toEqual({ outcome: 'allow', measures: [] });
  });

  it.each(['B+', 'B', 'B-'])('the middle tier 中 (%s) gets neither', (grade) => {
    for (const scene of ['inspection.frequency', 'permit.application', 'business.new-capacity'] as const) {
      expect(decide(scene, grade)).toEqual({ outcome: 'allow', measures: [] });
    }
  });

  it('apply in Beijing only', () => {
    expect(decide('inspection.frequency', 'C', '130100')).toEqual({ outcome: 'allow', measures: [] });
  });
});
