import { DomainError } from '@platform/errors';
import { schemeCatalogue } from '../../configuration/domain/config-problem';
import { checkEntryRules, parseEntryRules, type EntryRule, type ScreeningRule, type StandingRecord } from './entry-rule';
import { evaluateScreeningRule, inScreenedRegion, screenedRecordTypes, type ScreeningFacts } from './screening-rule';
import { SHIPPED_ENTRY_RULES } from './shipped-entry-rules';

/*
 * Seed 003 太仓“平安箱运·绿色快航”: “一年无违章、两年无安检滞留、三年无等级事故、无信用惩戒、无重点跟踪、无C类船舶”的
 * “六无”准入标准，将一年内在太仓港累计作业不少于12艘次的守信集装箱船舶纳入守信激励名单。
 * Screened on 2026-12-01: one year back starts 2025-12-02, two years 2024-12-02, three 2023-12-02.
 */
const taicang = SHIPPED_ENTRY_RULES.find((r) => r.id === 'taicang-green-fast-lane') as ScreeningRule;
const AS_OF = '2026-12-01';
const VESSEL = 'CN12345678901';

let n = 0;
function record(recordType: string, decisionDate: string, payload: Record<string, unknown> = {}, standing = true): StandingRecord {
  n += 1;
  return {
    recordId: `r-${String(n).padStart(4, '0')}`,
    recordType,
    subjectKind: 'vessel',
    subjectId: VESSEL,
    severity: 'minor',
    decisionDate,
    payload,
    standing,
  };
}
/** A ship safety inspection at Taicang port (seed 003 安检), detaining the ship or not. */
const inspection = (decisionDate: string, detained: boolean) => record('ship-safety-inspection', decisionDate, { port: '太仓港', defects: 6, detained });
/** `count` calls at Taicang port in the last year, one a fortnight back from 2026-11-20. */
function calls(count: number, port = '太仓港'): StandingRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 20 - 14 * i));
    return record('vessel-port-call', day.toISOString().slice(0, 10), { port });
  });
}
const facts = (records: StandingRecord[], more: Partial<ScreeningFacts> = {}): ScreeningFacts => ({ records, openListTypes: [], grades: [], ...more });
const unmetOf = (f: ScreeningFacts, rule: ScreeningRule = taicang) => evaluateScreeningRule(rule, f, AS_OF).unmet.map((u) => u.criterion);

describe('screening rules: the Taicang green list (seed 003 太仓“六无” + 12 calls)', () => {
  it('lists a clean vessel with 12 calls at Taicang port within a year, resting on those calls', () => {
    const outcome = evaluateScreeningRule(taicang, facts(calls(12)), AS_OF);
    expect(outcome).toMatchObject({ met: true, unmet: [] });
    expect(outcome.basis).toHaveLength(12);
    expect(outcome.basis.every((r) => r.recordType === 'vessel-port-call')).toBe(true);
  });

  it('does not list a vessel with only 11 calls (不少于12艘次), and says so', () => {
    const outcome = evaluateScreeningRule(taicang, facts(calls(11)), AS_OF);
    expect(outcome.met).toBe(false);
    expect(outcome.basis).toEqual([]);
    expect(outcome.unmet).toEqual([{ criterion: '一年内在太仓港累计作业不少于12艘次', detail: expect.stringContaining('11 vessel-port-call') }]);
  });

  it('counts only calls at Taicang port and inside the year', () => {
    const elsewhere = calls(6, '南京港');
    const old = record('vessel-port-call', '2025-12-01', { port: '太仓港' });
    expect(unmetOf(facts([...calls(11), ...elsewhere, old]))).toEqual(['一年内在太仓港累计作业不少于12艘次']);
    expect(unmetOf(facts([...calls(11), record('vessel-port-call', '2025-12-02', { port: '太仓港' })]))).toEqual([]);
  });

  it('does not list a vessel with a violation 10 months ago (一年无违章); one 13 months ago no longer counts', () => {
    expect(unmetOf(facts([...calls(12), record('administrative-penalty', '2026-02-01')]))).toEqual(['一年无违章']);
    expect(unmetOf(facts([...calls(12), record('administrative-penalty', '2025-11-01')]))).toEqual([]);
  });

  it('does not list a vessel detained 18 months ago (两年无安检滞留); 25 months ago no longer counts', () => {
    expect(unmetOf(facts([...calls(12), inspection('2025-06-01', true)]))).toEqual(['两年无安检滞留']);
    expect(unmetOf(facts([...calls(12), inspection('2024-11-01', true)]))).toEqual([]);
  });

  it('lists a vessel inspected without detention 18 months ago: the criterion is detention, not inspection', () => {
    expect(unmetOf(facts([...calls(12), inspection('2025-06-01', false)]))).toEqual([]);
  });

  it('does not list a vessel with a graded accident in three years (三年无等级事故); an accident with no grade is not one', () => {
    expect(unmetOf(facts([...calls(12), record('accident', '2024-06-01', { accidentGrade: 'ordinary' })]))).toEqual(['三年无等级事故']);
    expect(unmetOf(facts([...calls(12), record('accident', '2024-06-01', { responsibility: 'main' })]))).toEqual([]);
    expect(unmetOf(facts([...calls(12), record('accident', '2023-11-01', { accidentGrade: 'larger' })]))).toEqual([]);
  });

  it('does not list a vessel under credit punishment (无信用惩戒) or key tracking (无重点跟踪)', () => {
    expect(unmetOf(facts(calls(12), { openListTypes: ['severe-dishonesty'] }))).toEqual(['无信用惩戒']);
    expect(unmetOf(facts(calls(12), { openListTypes: ['key-watch'] }))).toEqual(['无重点跟踪']);
  });

  it('ignores a record no longer standing (revoked, repaired)', () => {
    expect(unmetOf(facts([...calls(12), record('administrative-penalty', '2026-02-01', {}, false)]))).toEqual([]);
  });

  it('reports every criterion missed, not only the first', () => {
    expect(unmetOf(facts([...calls(3), record('administrative-penalty', '2026-02-01')], { openListTypes: ['key-watch'] }))).toEqual([
      '一年无违章',
      '无重点跟踪',
      '一年内在太仓港累计作业不少于12艘次',
    ]);
  });

  it('reads the record types it counts and screens Taicang (320585) only', () => {
    expect(screenedRecordTypes(taicang).sort()).toEqual(['accident', 'administrative-penalty', 'ship-safety-inspection', 'vessel-port-call']);
    expect(inScreenedRegion(taicang, '320585')).toBe(true);
    expect(inScreenedRegion(taicang, '320583')).toBe(false);
  });
});

