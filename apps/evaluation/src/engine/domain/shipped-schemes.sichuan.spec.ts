import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact, SubjectRegistration } from './evaluate';
import type { SchemeDocument } from './scheme-document';
import { SHIPPED_SCHEMES, SICHUAN_RISK_PORTRAIT } from './shipped-schemes';

/*
 * Sichuan 两客一危 risk portraits (seed 004 案例15): 5 dimensions, 22 indicators, weights set in the
 * system and changeable, high/medium/low risk, drill-down to each vehicle's and driver's record.
 * The seed gives no weights or scales: this version's placeholders are overdue-inspection 15 (1 %
 * of the fleet overdue costs a tenth), violations per vehicle 20 (2 per vehicle → 0), driver
 * violations per driver 20 (1 per driver → 0), casualty accidents 25 (each −½), penalties 10 and
 * notices 10 (each −⅕); low ≥ 80, medium 60–<80, high < 60. Expected values are computed by hand.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const compiled = (document: SchemeDocument) => {
  const result = compileScheme(structuredClone(document));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
};
const scheme = compiled(SICHUAN_RISK_PORTRAIT);

let n = 0;
const record = (type: string, payload: Record<string, unknown>, severity = 'general'): RecordFact => ({
  id: `s${String(++n).padStart(3, '0')}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const alarm = (violationCode: string, plate: string, driver?: string) =>
  record('monitoring-violation', { violationCode, plate, plateColour: 'yellow', ...(driver ? { driverName: driver, driverCertificate: '510100000001' } : {}) });
const casualty = () => record('accident', { responsibility: 'main', deaths: 0, injuries: 2 });
const fleetOf = (vehicles: number, drivers: number): SubjectRegistration => ({
  region: '510100',
  sectors: ['road-passenger'],
  registeredOn: '2018-01-01',
  credit: { registered: true, committed: true, selfAssessed: true },
  active: true,
  fleet: { vehicles, drivers },
});
const portrait = (records: RecordFact[], registration: SubjectRegistration | null = fleetOf(4, 2), s = scheme) =>
  evaluateSubject(s, { subject: { id: '91510100M000100Y43', kind: 'org', region: '510100', lists: [], registration }, records, at: AT });

/** 4 speeding alarms on 4 vehicles (1 per vehicle) and one driver on the phone (½ per driver of 2). */
const FOUR_SPEEDING_ONE_PHONE = () => [
  alarm('speeding', '川A10001'),
  alarm('speeding', '川A10002'),
  alarm('speeding', '川A10003'),
  alarm('speeding', '川A10004'),
  alarm('phone-use', '川A10001', '王师傅'),
];

describe('Sichuan risk portrait (seed 004 案例15)', () => {
  it('is shipped for 两客一危 carriers of 510000 on the risk ladder, every dimension represented', () => {
    expect(SHIPPED_SCHEMES).toContain(SICHUAN_RISK_PORTRAIT);
    expect(SICHUAN_RISK_PORTRAIT.sectors).toEqual(['road-passenger', 'hazardous-goods']);
    expect(SICHUAN_RISK_PORTRAIT.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS.risk]);
    const ids = SICHUAN_RISK_PORTRAIT.scoring.kind === 'indicators' ? SICHUAN_RISK_PORTRAIT.scoring.indicators.map((i) => i.id) : [];
    expect(ids).toEqual([
      'overdue-inspection-ratio',
      'violations-per-vehicle',
      'driver-violations-per-driver',
      'casualty-accidents',
      'enforcement-penalties',
      'violation-notices',
    ]);
  });

  it('a clean carrier scores 100: low risk', () => {
    expect(portrait([])).toMatchObject({ score: 100, grade: 'low' });
  });

  it('4 vehicles, 2 drivers: 1 violation per vehicle (½ of 20) and ½ per driver (½ of 20): 15 + 10 + 10 + 25 + 10 + 10 = 80 → low', () => {
    expect(portrait(FOUR_SPEEDING_ONE_PHONE())).toMatchObject({ score: 80, grade: 'low' });
  });

  it('the same and one accident with injuries (½ of 25): 80 − 12.5 = 67.5 → medium', () => {
    expect(portrait([...FOUR_SPEEDING_ONE_PHONE(), casualty()])).toMatchObject({ score: 67.5, grade: 'medium' });
  });

  it('drills down to each vehicle and driver: the 10 points each indicator lost, shared by its records', () => {
    const items = portrait(FOUR_SPEEDING_ONE_PHONE()).explanation.items.filter((i) => i.ruleId.endsWith('/drill-down'));
    expect(items.map((i) => [i.ruleId, i.points, i.note])).toEqual([
      ['violations-per-vehicle/drill-down', -2.5, 'one of 4 records behind violations-per-vehicle: vehicle 川A10001 (yellow)'],
      ['violations-per-vehicle/drill-down', -2.5, 'one of 4 records behind violations-per-vehicle: vehicle 川A10002 (yellow)'],
      ['violations-per-vehicle/drill-down', -2.5, 'one of 4 records behind violations-per-vehicle: vehicle 川A10003 (yellow)'],
      ['violations-per-vehicle/drill-down', -2.5, 'one of 4 records behind violations-per-vehicle: vehicle 川A10004 (yellow)'],
      [
        'driver-violations-per-driver/drill-down',
        -10,
        'one of 1 records behind driver-violations-per-driver: vehicle 川A10001 (yellow), driver 王师傅 (510100000001)',
      ],
    ]);
  });

  it('re-weighted (violations per vehicle 20 → 60, as a new version would): (15 + 30 + 10 + 25 + 10 + 10) / 140 = 71.429 → medium', () => {
    const document = structuredClone(SICHUAN_RISK_PORTRAIT);
    if (document.scoring.kind !== 'indicators') throw new Error('indicators expected');
    document.scoring.indicators.find((i) => i.id === 'violations-per-vehicle')!.weight = 60;
    expect(portrait(FOUR_SPEEDING_ONE_PHONE(), fleetOf(4, 2), compiled(document))).toMatchObject({ score: 71.429, grade: 'medium' });
  });

  it('without a registered fleet each ratio divides by 1: 4 per vehicle and 1 per driver clamp to 0: 15 + 0 + 0 + 25 + 10 + 10 = 60 → medium', () => {
    expect(portrait(FOUR_SPEEDING_ONE_PHONE(), null)).toMatchObject({ score: 60, grade: 'medium' });
  });

  it('1 overdue inspection in a fleet of 20 (5 %): ½ of 15 → 92.5, low', () => {
    expect(portrait([alarm('overdue-annual-inspection', '川A20001')], fleetOf(20, 20))).toMatchObject({ score: 92.5, grade: 'low' });
  });

  it('2 casualty accidents, 5 penalties, 5 notices: 15 + 20 + 20 = 55 → high', () => {
    const records = [
      casualty(),
      casualty(),
      ...Array.from({ length: 5 }, () => record('administrative-penalty', {})),
      ...Array.from({ length: 5 }, () => record('inter-department-notice', {})),
    ];
    expect(portrait(records)).toMatchObject({ score: 55, grade: 'high' });
  });
});
