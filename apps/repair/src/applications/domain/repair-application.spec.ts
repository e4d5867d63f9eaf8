import type { RepairRecord } from '../../records/domain/repair-record';
import { REPAIR_RULES_V1 } from '../../rules/domain/shipped-repair-rules';
import type { RepairListEntry } from '../../records/domain/repair-list-entry';
import {
  ineligibility,
  initialStatus,
  listEntryIneligibility,
  forwardedApplicationViolations,
  partnerDeciding,
  reapplyBar,
  reapplyBarredUntil,
  revocationViolations,
  revocationWatchUntil,
  routedRefusal,
  sameForwardedRequest,
} from './repair-application';

/** A general administrative penalty decided 2026-04-10 (DOMAIN.md §5: general, at least 3 months, at most 1 year). */
const record: RepairRecord = {
  recordId: '00000000-0000-4000-8000-000000000001',
  recordType: 'administrative-penalty',
  subjectKind: 'org',
  subjectId: '91410100MA0000000X',
  subjectName: '郑州某运输有限公司',
  region: '410100',
  severity: 'general',
  decisionDate: '2026-04-10',
  documentNumber: '郑交罚〔2026〕1号',
  publicityEndsOn: '2027-04-10',
  payload: {},
  status: 'active',
  version: 1,
  changedAt: '2026-04-10T00:00:00Z',
  partner: null,
};

describe('repair eligibility (DOMAIN.md §5)', () => {
  it('before the 3-month minimum is over: 422 naming the first day (2026-07-11)', () => {
    expect(ineligibility(REPAIR_RULES_V1, record, 'repair-commitment', [], '2026-07-10')).toMatchObject({
      code: 'REPAIR.MINIMUM_PERIOD_NOT_OVER',
      status: 'precondition',
      eligibleFrom: '2026-07-11',
    });
  });

  it('from the day after the minimum until the maximum: eligible', () => {
    expect(ineligibility(REPAIR_RULES_V1, record, 'repair-commitment', [], '2026-07-11')).toBeNull();
    expect(ineligibility(REPAIR_RULES_V1, record, 'repair-commitment', [], '2027-04-10')).toBeNull();
  });

  it('after the maximum publication stopped by itself: nothing to repair (409)', () => {
    expect(ineligibility(REPAIR_RULES_V1, record, 'repair-commitment', [], '2027-04-11')).toMatchObject({
      code: 'REPAIR.RECORD_NOT_IN_FORCE',
      status: 'conflict',
    });
  });

  it('closed loop without rectification evidence: 422; with it: eligible', () => {
    expect(ineligibility(REPAIR_RULES_V1, record, 'closed-loop', [], '2026-08-01')).toMatchObject({ code: 'REPAIR.EVIDENCE_REQUIRED' });
    expect(ineligibility(REPAIR_RULES_V1, record, 'closed-loop', ['整改报告 2026-07-20'], '2026-08-01')).toBeNull();
  });

  it('repaired, revoked and non-repairable records are refused', () => {
    expect(ineligibility(REPAIR_RULES_V1, { ...record, status: 'repaired' }, 'repair-commitment', [], '2026-08-01')).toMatchObject({
      code: 'REPAIR.ALREADY_REPAIRED',
    });
    expect(ineligibility(REPAIR_RULES_V1, { ...record, status: 'revoked' }, 'repair-commitment', [], '2026-08-01')).toMatchObject({
      code: 'REPAIR.RECORD_NOT_IN_FORCE',
    });
    expect(ineligibility(REPAIR_RULES_V1, { ...record, recordType: 'administrative-licence' }, 'repair-commitment', [], '2026-08-01')).toMatchObject({
      code: 'REPAIR.NOT_REPAIRABLE',
    });
  });
});

/*
 * Revocation (issue 19 item 8): a repair obtained with a false commitment is revoked and the
 * subject may not apply again for a configured period (REPAIR_REVOCATION_BAR_MONTHS; 12 is the
 * placeholder default — the seeds give no period). Months are counted as 《民法典》第二百零二条.
 */