describe('screening rules: notGraded (e.g. “无C类船舶” once a vessel grading scheme is published)', () => {
  const rule = {
    ...taicang,
    id: 'vessel-not-c',
    criteria: [...taicang.criteria, { label: '无C类船舶', notGraded: { schemeIds: ['jiangsu-vessel-grades'], grades: ['C', 'D'] } }],
  } as ScreeningRule;
  const graded = (cycle: string, grade: string) => ({ schemeId: 'jiangsu-vessel-grades', cycle, grade, pointsDeducted: 0 });

  it('looks at the latest closed cycle of the scheme only', () => {
    expect(unmetOf(facts(calls(12), { grades: [graded('2024', 'A'), graded('2025', 'C')] }), rule)).toEqual(['无C类船舶']);
    expect(unmetOf(facts(calls(12), { grades: [graded('2024', 'C'), graded('2025', 'B')] }), rule)).toEqual([]);
  });

  it('is pending until the scheme is published, and checks its grades against the ladder then', () => {
    const [checked] = checkEntryRules([rule], schemeCatalogue([]));
    expect(checked).toMatchObject({ status: 'pending', waitingFor: ['jiangsu-vessel-grades'] });
    const published = schemeCatalogue([
      { schemeId: 'jiangsu-vessel-grades', version: 1, ladderId: 'AA-D', grades: ['AA', 'A', 'B', 'C', 'D'], sectors: [], regions: ['320000'] },
    ]);
    expect(checkEntryRules([rule], published)[0]).toMatchObject({ status: 'active', problems: [] });
  });
});

describe('screening rules: shape and references', () => {
  const base = { ...taicang, id: 'custom-green' } as Record<string, unknown>;
  const fieldsOf = (input: unknown[]) => {
    try {
      parseEntryRules(input);
      return [];
    } catch (e) {
      return (e as DomainError).violations.map((v) => v.field);
    }
  };

  it('ships the Taicang rule active: every record type and list type it names exists', () => {
    expect(checkEntryRules([taicang], schemeCatalogue([]))[0]).toMatchObject({ status: 'active', problems: [] });
  });

  it('refuses a screening rule for a punitive list: the absence of wrongdoing never justifies a punishment', () => {
    expect(fieldsOf([{ ...base, listType: 'severe-dishonesty' }])).toEqual(['rules[0].listType']);
  });

  it('refuses a screening rule without an atLeast criterion: an entry needs records behind it (DOMAIN.md §4)', () => {
    expect(fieldsOf([{ ...base, criteria: [{ label: '一年无违章', none: { recordType: 'administrative-penalty' }, windowMonths: 12 }] }])).toEqual([
      'rules[0].criteria',
    ]);
  });

  it('refuses an unknown field in a criterion (closed shape)', () => {
    expect(
      fieldsOf([{ ...base, criteria: [{ label: 'x', atLeast: 1, of: { recordType: 'vessel-port-call' }, windowMonths: 12, colour: 'green' }] }]),
    ).not.toEqual([]);
  });

  it('names an unknown record type or list type where it sits', () => {
    const rule = {
      ...base,
      criteria: [
        { label: 'a', none: { recordType: 'port-detention' }, windowMonths: 24 },
        { label: 'b', notOnLists: ['black'] },
        { label: 'c', atLeast: 12, of: { recordType: 'vessel-port-call' }, windowMonths: 12 },
      ],
    };
    const problems = checkEntryRules(parseEntryRules([rule]) as EntryRule[], schemeCatalogue([]))[0].problems;
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['rules[0].criteria[0].none.recordType', 'UNKNOWN_RECORD_TYPE'],
      ['rules[0].criteria[1].notOnLists[0]', 'UNKNOWN_LIST_TYPE'],
    ]);
  });
});
