import { WorkingDayCalendar } from '@domain/calendar';
import { DomainError } from '@platform/errors';
import {
  attributeWithdrawalToRepair,
  decide,
  hasExpired,
  importFromPartner,
  isInForce,
  propose,
  remove,
  restoreAfterRevokedRepair,
  updateFromPartner,
  withdrawPartnerEntry,
  type Proposal,
} from './list-entry';
import { DEFAULT_LIST_POLICIES, ListPolicies } from './list-policy';

const calendar = new WorkingDayCalendar({ unknownYears: 'weekdays' });
const policies = new ListPolicies(DEFAULT_LIST_POLICIES);

const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  id: '00000000-0000-4000-8000-000000000001',
  listType: 'severe-dishonesty',
  subject: { kind: 'vehicle', id: '豫A12345:yellow', name: '豫A12345' },
  region: '410100',
  origin: 'rule',
  ruleId: 'overload-more-than-3-in-12-months',
  basis: [{ kind: 'record', recordId: 'r1', recordType: 'administrative-penalty', decisionDate: '2026-11-02' }],
  grounds: 'more than 3 overloads',
  durationMonths: 24,
  proposedOn: '2026-11-20',
  ...overrides,
});

const confirm = (decidedOn: string) => ({
  outcome: 'confirm' as const,
  decidedOn,
  decidedBy: 'zz-transport',
  documentNumber: '郑交信〔2026〕1号',
  reason: 'no objection',
});

