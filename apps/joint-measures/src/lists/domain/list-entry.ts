import { addMonths } from '@domain/calendar';
import type { WorkingDayCalendar } from '@domain/calendar';
import type { CreditListType, SubjectKind } from '@domain/credit';
import { DomainError } from '@platform/errors';
import { ListEntryErrorCode } from './list-errors';
import type { ListPolicy } from './list-policy';

/**
 * proposed → effective (confirmed after the notice period) → removed;
 * proposed → dropped (the deciding unit did not confirm it);
 * not-applied → removed: a partner's entry that no recognition agreement applies here (ADR 0067),
 * stored and reported to admins, never in force.
 */
export type ListEntryStatus = 'proposed' | 'effective' | 'dropped' | 'removed' | 'not-applied';

/** What an entry rests on: the records or grades behind it (DOMAIN.md §4 "each entry has a basis"). */
export type BasisItem =
  | { kind: 'record'; recordId: string; recordType: string; decisionDate: string }
  | { kind: 'grade'; schemeId: string; cycle: string; grade: string; pointsDeducted?: number };

/** rule: proposed by an entry rule; manual: proposed by a unit; partner-import: decided in a partner region. */
export type ListEntryOrigin = 'rule' | 'manual' | 'partner-import';

/** Where an imported entry comes from (cross-region recognition, DOMAIN.md §4). */
export interface Provenance {
  partnerRegion: string;
  partnerName: string;
  sourceReference: string;
  decidedOn: string;
  /** The partner's decision document number when the reference is not it (an entry from its feed, referenced by id). */
  documentNumber?: string;
}

/**
 * Whether a partner's entry applies here, as the gateway found it in the recognition agreement
 * with the sender (issue 20 item 1, ADR 0067): the gateway owns the agreements; this service
 * stores the finding with the entry and never puts a not-applied entry in force.
 */
export interface PartnerRecognition {
  outcome: 'applied' | 'not-applied';
  /** The agreement's id; null when the sender has none. */
  agreement: string | null;
  reason: string;
  /** The agreement's maximum term for an entry sent without an end; null: none. */
  maxTermMonths: number | null;
}

/**
 * screening-unmet: a screening found the subject no longer meets its rule's criteria (ADR 0052);
 * partner-withdrawn: the partner that sent the entry withdrew it (ADR 0067).
 */
export type RemovalReason = 'repair' | 'expiry' | 'basis-revoked' | 'basis-expired' | 'screening-unmet' | 'partner-withdrawn';

export interface ListEntry {
  id: string;
  listType: CreditListType;
  subject: { kind: SubjectKind; id: string; name: string };
  region: string;
  status: ListEntryStatus;
  origin: ListEntryOrigin;
  ruleId: string | null;
  basis: BasisItem[];
  /** Why, in words a notice letter can quote (the rule's title and legal basis). */
  grounds: string;
  provenance: Provenance | null;
  proposedOn: string;
  /** Last day of the prior-notice period; the entry may be confirmed on the next day. */
  noticeEndsOn: string;
  durationMonths: number | null;
  decision: { outcome: 'confirmed' | 'dropped'; decidedOn: string; decidedBy: string; documentNumber: string; reason: string } | null;
  startsOn: string | null;
  /** Last day in force (inclusive); null = until removed. */
  endsOn: string | null;
  removal: { reason: RemovalReason; removedOn: string; detail: string } | null;
  /** A partner's entry: whether it applies here and under which agreement; null for our own. */
  recognition: PartnerRecognition | null;
  /** A partner's entry: the partner's version of it held here (null: sent without one, or our own entry). */
  sourceVersion: number | null;
  /** A partner's entry: the newer versions that changed it here, oldest first (ADR 0087). */
  partnerUpdates: PartnerEntryUpdate[];
  version: number;
}

/** A newer version of a partner's entry applied here: when, what it changed, and why (the audit of a restore). */
export interface PartnerEntryUpdate {
  sourceVersion: number;
  appliedOn: string;
  change: 'term' | 'restored';
  detail: string;
}

export interface Proposal {
  id: string;
  listType: CreditListType;
  subject: ListEntry['subject'];
  region: string;
  origin: Exclude<ListEntryOrigin, 'partner-import'>;
  ruleId: string | null;
  basis: BasisItem[];
  grounds: string;
  /** A rule's own duration (law) overrides the list's default. */
  durationMonths?: number | null;
  proposedOn: string;
}

