import { assessApplication } from './assessment';
import { creditPath, groundsOf, type CreditCheck } from './credit-path';
import { zhengzhouToWuhan } from './permit-application.fixture';

const allow: CreditCheck = { answered: true, decisionId: 'd1', outcome: 'allow', measures: [] };
const keyWatch: CreditCheck = {
  answered: true,
  decisionId: 'd2',
  outcome: 'deny',
  measures: [
    {
      code: 'commitment-path.denied',
      name: '不适用信用承诺（告知承诺）办理',
      legalBasis: 'LOCAL: 河南（重点关注名单）',
      grounds: ['列入重点关注名单（2026-11-01起）'],
    },
  ],
};
const banned: CreditCheck = {
  answered: true,
  decisionId: 'd3',
  outcome: 'deny',
  measures: [
    { code: 'permit.application-ban', name: '1年内不准申请公路超限运输许可', legalBasis: '交通运输部令2016年第62号', grounds: ['累计1条失信记录未修复'] },
  ],
};
const licensed = { licensedForOversize: true };

describe('credit path (seed 000; DOMAIN.md §7 Credit path)', () => {
  it('open: a committed carrier takes the commitment path, no on-site inspection', () => {
    expect(creditPath(true, allow)).toMatchObject({ path: 'commitment', inspection: 'remote-if-drawn', reasons: [] });
  });
  it('closed (key-watch list): the standard path with inspection, and the reason', () => {
    const outcome = creditPath(true, keyWatch);
    expect(outcome).toMatchObject({ path: 'standard', inspection: 'on-site', banned: false });
    // The facts the applicant can act on (which list, since when), not the catalogue's source note.
    expect(outcome.reasons).toEqual(['不适用信用承诺（告知承诺）办理：列入重点关注名单（2026-11-01起）']);
  });
  it('banned: the 1-year ban cites its national rule (62号令)', () => {
    expect(creditPath(true, banned)).toMatchObject({ banned: true, reasons: ['1年内不准申请公路超限运输许可（交通运输部令2016年第62号）'] });
  });
  it('joint measures did not answer in time: standard path, never the fast lane, and says so', () => {
    const outcome = creditPath(true, { answered: false, why: 'deadline exceeded' });
    expect(outcome).toMatchObject({ path: 'standard', inspection: 'on-site', decisionId: null });
    expect(outcome.reasons[0]).toContain('联合奖惩未能答复');
  });
  it('no commitment: the standard path', () => {
    expect(creditPath(false, allow)).toMatchObject({ path: 'standard', reasons: ['申请人未作信用承诺'] });
  });
});

describe('groundsOf: a decision reason as the applicant reads it', () => {
  const reason = { kind: '', listType: '', startsOn: '', endsOn: '', grade: '', cycle: '', count: 0 };
  it('names the list in Chinese with its dates', () => {
    expect(groundsOf({ ...reason, kind: 'list-entry', listType: 'key-watch', startsOn: '2026-11-01', endsOn: '2027-10-31' })).toBe(
      '列入重点关注名单（2026-11-01起至2027-10-31）',
    );
    expect(groundsOf({ ...reason, kind: 'list-entry', listType: 'severe-dishonesty' })).toBe('列入严重失信主体名单');
  });
  it('a grade with its cycle, and a count of records (新乡: 累计10条行政处罚未修复, seed 002)', () => {
    expect(groundsOf({ ...reason, kind: 'grade', grade: 'red', cycle: '2026' })).toBe('信用等级为红码（2026）');
    expect(groundsOf({ ...reason, kind: 'records', count: 10 })).toBe('累计10条失信记录未修复');
  });
});

describe('assessApplication', () => {
  it('Zhengzhou → Wuhan, 4.4 m × 3.5 m × 22 m, 51 t: class II, cross-province, 10 working days (DOMAIN.md §7)', () => {
    const result = assessApplication(zhengzhouToWuhan(), licensed, creditPath(true, allow), '2025-12-01');
    expect(result).toMatchObject({ status: 'accepted', permitClass: 'II', crossProvince: true, provinces: ['410000', '420000'], workingDays: 10 });
    // Accepted Monday 2025-12-01; 10 working days, no holiday in between: Monday 2025-12-15.
    expect(result.deadline).toEqual({ date: '2025-12-15', provisional: false });
  });

  it('within one province, class II: 5 working days', () => {
    const draft = zhengzhouToWuhan();
    draft.route.segments = [draft.route.segments[0]];
    expect(assessApplication(draft, licensed, creditPath(true, allow), '2025-12-01')).toMatchObject({ workingDays: 5, deadline: { date: '2025-12-08' } });
  });

  it('not accepted: divisible cargo, carrier not licensed, carrier banned, all at once', () => {
    const draft = zhengzhouToWuhan({ cargo: { description: '钢材', divisible: true } });
    expect(assessApplication(draft, { licensedForOversize: false }, creditPath(true, banned), '2025-12-01')).toMatchObject({
      status: 'not-accepted',
      reasons: ['divisible-cargo', 'carrier-not-licensed', 'carrier-banned'],
    });
  });

  it('refused on a flatbed axle over 13 t', () => {
    const draft = zhengzhouToWuhan();
    draft.vehicle.axleLoadsKg = [6_000, 9_000, 9_000, 13_500, 9_000, 4_500];
    expect(assessApplication(draft, licensed, creditPath(true, allow), '2025-12-01')).toMatchObject({ status: 'refused', reasons: ['axle-load-max'] });
  });

  it('class III without outline drawing and escort plan: one deficiency notice naming both, no deadline yet', () => {
    const draft = zhengzhouToWuhan({ dimensions: { heightM: 4.8, widthM: 3.5, lengthM: 22, grossMassKg: 51_000 } });
    const result = assessApplication(draft, licensed, creditPath(true, allow), '2025-12-01');
    expect(result).toMatchObject({ status: 'deficient', permitClass: 'III', workingDays: 20, deadline: null });
    expect(result.deficiencies.map((d) => d.field)).toEqual(['attachments.outline-drawing', 'escortPlan']);
  });

  it('not over the limit: no permit needed', () => {
    const draft = zhengzhouToWuhan({ dimensions: { heightM: 4, widthM: 2.5, lengthM: 18, grossMassKg: 40_000 } });
    expect(assessApplication(draft, licensed, creditPath(true, allow), '2025-12-01')).toMatchObject({ status: 'not-accepted', reasons: ['not-over-limit'] });
  });
});
