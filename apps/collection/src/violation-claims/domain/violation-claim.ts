import type { FieldViolation } from '@platform/errors';

/** The record type claims apply to (catalogue v1). */
export const MONITORING_VIOLATION = 'monitoring-violation';

export const CLAIM_STATES = ['unclaimed', 'claimed', 'disposed'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export function claimStateOf(claim: { claimedAt: Date | null; disposedAt: Date | null } | null): ClaimState {
  if (!claim?.claimedAt) return 'unclaimed';
  return claim.disposedAt ? 'disposed' : 'claimed';
}

const MAX_TEXT = 1000;

/** A required free-text field (claimant, disposal), trimmed and bounded. */
export function requiredText(field: string, raw: string, what: string): { value?: string; violations: FieldViolation[] } {
  const value = raw.trim();
  if (!value) return { violations: [{ field, message: `is required: ${what}`, code: 'REQUIRED' }] };
  if (value.length > MAX_TEXT) return { violations: [{ field, message: `at most ${MAX_TEXT} characters`, code: 'TOO_LONG' }] };
  return { value, violations: [] };
}

/** Share of `part` in `whole`, 1 when there is nothing to do (a unit with no violations has missed none). */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000;
}