/** Opens the prior-notice period (事前告知): the entry cannot take effect before it ends. */
export function propose(proposal: Proposal, policy: ListPolicy, calendar: WorkingDayCalendar): ListEntry {
  if (proposal.basis.length === 0)
    throw DomainError.validation(ListEntryErrorCode.Invalid, [{ field: 'basis', message: 'an entry needs at least one record or grade behind it' }]);
  return {
    ...proposal,
    status: 'proposed',
    provenance: null,
    noticeEndsOn: calendar.addWorkingDays(proposal.proposedOn, policy.noticeWorkingDays),
    durationMonths: proposal.durationMonths === undefined ? policy.defaultDurationMonths : proposal.durationMonths,
    decision: null,
    startsOn: null,
    endsOn: null,
    removal: null,
    recognition: null,
    sourceVersion: null,
    partnerUpdates: [],
    version: 1,
  };
}

export interface Decision {
  outcome: 'confirm' | 'drop';
  decidedOn: string;
  decidedBy: string;
  documentNumber: string;
  reason: string;
}

/**
 * The deciding unit's decision after notice. Confirming before the notice period is over is
 * refused (the subject must have had the whole period to answer); dropping is allowed at any time.
 */
export function decide(entry: ListEntry, decision: Decision): ListEntry {
  if (entry.status !== 'proposed')
    throw new DomainError(ListEntryErrorCode.NotProposed, 'conflict', `The entry is ${entry.status}; only a proposed entry can be decided.`);
  const recorded = { decidedOn: decision.decidedOn, decidedBy: decision.decidedBy, documentNumber: decision.documentNumber, reason: decision.reason };
  if (decision.outcome === 'drop') return { ...entry, status: 'dropped', decision: { outcome: 'dropped', ...recorded }, version: entry.version + 1 };
  if (decision.decidedOn <= entry.noticeEndsOn) {
    throw new DomainError(
      ListEntryErrorCode.NoticeRunning,
      'precondition',
      `The prior-notice period runs until ${entry.noticeEndsOn}; the entry can be confirmed from the next day.`,
    );
  }
  return {
    ...entry,
    status: 'effective',
    decision: { outcome: 'confirmed', ...recorded },
    startsOn: decision.decidedOn,
    endsOn: lastDayOf(decision.decidedOn, entry.durationMonths),
    version: entry.version + 1,
  };
}

/**
 * An entry the list owner recognised by screening (筛选认定, ADR 0052): a benefit needs no prior
 * notice, and the screening is the owner's decision, so it is in force from the day screened.
 */
export function recognise(proposal: Proposal, policy: ListPolicy, decision: Omit<Decision, 'outcome'>): ListEntry {
  if (proposal.basis.length === 0)
    throw DomainError.validation(ListEntryErrorCode.Invalid, [{ field: 'basis', message: 'an entry needs at least one record or grade behind it' }]);
  const durationMonths = proposal.durationMonths === undefined ? policy.defaultDurationMonths : proposal.durationMonths;
  return {
    ...proposal,
    status: 'effective',
    provenance: null,
    noticeEndsOn: proposal.proposedOn,
    durationMonths,
    decision: { outcome: 'confirmed', ...decision },
    startsOn: decision.decidedOn,
    endsOn: lastDayOf(decision.decidedOn, durationMonths),
    removal: null,
    recognition: null,
    sourceVersion: null,
    partnerUpdates: [],
    version: 1,
  };
}

export interface PartnerEntry {
  id: string;
  listType: CreditListType;
  subject: ListEntry['subject'];
  region: string;
  basis: BasisItem[];
  grounds: string;
  provenance: Provenance;
  startsOn: string;
  endsOn: string | null;
  importedOn: string;
  recognition: PartnerRecognition;
  /** The partner's version of the entry; null: sent without one. */
  sourceVersion: number | null;
}

/**
 * A partner region's entry was noticed and decided there: stored as it stands, with its
 * provenance, and in force here only when the agreement applies it (else `not-applied`). Sent
 * without an end, it lasts the agreement's maximum term (issue 20: never "forever" by omission).
 */