describe('list entry', () => {
  it('counts the prior notice in working days (Friday + 5 → next Friday)', () => {
    const entry = propose(proposal(), policies.of('severe-dishonesty'), calendar);
    expect(entry).toMatchObject({ status: 'proposed', noticeEndsOn: '2026-11-27', durationMonths: 24 });
  });

  it('cannot be confirmed while the notice runs, and says until when', () => {
    const entry = propose(proposal(), policies.of('severe-dishonesty'), calendar);
    expect(() => decide(entry, confirm('2026-11-27'))).toThrow(
      expect.objectContaining({ code: 'LIST_ENTRY.NOTICE_PERIOD_RUNNING', message: expect.stringContaining('2026-11-27') }),
    );
  });

  it('takes effect on confirmation after notice, for 2 years (last day the day before)', () => {
    const entry = decide(propose(proposal(), policies.of('severe-dishonesty'), calendar), confirm('2026-11-30'));
    expect(entry).toMatchObject({ status: 'effective', startsOn: '2026-11-30', endsOn: '2028-11-29', decision: { outcome: 'confirmed' } });
    expect(isInForce(entry, '2028-11-29')).toBe(true);
    expect(isInForce(entry, '2028-11-30')).toBe(false);
    expect(hasExpired(entry, '2028-11-30')).toBe(true);
    expect(isInForce(entry, '2026-11-29')).toBe(false);
  });

  it('falls back to the list default duration, or none', () => {
    expect(propose(proposal({ durationMonths: undefined, listType: 'key-watch' }), policies.of('key-watch'), calendar).durationMonths).toBe(12);
    const open = decide(propose(proposal({ durationMonths: null }), policies.of('key-watch'), calendar), confirm('2026-12-01'));
    expect(open.endsOn).toBeNull();
    expect(isInForce(open, '2040-01-01')).toBe(true);
  });

  it('may be dropped during notice, and then neither confirmed nor removed', () => {
    const dropped = decide(propose(proposal(), policies.of('severe-dishonesty'), calendar), { ...confirm('2026-11-21'), outcome: 'drop' });
    expect(dropped.status).toBe('dropped');
    expect(() => decide(dropped, confirm('2026-12-01'))).toThrow(DomainError);
    expect(() => remove(dropped, 'repair', '2026-12-01', '')).toThrow(DomainError);
  });

  it('is removed by repair or revocation of its basis, and is then out of force', () => {
    const entry = decide(propose(proposal(), policies.of('severe-dishonesty'), calendar), confirm('2026-11-30'));
    const removed = remove(entry, 'basis-revoked', '2027-01-10', 'record r1 revoked');
    expect(removed).toMatchObject({ status: 'removed', removal: { reason: 'basis-revoked', removedOn: '2027-01-10' }, version: 3 });
    expect(isInForce(removed, '2027-01-11')).toBe(false);
  });

  it('a revoked repair undoes its early removal: back in force with its original period (DOMAIN.md §5, ADR 0076)', () => {
    const entry = decide(propose(proposal(), policies.of('severe-dishonesty'), calendar), confirm('2026-11-30'));
    const repaired = remove(entry, 'repair', '2027-01-10', 'credit repair app-1 (信用修复)');
    const restored = restoreAfterRevokedRepair(repaired, 'app-1')!;
    expect(restored).toMatchObject({ status: 'effective', removal: null, startsOn: entry.startsOn, endsOn: entry.endsOn, version: 4 });
    expect(isInForce(restored, '2027-01-11')).toBe(true);
    // Nothing to undo: another repair's removal, a removal for another reason, an entry in force.
    expect(restoreAfterRevokedRepair(repaired, 'app-2')).toBeUndefined();
    expect(restoreAfterRevokedRepair(remove(entry, 'basis-revoked', '2027-01-10', 'app-1'), 'app-1')).toBeUndefined();
    expect(restoreAfterRevokedRepair(entry, 'app-1')).toBeUndefined();
  });

  it('refuses an entry with no basis', () => {
    expect(() => propose(proposal({ basis: [] }), policies.of('red'), calendar)).toThrow(expect.objectContaining({ code: 'LIST_ENTRY.INVALID' }));
  });

  const partnerEntry = (
    recognition: Parameters<typeof importFromPartner>[0]['recognition'],
    endsOn: string | null = '2027-03-31',
    sourceVersion: number | null = null,
  ) =>
    importFromPartner({
      id: '00000000-0000-4000-8000-000000000002',
      listType: 'key-watch',
      subject: { kind: 'org', id: '91320500MA1X000001', name: '苏州某运输公司' },
      region: '320500',
      basis: [{ kind: 'record', recordId: 'sz-1', recordType: 'administrative-penalty', decisionDate: '2026-03-01' }],
      grounds: 'Suzhou key-watch list',
      provenance: { partnerRegion: '320500', partnerName: 'Suzhou', sourceReference: 'SZ-KW-2026-001', decidedOn: '2026-04-01' },
      startsOn: '2026-04-01',
      endsOn,
      importedOn: '2026-11-21',
      recognition,
      sourceVersion,
    });
  const applied = { outcome: 'applied' as const, agreement: 'jiangsu-cities', reason: 'key-watch recognised', maxTermMonths: 24 };

  it('recognises a partner region entry the agreement applies as decided there, keeping its provenance', () => {
    const entry = partnerEntry(applied);
    expect(entry).toMatchObject({ status: 'effective', origin: 'partner-import', provenance: { partnerRegion: '320500' }, recognition: applied });
    expect(isInForce(entry, '2026-11-21')).toBe(true);
  });

  it('states the partner’s decision number as the decision’s: its reference unless it sent the number apart (an entry from its feed, referenced by id)', () => {
    expect(partnerEntry(applied).decision).toMatchObject({ documentNumber: 'SZ-KW-2026-001' });
    const fromFeed = importFromPartner({
      id: '00000000-0000-4000-8000-000000000003',
      listType: 'key-watch',
      subject: { kind: 'org', id: '91320500MA1X000001', name: '苏州某运输公司' },
      region: '320500',
      basis: [],
      grounds: 'Suzhou key-watch list',
      provenance: {
        partnerRegion: '320500',
        partnerName: 'Suzhou',
        sourceReference: 'entry-id-1',
        decidedOn: '2026-04-01',
        documentNumber: '苏交信〔2026〕8号',
      },
      startsOn: '2026-04-01',
      endsOn: null,
      importedOn: '2026-11-21',
      recognition: applied,
      sourceVersion: null,
    });
    expect(fromFeed.decision).toMatchObject({ documentNumber: '苏交信〔2026〕8号' });
  });

  it('keeps a partner entry outside its agreement as not applied: stored, never in force (issue 20 item 1)', () => {
    const entry = partnerEntry({ outcome: 'not-applied', agreement: null, reason: 'no agreement', maxTermMonths: null });
    expect(entry.status).toBe('not-applied');
    expect(isInForce(entry, '2026-11-21')).toBe(false);
  });

  it('gives an entry sent without an end the agreement maximum term (issue 20: never in force forever by omission)', () => {
    // 24 months from 2026-04-01: the first day no longer covered is 2028-04-01, so the last day is 2028-03-31.
    expect(partnerEntry(applied, null).endsOn).toBe('2028-03-31');
  });

  it('is withdrawn by its sender once; our own entries cannot be withdrawn so', () => {
    const withdrawn = withdrawPartnerEntry(partnerEntry(applied), '2026-12-01', 'withdrawn by Suzhou');
    expect(withdrawn).toMatchObject({ status: 'removed', removal: { reason: 'partner-withdrawn', removedOn: '2026-12-01' } });
    expect(withdrawPartnerEntry(withdrawn!, '2026-12-02', '')).toBeUndefined();
    const ours = decide(propose(proposal(), policies.of('severe-dishonesty'), calendar), confirm('2026-11-30'));
    expect(() => withdrawPartnerEntry(ours, '2026-12-01', '')).toThrow(expect.objectContaining({ code: 'LIST_ENTRY.NOT_PARTNER_ENTRY' }));
  });

  describe('a newer version from the partner (ADR 0087)', () => {
    const notApplied = { outcome: 'not-applied' as const, agreement: 'jiangsu-cities', reason: 'inform only', maxTermMonths: 24 };
    const v2 = partnerEntry(applied, '2027-03-31', 2);

    it('never lets the same or an older version overwrite the one held; the same version saying otherwise is refused', () => {
      expect(updateFromPartner(v2, partnerEntry(applied, '2027-09-30', 1), '2026-12-01')).toEqual({ change: 'unchanged' });
      expect(updateFromPartner(v2, partnerEntry(applied, '2027-03-31', 2), '2026-12-01')).toEqual({ change: 'unchanged' });
      expect(() => updateFromPartner(v2, partnerEntry(applied, '2027-09-30', 2), '2026-12-01')).toThrow(
        expect.objectContaining({ code: 'LIST_ENTRY.REFERENCE_REUSED', kind: 'conflict' }),
      );
      // Sent without versions at all: the same content is a replay, other content needs a version.
      const unversioned = partnerEntry(applied);
      expect(updateFromPartner(unversioned, partnerEntry(applied), '2026-12-01')).toEqual({ change: 'unchanged' });
      expect(() => updateFromPartner(unversioned, partnerEntry(applied, '2027-06-30'), '2026-12-01')).toThrow(
        expect.objectContaining({ code: 'LIST_ENTRY.REFERENCE_REUSED' }),
      );
    });

    it('applies another term of a newer version, with the agreement’s maximum term for an open end, and keeps the audit', () => {
      const extended = updateFromPartner(v2, partnerEntry(applied, '2027-09-30', 3), '2026-12-01');
      expect(extended).toMatchObject({ change: 'updated', entry: { id: v2.id, status: 'effective', endsOn: '2027-09-30', sourceVersion: 3, version: 2 } });
      expect(extended.entry!.partnerUpdates).toEqual([expect.objectContaining({ sourceVersion: 3, appliedOn: '2026-12-01', change: 'term' })]);
      // Sent again without an end: 24 months from 2026-04-01, the last day is 2028-03-31.
      expect(updateFromPartner(v2, partnerEntry(applied, null, 3), '2026-12-01').entry).toMatchObject({ endsOn: '2028-03-31' });
    });

    it('checks the agreement again: a newer version it no longer applies is not applied; one it now applies is in force', () => {
      expect(updateFromPartner(v2, partnerEntry(notApplied, '2027-03-31', 3), '2026-12-01').entry).toMatchObject({
        status: 'not-applied',
        recognition: notApplied,
      });
      const informed = partnerEntry(notApplied, '2027-03-31', 1);
      expect(updateFromPartner(informed, partnerEntry(applied, '2027-03-31', 2), '2026-12-01')).toMatchObject({
        change: 'updated',
        entry: { status: 'effective' },
      });
    });

    it('a newer version saying what is held moves only the version held', () => {
      expect(updateFromPartner(v2, partnerEntry(applied, '2027-03-31', 5), '2026-12-01')).toEqual({ change: 'unchanged', entry: { ...v2, sourceVersion: 5 } });
    });

    it('restores an entry its partner withdrew when a newer version is in force again, saying why', () => {
      const withdrawn = withdrawPartnerEntry(v2, '2026-12-01', 'withdrawn by Suzhou: repair')!;
      const restored = updateFromPartner(withdrawn, partnerEntry(applied, '2027-03-31', 4), '2026-12-05');
      expect(restored).toMatchObject({ change: 'restored', entry: { status: 'effective', removal: null, sourceVersion: 4, version: 3 } });
      expect(restored.entry!.partnerUpdates[0]).toMatchObject({ change: 'restored', appliedOn: '2026-12-05' });
      expect(restored.entry!.partnerUpdates[0].detail).toContain('2026-12-01');
    });

    it('does not restore an entry removed here for our own reason: refused for review', () => {
      const repaired = remove(v2, 'repair', '2026-12-01', 'repair application app-1');
      expect(() => updateFromPartner(repaired, partnerEntry(applied, '2027-03-31', 3), '2026-12-05')).toThrow(
        expect.objectContaining({ code: 'LIST_ENTRY.REMOVED_HERE', kind: 'conflict' }),
      );
      const expired = remove(v2, 'expiry', '2027-04-01', 'ended');
      expect(() => updateFromPartner(expired, partnerEntry(applied, '2027-09-30', 3), '2027-04-05')).toThrow(
        expect.objectContaining({ code: 'LIST_ENTRY.REMOVED_HERE' }),
      );
    });

    it('refuses another subject under the same reference, whatever its version', () => {
      const other = { ...partnerEntry(applied, '2027-03-31', 3), subject: { kind: 'org' as const, id: '91320500MA1X000002', name: '另一公司' } };
      expect(() => updateFromPartner(v2, other, '2026-12-01')).toThrow(
        expect.objectContaining({ code: 'LIST_ENTRY.REFERENCE_REUSED', violations: [expect.objectContaining({ field: 'subject.id' })] }),
      );
    });
  });

  it('withdrawn by its sender before the repair approved there on our forwarded application came back: the removal is the repair’s, and its revocation restores the entry (ADR 0088)', () => {
    const entry = partnerEntry(applied);
    const withdrawn = withdrawPartnerEntry(entry, '2026-12-01', 'withdrawn by Suzhou: withdrawn at the source (repair)')!;
    const attributed = attributeWithdrawalToRepair(withdrawn, 'credit repair app-9 (信用修复)')!;
    expect(attributed).toMatchObject({ status: 'removed', removal: { reason: 'repair', removedOn: '2026-12-01' }, version: withdrawn.version + 1 });
    expect(restoreAfterRevokedRepair(attributed, 'app-9')).toMatchObject({ status: 'effective', removal: null, endsOn: entry.endsOn });
    // Nothing to attribute: an entry in force, one removed otherwise, our own entry.
    expect(attributeWithdrawalToRepair(entry, 'x')).toBeUndefined();
    expect(attributeWithdrawalToRepair(remove(entry, 'expiry', '2027-04-01', ''), 'x')).toBeUndefined();
    const ours = remove(decide(propose(proposal(), policies.of('severe-dishonesty'), calendar), confirm('2026-11-30')), 'basis-revoked', '2027-01-10', '');
    expect(attributeWithdrawalToRepair({ ...ours, removal: { ...ours.removal!, reason: 'partner-withdrawn' } }, 'x')).toBeUndefined();
  });
});
