import { GRADE_LADDERS, type GradeLadderId } from '@domain/credit';
import { schemeCatalogue } from '../../configuration/domain/config-problem';
import type { CycleGrade } from '../../entry-rules/domain/grade-rule';
import { decideScene, type DecisionQuestion } from './decision';
import type { Scene } from './measure-catalogue';
import { catalogueInForce, checkMeasureCatalogue, parseMeasureCatalogue } from './measure-config';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from './shipped-measures';

/*
 * The water mappings (issue 17): Zhejiang ships (seed 004 案例6: high grades rewarded in 过闸调度,
 * low grades restricted in 过闸申报 and 实船核查), Guangxi's Changzhou lock (案例13: three-star ships
 * redeem 20 points for 60 queue places) and 信用长江 (案例19: green ships get tank-cleaning
 * priority and 诚信过闸; red ones are picked for checks).
 */
const published = (schemeId: string, ladderId: GradeLadderId) => ({
  schemeId,
  version: 1,
  ladderId,
  grades: [...GRADE_LADDERS[ladderId]],
  sectors: [],
  regions: [],
});
const catalogue = catalogueInForce(
  checkMeasureCatalogue(
    parseMeasureCatalogue({ measures: SHIPPED_MEASURES, mappings: SHIPPED_MAPPINGS }),
    schemeCatalogue([
      published('zhejiang-inland-ship-safety', 'AA-D'),
      published('guangxi-changzhou-lock-points', 'stars'),
      published('yangtze-shipping-four-colour', 'four-colour'),
    ]),
  ),
);
const decide = (scene: Scene, region: string, schemeId: string, grade: string) => {
  const question: DecisionQuestion = { scene, region, sectors: [], on: '2026-11-21' };
  const grades = [{ schemeId, cycle: '2026-11-20', grade } as CycleGrade];
  const result = decideScene(question, { entries: [], records: [], grades }, catalogue.measures, catalogue.mappings);
  return { outcome: result.outcome, measures: result.measures.map((m) => ({ code: m.code, mappingId: m.mappingId, value: m.value })) };
};

describe('shipped water mappings', () => {
  it('are all active once the three water schemes are published', () => {
    const water = SHIPPED_MAPPINGS.filter((m) => /^(zhejiang|guangxi|yangtze)\./.test(m.id)).map((m) => m.id);
    expect(water).toHaveLength(7);
    for (const id of water) expect(catalogue.mappings.map((m) => m.id)).toContain(id);
  });

  it('Zhejiang: AA and A ships get lock priority; C and D are restricted at the lock and checked on board; B neither', () => {
    expect(decide('dispatch.priority', '330400', 'zhejiang-inland-ship-safety', 'A')).toEqual({
      outcome: 'allow',
      measures: [{ code: 'lock-passage.priority', mappingId: 'zhejiang.ship.lock-priority', value: undefined }],
    });
    expect(decide('dispatch.priority', '330400', 'zhejiang-inland-ship-safety', 'D')).toMatchObject({
      outcome: 'conditional',
      measures: [{ code: 'lock-passage.restricted', mappingId: 'zhejiang.ship.lock-restricted' }],
    });
    expect(decide('inspection.frequency', '330400', 'zhejiang-inland-ship-safety', 'C')).toMatchObject({
      measures: [{ code: 'vessel.on-board-check', mappingId: 'zhejiang.ship.on-board-check' }],
    });
    expect(decide('dispatch.priority', '330400', 'zhejiang-inland-ship-safety', 'B')).toEqual({ outcome: 'allow', measures: [] });
  });

  it('Guangxi: only three-star ships may jump the queue, 60 places per 20 points; not outside Guangxi', () => {
    expect(decide('dispatch.priority', '450400', 'guangxi-changzhou-lock-points', '3')).toEqual({
      outcome: 'allow',
      measures: [{ code: 'lock-queue.jump', mappingId: 'guangxi.lock.queue-jump', value: { amount: 60, unit: 'queue places per 20 points' } }],
    });
    expect(decide('dispatch.priority', '450400', 'guangxi-changzhou-lock-points', '2').measures).toEqual([]);
    expect(decide('dispatch.priority', '330400', 'guangxi-changzhou-lock-points', '3').measures).toEqual([]);
  });

  it('信用长江: a green ship gets tank-cleaning priority and lock priority anywhere on the river; a red one is picked for a check', () => {
    expect(decide('incentive.discount', '320100', 'yangtze-shipping-four-colour', 'green').measures).toEqual([
      { code: 'tank-cleaning.priority', mappingId: 'yangtze.green.tank-cleaning', value: undefined },
    ]);
    expect(decide('dispatch.priority', '321000', 'yangtze-shipping-four-colour', 'green').measures.map((m) => m.mappingId)).toEqual([
      'yangtze.green.lock-priority',
    ]);
    expect(decide('inspection.frequency', '420100', 'yangtze-shipping-four-colour', 'red').measures.map((m) => m.mappingId)).toEqual([
      'yangtze.red.on-board-check',
    ]);
    expect(decide('incentive.discount', '420100', 'yangtze-shipping-four-colour', 'blue').measures).toEqual([]);
  });
});