export function importFromPartner(entry: PartnerEntry): ListEntry {
  const maxTerm = entry.recognition.maxTermMonths;
  return {
    id: entry.id,
    listType: entry.listType,
    subject: entry.subject,
    region: entry.region,
    status: entry.recognition.outcome === 'applied' ? 'effective' : 'not-applied',
    origin: 'partner-import',
    ruleId: null,
    basis: entry.basis,
    grounds: entry.grounds,
    provenance: entry.provenance,
    proposedOn: entry.importedOn,
    noticeEndsOn: entry.importedOn,
    durationMonths: null,
    decision: {
      outcome: 'confirmed',
      decidedOn: entry.provenance.decidedOn,
      decidedBy: entry.provenance.partnerName,
      documentNumber: entry.provenance.documentNumber || entry.provenance.sourceReference,
      reason: 'decided by the partner region',
    },
    startsOn: entry.startsOn,
    endsOn: entry.endsOn ?? (maxTerm ? lastDayOf(entry.startsOn, maxTerm) : null),
    removal: null,
    recognition: entry.recognition,
    sourceVersion: entry.sourceVersion,
    partnerUpdates: [],
    version: 1,
  };
}

/**
 * What a partner's entry sent again under a reference already held does here (ADR 0087):
 * `unchanged` — the same or an older version (an older one never overwrites a newer; the same one
 * with other content is refused, LIST_ENTRY.REFERENCE_REUSED), or a newer one that changes nothing
 * held here (`entry` then carries only the newer source version); `updated` — a newer version with
 * another term, grounds or recognition (the agreement checked again: `sent` was built from it);
 * `restored` — a newer version of an entry the partner had withdrawn (`partner-withdrawn`): in force
 * again at the source, so again here. An entry removed here for our own reason (repair, expiry…)
 * is not restored by the partner's version: refused, LIST_ENTRY.REMOVED_HERE, for an admin to review.
 */
export type PartnerUpdate = { change: 'unchanged'; entry?: ListEntry } | { change: 'updated' | 'restored'; entry: ListEntry };

/** `sent`: the newer version as importFromPartner builds it (under the agreement as it now stands). */
export function updateFromPartner(held: ListEntry, sent: ListEntry, on: string): PartnerUpdate {
  assertSameEntry(held, sent);
  const heldVersion = held.sourceVersion ?? 0;
  const sentVersion = sent.sourceVersion ?? 0;
  if (sentVersion < heldVersion) return { change: 'unchanged' };
  if (sentVersion === heldVersion) {
    if (saysOtherwise(held, sent))
      throw new DomainError(
        ListEntryErrorCode.ReferenceReused,
        'conflict',
        `Version ${sentVersion || '(none)'} of reference ${held.provenance?.sourceReference} says otherwise than the entry held here (${held.id}); send the change with a higher version.`,
        [{ field: 'version', message: `must be higher than ${heldVersion} to change the entry` }],
      );
    return { change: 'unchanged' };
  }
  if (held.status === 'removed') return restoreFromPartner(held, sent, on);
  const changed = saysOtherwise(held, sent) || held.status !== sent.status;
  if (!changed) return { change: 'unchanged', entry: { ...held, sourceVersion: sent.sourceVersion } };
  const detail = `version ${sentVersion}: ${termOf(held)} → ${termOf(sent)}${held.status !== sent.status ? ` (${sent.recognition?.reason})` : ''}`;
  return { change: 'updated', entry: applySent(held, sent, { sourceVersion: sentVersion, appliedOn: on, change: 'term', detail }) };
}

/** Withdrawn by the partner and in force again at the source: back, as the newer version says. Removed for our own reason: refused. */
function restoreFromPartner(held: ListEntry, sent: ListEntry, on: string): PartnerUpdate {
  const removal = held.removal!;
  if (removal.reason !== 'partner-withdrawn')
    throw new DomainError(
      ListEntryErrorCode.RemovedHere,
      'conflict',
      `The entry held here (${held.id}) was removed on ${removal.removedOn} for ${removal.reason}, not by its sender: a newer version does not restore it (an admin reviews it).`,
    );
  const detail = `version ${sent.sourceVersion}: in force again at ${sent.provenance?.partnerName} after it was withdrawn on ${removal.removedOn} (${removal.detail}); ${termOf(sent)}`;
  return {
    change: 'restored',
    entry: { ...applySent(held, sent, { sourceVersion: sent.sourceVersion!, appliedOn: on, change: 'restored', detail }), removal: null },
  };
}

function applySent(held: ListEntry, sent: ListEntry, update: PartnerEntryUpdate): ListEntry {
  return {
    ...held,
    subject: { ...held.subject, name: sent.subject.name },
    status: sent.status,
    grounds: sent.grounds,
    provenance: sent.provenance,
    decision: sent.decision,
    startsOn: sent.startsOn,
    endsOn: sent.endsOn,
    recognition: sent.recognition,
    sourceVersion: sent.sourceVersion,
    partnerUpdates: [...held.partnerUpdates, update],
    version: held.version + 1,
  };
}

