import type { CreditRecord, RecordStatus } from './credit-record';

/**
 * What a partner's change feed says about one of its records, applied to the record held here
 * under its reference (ADR 0086). Every change carries the source's publication version: one not
 * newer than the version last applied changes nothing (a replay, or an older state after a newer).
 */
export type HeldPartnerRecord = Pick<CreditRecord, 'status' | 'severity' | 'decisionDate' | 'documentNumber' | 'subjectName' | 'partnerVersion'>;

/** The public facts a `record.in-force` change carries. */
export type PartnerRecordFacts = Pick<CreditRecord, 'severity' | 'decisionDate' | 'documentNumber' | 'subjectName'>;

/** The facts corrected at the source: each field's value here and there. */
export type FactChanges = Record<string, { from: unknown; to: unknown }>;

/** Statuses in which a record is in force (counts, is published). */
const IN_FORCE: readonly RecordStatus[] = ['active', 'corrected', 'under-objection'];

export type InForcePlan =
  | { kind: 'unchanged' }
  /** Withdrawn here for good (revoked, expired): in force again at the source is for an admin to review. */
  | { kind: 'not-restored'; detail: string }
  /** `restore`: repaired here, in force again at the source (its repair revoked); `changes`: corrected there. */
  | { kind: 'apply'; restore: boolean; changes: FactChanges };

export type WithdrawalPlan = { kind: 'unchanged' } | { kind: 'withdraw'; status: 'repaired' | 'revoked'; reason: string };

/** The reason the source gives for a record repaired there (docs/exchange.md "Change feed"). */
const SOURCE_REPAIR = 'repair';

export function inForcePlan(held: HeldPartnerRecord, facts: PartnerRecordFacts, sourceVersion: number): InForcePlan {
  if (!isNewer(held, sourceVersion)) return { kind: 'unchanged' };
  if (held.status === 'revoked' || held.status === 'expired') {
    return { kind: 'not-restored', detail: `in force again at the source (version ${sourceVersion}), but the record held here is ${held.status}: review` };
  }
  return { kind: 'apply', restore: held.status === 'repaired', changes: factChanges(held, facts) };
}

/**
 * A record withdrawn at the source is withdrawn here the way our own would be: repaired there →
 * `repaired` here (so a repair revoked there can put it back), anything else (revoked, the end of
 * its maximum publicity period, a reason we do not know) → `revoked`, the source's reason kept.
 * One no longer in force here stays as it is.
 */
export function withdrawalPlan(held: HeldPartnerRecord, sourceReason: string, sourceVersion: number): WithdrawalPlan {
  if (!isNewer(held, sourceVersion) || !IN_FORCE.includes(held.status)) return { kind: 'unchanged' };
  const reason = `withdrawn at the source: ${sourceReason.trim() || 'no reason given'}`.slice(0, 500);
  return { kind: 'withdraw', status: sourceReason.trim() === SOURCE_REPAIR ? 'repaired' : 'revoked', reason };
}

function isNewer(held: HeldPartnerRecord, sourceVersion: number): boolean {
  return held.partnerVersion === null || held.partnerVersion === undefined || sourceVersion > held.partnerVersion;
}

function factChanges(held: PartnerRecordFacts, facts: PartnerRecordFacts): FactChanges {
  const changes: FactChanges = {};
  for (const field of ['severity', 'decisionDate', 'documentNumber', 'subjectName'] as const) {
    if (held[field] !== facts[field]) changes[field] = { from: held[field], to: facts[field] };
  }
  return changes;
}
