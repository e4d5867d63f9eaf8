import { z } from 'zod';

export const RECORD_IN_FORCE = 'record.in-force';
export const RECORD_WITHDRAWN = 'record.withdrawn';

/** A credit record as a partner's feed carries it (docs/exchange.md "Change feed"): its public facts and summary. */
export interface PartnerFeedRecord {
  /** The partner's record id: the reference it is held under here. */
  id: string;
  recordType: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  summary: string;
  /** The source's publication version of this state. */
  version: number;
}

/** What the puller does with a record change of a partner's page (ADR 0086). */
export type RecordFeedAction =
  { kind: 'hold'; record: PartnerFeedRecord } | { kind: 'withdraw'; reference: string; version: number; reason: string } | { kind: 'invalid'; reason: string };

const isoDate = /^\d{4}-\d{2}-\d{2}/;
const reference = z.string().min(1).max(200);
const version = z.number().int().positive().max(2_147_483_647);

const inForceSchema = z.object({
  id: reference,
  recordType: z.string().min(1),
  subject: z.object({ kind: z.string().min(1), id: z.string().min(1), name: z.string().min(1) }),
  region: z.string().regex(/^\d{6}$/, 'must be a GB/T 2260 code'),
  severity: z.string().min(1),
  decisionDate: z.string().regex(isoDate, 'must be a date'),
  documentNumber: z.string().min(1),
  summary: z.string().optional(),
  version,
});

const withdrawnSchema = z.object({ id: reference, version, removal: z.object({ reason: z.string() }).passthrough().optional() });

export function isRecordChange(change: { type: string }): boolean {
  return change.type === RECORD_IN_FORCE || change.type === RECORD_WITHDRAWN;
}

/**
 * The action a record change asks for: hold the record (in force: published, corrected, or
 * published again at the source) or withdraw the one held under its id (revoked, repaired, its
 * publicity over; the source's reason kept). A change lacking what applying it needs is invalid
 * (dead-lettered with the fields).
 */
export function recordActionOf(change: { type: string; record?: unknown }): RecordFeedAction {
  if (change.type === RECORD_WITHDRAWN) {
    const parsed = withdrawnSchema.safeParse(change.record);
    if (!parsed.success) return invalid(parsed.error);
    return { kind: 'withdraw', reference: parsed.data.id, version: parsed.data.version, reason: parsed.data.removal?.reason ?? '' };
  }
  const parsed = inForceSchema.safeParse(change.record);
  if (!parsed.success) return invalid(parsed.error);
  const r = parsed.data;
  return { kind: 'hold', record: { ...r, decisionDate: r.decisionDate.slice(0, 10), summary: r.summary ?? '' } };
}

function invalid(error: z.ZodError): RecordFeedAction {
  return { kind: 'invalid', reason: error.issues.map((i) => `record.${i.path.join('.')}: ${i.message}`).join('; ') };
}