/** Another list, subject or region is another entry: never an update of this one. */
function assertSameEntry(held: ListEntry, sent: ListEntry): void {
  const field =
    held.listType !== sent.listType
      ? 'listType'
      : held.subject.kind !== sent.subject.kind || held.subject.id !== sent.subject.id
        ? 'subject.id'
        : held.region !== sent.region
          ? 'region'
          : null;
  if (field)
    throw new DomainError(
      ListEntryErrorCode.ReferenceReused,
      'conflict',
      `Reference ${held.provenance?.sourceReference} names entry ${held.id} with another ${field}: another entry needs another reference.`,
      [{ field, message: 'differs from the entry held under this reference' }],
    );
}

/** Whether the version sent says something else than the entry held: its term or grounds (what the sender decides). */
function saysOtherwise(held: ListEntry, sent: ListEntry): boolean {
  return held.startsOn !== sent.startsOn || held.endsOn !== sent.endsOn || held.grounds !== sent.grounds;
}

function termOf(entry: ListEntry): string {
  return `${entry.startsOn}–${entry.endsOn ?? '(open)'} ${entry.status}`;
}

/** The partner that sent an entry withdraws it; withdrawing it again changes nothing (`undefined`). */
export function withdrawPartnerEntry(entry: ListEntry, withdrawnOn: string, detail: string): ListEntry | undefined {
  if (entry.origin !== 'partner-import')
    throw new DomainError(ListEntryErrorCode.NotPartnerEntry, 'conflict', 'Only an entry a partner sent can be withdrawn by it.');
  if (entry.status === 'removed') return undefined;
  return remove(entry, 'partner-withdrawn', withdrawnOn, detail);
}

/** Ends an entry (repair, expiry, its basis revoked). A proposed entry whose basis fails is removed too. */
export function remove(entry: ListEntry, reason: RemovalReason, removedOn: string, detail: string): ListEntry {
  if (entry.status !== 'effective' && entry.status !== 'proposed' && entry.status !== 'not-applied') {
    throw new DomainError(ListEntryErrorCode.NotInForce, 'conflict', `The entry is ${entry.status}; there is nothing to remove.`);
  }
  return { ...entry, status: 'removed', removal: { reason, removedOn, detail }, version: entry.version + 1 };
}

/**
 * Undoes a removal for repair whose repair was revoked (the commitment was false; DOMAIN.md §5,
 * ADR 0076): the entry is back as it was before, with its original start and end, so it binds for
 * the rest of its period. Undefined when the entry was not removed by that repair (nothing to undo).
 */
export function restoreAfterRevokedRepair(entry: ListEntry, applicationId: string): ListEntry | undefined {
  if (entry.status !== 'removed' || entry.removal?.reason !== 'repair' || !entry.removal.detail.includes(applicationId)) return undefined;
  return { ...entry, status: entry.startsOn !== null ? 'effective' : 'proposed', removal: null, version: entry.version + 1 };
}

/**
 * A partner's entry whose repair the partner approved on an application forwarded from here (ADR
 * 0088) may already be withdrawn by the time the approval comes back: the partner removed its own
 * entry for that repair and its feed said so first. It is the same removal: it now names the
 * repair application (reason `repair`, the withdrawal's date kept), so that the repair's
 * revocation restores it as it restores any entry removed by repair. Undefined when there is
 * nothing to attribute (not a partner's entry, or not withdrawn by its sender).
 */
export function attributeWithdrawalToRepair(entry: ListEntry, detail: string): ListEntry | undefined {
  if (entry.origin !== 'partner-import' || entry.status !== 'removed' || entry.removal?.reason !== 'partner-withdrawn') return undefined;
  return { ...entry, removal: { reason: 'repair', removedOn: entry.removal.removedOn, detail }, version: entry.version + 1 };
}

/** Whether the entry binds on `date` (ISO): effective, started, not past its last day. */
export function isInForce(entry: ListEntry, date: string): boolean {
  return entry.status === 'effective' && entry.startsOn !== null && entry.startsOn <= date && (entry.endsOn === null || date <= entry.endsOn);
}

/** Whether an effective entry has passed its last day on `date`. */
export function hasExpired(entry: ListEntry, date: string): boolean {
  return entry.status === 'effective' && entry.endsOn !== null && entry.endsOn < date;
}

/** `months` from `start` is the first day no longer covered: 2 years from 2026-03-10 last until 2028-03-09. */
function lastDayOf(start: string, months: number | null): string | null {
  if (months === null) return null;
  const end = addMonths(start, months);
  const date = new Date(`${end}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
