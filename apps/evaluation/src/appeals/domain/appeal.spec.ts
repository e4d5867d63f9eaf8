import type { Principal } from '@platform/auth';
import { decisionDueBy, decisionViolations, openingViolations, ownsScheme, uncountedRecords } from './appeal';

/* Grade appeals (ADR 0054; seed 004 苏州: 道路运输企业对评价结果有异议的，可提出申诉，属地交通运输行业管理部门负责对申诉情况及时调查核实). */
const RECORD = '0b7c5a52-0f0e-4d7e-9a57-3c1f1d2e3f40';
const admin = (region: string): Principal => ({ clientId: 'admin', kind: 'admin', scopes: ['admin'], region });

describe('grade appeals: what an appeal and a decision must say', () => {
  it('an appeal gives a reason; evidence references are optional but not empty', () => {
    expect(openingViolations('该事故经交警复核认定我司无责任', ['苏公交认字〔2026〕第1号'])).toEqual([]);
    expect(openingViolations('  ', ['', 'x'.repeat(501)]).map((v) => [v.field, v.code])).toEqual([
      ['reason', 'REQUIRED'],
      ['evidence[0]', 'REQUIRED'],
      ['evidence[1]', 'TOO_LONG'],
    ]);
    expect(
      openingViolations(
        '理由',
        Array.from({ length: 21 }, (_, i) => `证据${i}`),
      ).map((v) => v.code),
    ).toEqual(['TOO_MANY']);
  });

  it('a published period is named as closes name it (2026-Q3); anything else is refused', () => {
    expect(openingViolations('理由', [], '2026-Q3')).toEqual([]);
    expect(openingViolations('理由', [], '2026')).toEqual([]);
    expect(openingViolations('理由', [], 'Q3-2026').map((v) => [v.field, v.code])).toEqual([['period', 'INVALID']]);
  });

  it('upheld names the records that shall not count; rejected names none; both give a reason', () => {
    expect(decisionViolations({ outcome: 'upheld', reason: '经核实企业无责任', disregardedRecordIds: [RECORD] })).toEqual([]);
    expect(decisionViolations({ outcome: 'rejected', reason: '事故责任认定无误', disregardedRecordIds: [] })).toEqual([]);
    expect(decisionViolations({ outcome: 'upheld', reason: '', disregardedRecordIds: [] }).map((v) => [v.field, v.code])).toEqual([
      ['reason', 'REQUIRED'],
      ['disregardedRecordIds', 'REQUIRED'],
    ]);
    expect(decisionViolations({ outcome: 'rejected', reason: '维持', disregardedRecordIds: [RECORD] }).map((v) => v.code)).toEqual(['NOT_ALLOWED']);
    expect(decisionViolations({ outcome: 'approved', reason: '维持', disregardedRecordIds: [] }).map((v) => [v.field, v.code])).toEqual([
      ['outcome', 'INVALID'],
    ]);
    expect(decisionViolations({ outcome: 'upheld', reason: '理由', disregardedRecordIds: ['r1', RECORD, RECORD] }).map((v) => [v.field, v.code])).toEqual([
      ['disregardedRecordIds[0]', 'INVALID'],
      ['disregardedRecordIds', 'DUPLICATE'],
    ]);
  });

  it('only records the contested cycle counted may be disregarded', () => {
    expect(uncountedRecords([RECORD.toUpperCase(), 'other'], new Set([RECORD]))).toEqual(['other']);
  });

  it("the scheme's owner is an admin whose region covers every region the scheme grades", () => {
    // suzhou-road-transport-safety grades 320500: Suzhou (320500) and Jiangsu (320000) own it; Wuxi (320200) and Henan do not.
    expect(ownsScheme(admin('320500'), ['320500'])).toBe(true);
    expect(ownsScheme(admin('320000'), ['320500'])).toBe(true);
    expect(ownsScheme(admin('320200'), ['320500'])).toBe(false);
    expect(ownsScheme(admin('320500'), ['320500', '320200'])).toBe(false);
    expect(ownsScheme(admin('320500'), [])).toBe(false);
  });

  it('the decision is due a placeholder number of days after opening (the seed says only 及时)', () => {
    expect(decisionDueBy(new Date('2026-11-21T10:00:00+08:00'), 15).toISOString()).toBe('2026-12-06T02:00:00.000Z');
  });
});