describe('reapply bar after a revoked repair', () => {
  it('lasts the configured months from the revocation date', () => {
    expect(reapplyBarredUntil('2026-12-06', 12)).toBe('2027-12-06');
    expect(reapplyBarredUntil('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('refuses an application up to the last barred day (422 REPAIR.REAPPLY_BARRED naming the first free day), then lets it through', () => {
    expect(reapplyBar('2027-12-06', '2027-12-06')).toMatchObject({
      code: 'REPAIR.REAPPLY_BARRED',
      status: 'precondition',
      eligibleFrom: '2027-12-07',
      violation: { field: 'target', code: 'REAPPLY_BARRED' },
    });
    expect(reapplyBar('2027-12-06', '2027-12-07')).toBeNull();
    expect(reapplyBar(null, '2026-12-06')).toBeNull();
  });

  it('needs a reason for the revocation', () => {
    expect(revocationViolations({ reason: ' ' })).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
    expect(revocationViolations({ reason: '信用承诺不实' })).toEqual([]);
  });
});

/*
 * List entries (issue 19 items 2 and 7; DOMAIN.md §5 "measures are lifted"): the punishment lists
 * the rules name (key-watch, severe-dishonesty, bad-driver) may be repaired while in force; reward
 * lists may not; no minimum period applies (placeholder: DOMAIN.md gives none).
 */
describe('list entry eligibility', () => {
  const entry: RepairListEntry = {
    entryId: '00000000-0000-4000-8000-000000000002',
    listType: 'severe-dishonesty',
    subjectKind: 'org',
    subjectId: '91410100MA0000000X',
    subjectName: '郑州某运输有限公司',
    region: '410100',
    status: 'effective',
    startsOn: '2026-11-01',
    version: 2,
    partner: null,
  };

  it('an effective severe-dishonesty entry is eligible at once', () => {
    expect(listEntryIneligibility(REPAIR_RULES_V1, entry)).toBeNull();
  });

  it('a removed or proposed entry is not in force (409); a red-list entry is not repairable (422)', () => {
    expect(listEntryIneligibility(REPAIR_RULES_V1, { ...entry, status: 'removed' })).toMatchObject({ code: 'REPAIR.RECORD_NOT_IN_FORCE', status: 'conflict' });
    expect(listEntryIneligibility(REPAIR_RULES_V1, { ...entry, status: 'proposed' })).toMatchObject({ code: 'REPAIR.RECORD_NOT_IN_FORCE' });
    expect(listEntryIneligibility(REPAIR_RULES_V1, { ...entry, listType: 'red' })).toMatchObject({ code: 'REPAIR.NOT_REPAIRABLE', status: 'precondition' });
  });
});

/*
 * 谁认定、谁修复 (issue 19 item 5, ADR 0084): the unit that decided the record decides its repair.
 * A record Hubei (420000) decided and pushed to us (ADR 0069) is Hubei's to repair.
 */
describe('routing by the deciding province', () => {
  const hubeiRecord: RepairRecord = {
    ...record,
    region: '420100',
    subjectId: '91420100MA0000000X',
    partner: { region: '420000', sourceReference: 'HB-2026-000123', agreement: 'hubei-demo' },
  };

  it('a record of ours is decided here: the application starts pending', () => {
    expect(partnerDeciding(record)).toBeNull();
    expect(initialStatus(partnerDeciding(record))).toBe('pending');
  });

  it("a partner-pushed record is the partner's to decide: the application starts forwarded to that province", () => {
    expect(partnerDeciding(hubeiRecord)).toBe('420000');
    expect(initialStatus(partnerDeciding(hubeiRecord))).toBe('forwarded');
  });

  it('the eligibility checks stay ours on a partner record (422 before the minimum period)', () => {
    expect(ineligibility(REPAIR_RULES_V1, hubeiRecord, 'repair-commitment', [], '2026-07-10')).toMatchObject({
      code: 'REPAIR.MINIMUM_PERIOD_NOT_OVER',
      eligibleFrom: '2026-07-11',
    });
  });

  it('refuses a local decision on a routed application (409 REPAIR.ROUTED_TO_PARTNER naming the province), not on one of ours', () => {
    const refusal = routedRefusal({ id: 'a1', forwardedTo: '420000' });
    expect(refusal).toMatchObject({ code: 'REPAIR.ROUTED_TO_PARTNER', status: 'conflict', violation: { field: 'applicationId', code: 'ROUTED' } });
    expect(refusal?.message).toContain('420000');
    expect(routedRefusal({ id: 'a2', forwardedTo: null })).toBeNull();
  });
});

/*
 * List entries a partner decided (ADR 0088): joint measures imported them with the partner's
 * provenance; the partner's unit decides their repair as it decides its records'.
 */
describe('routing list entries by the deciding province', () => {
  const entry: RepairListEntry = {
    entryId: '00000000-0000-4000-8000-000000000003',
    listType: 'severe-dishonesty',
    subjectKind: 'org',
    subjectId: '91420100MA0000000X',
    subjectName: '武汉某运输有限公司',
    region: '420100',
    status: 'effective',
    startsOn: '2026-11-01',
    version: 1,
    partner: null,
  };

  it('our own entry starts pending; a partner-imported one is forwarded to the province that decided it', () => {
    expect(initialStatus(partnerDeciding(entry))).toBe('pending');
    const imported = { ...entry, partner: { region: '410000', sourceReference: '0193a0c4-0000-7000-8000-000000000001' } };
    expect(partnerDeciding(imported)).toBe('410000');
    expect(initialStatus(partnerDeciding(imported))).toBe('forwarded');
  });

  it('a forwarded application names its target kind: record or list-entry, anything else is refused on `targetKind`', () => {
    const sent = { recordId: entry.entryId, subjectId: entry.subjectId, commitment: '承诺', evidence: [], reference: 'HB-1' };
    expect(forwardedApplicationViolations({ ...sent, targetKind: 'list-entry' })).toEqual([]);
    expect(forwardedApplicationViolations({ ...sent, targetKind: 'record' })).toEqual([]);
    expect(forwardedApplicationViolations({ ...sent, targetKind: 'grade' })).toEqual([expect.objectContaining({ field: 'targetKind', code: 'INVALID' })]);
  });

  it('the same reference is a replay only for the same target kind and id', () => {
    const held = { targetKind: 'list-entry' as const, recordId: null, listEntryId: entry.entryId, commitment: '承诺', evidence: ['a'] };
    const sent = { targetKind: 'list-entry', recordId: entry.entryId.toUpperCase(), commitment: '承诺', evidence: ['a'] };
    expect(sameForwardedRequest(held, sent)).toBe(true);
    expect(sameForwardedRequest(held, { ...sent, targetKind: 'record' })).toBe(false);
    expect(sameForwardedRequest(held, { ...sent, evidence: ['b'] })).toBe(false);
  });
});

describe('watching a partner’s approval for its revocation (ADR 0088)', () => {
  it('for the configured number of days after the approval came back; 0 days: not watched', () => {
    const approvedAt = new Date('2026-12-07T02:00:00Z');
    expect(revocationWatchUntil(approvedAt, 30)?.toISOString()).toBe('2027-01-06T02:00:00.000Z');
    expect(revocationWatchUntil(approvedAt, 0)).toBeNull();
  });
});
