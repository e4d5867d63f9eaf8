import { z } from 'zod';

/** What the puller does with one change of a partner's page (ADR 0080). */
export type FeedAction =
  | { kind: 'hold'; changeId: string; entry: PartnerFeedEntry }
  | { kind: 'withdraw'; changeId: string; entry: PartnerFeedEntry }
  | { kind: 'skip'; changeId: string; type: string }
  | { kind: 'invalid'; changeId: string; type: string; reason: string };

/** A list entry as a partner's feed carries it (docs/exchange.md "Change feed"). */
export interface PartnerFeedEntry {
  id: string;
  listType: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  startsOn: string;
  endsOn: string;
  grounds: string;
  decidedOn: string;
  /** The partner's decision document number (决定文号); empty when the feed sent none. */
  documentNumber: string;
  /** Why the partner withdrew it (repair, expiry, basis-revoked…); empty while in force. */
  removalReason: string;
  /** The entry's version at the source (raised by each change there); 0 when the feed sent none. */
  version: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}/;

const entrySchema = z.object({
  id: z.string().min(1).max(100),
  listType: z.string().min(1),
  subject: z.object({ kind: z.string().min(1), id: z.string().min(1), name: z.string().min(1) }),
  region: z.string().regex(/^\d{6}$/, 'must be a GB/T 2260 code'),
  startsOn: z.string().regex(isoDate, 'must be a date'),
  endsOn: z.string().optional(),
  grounds: z.string().optional(),
  decision: z.object({ decidedOn: z.string().regex(isoDate, 'must be a date'), documentNumber: z.string().max(200).optional() }).passthrough(),
  removal: z.object({ reason: z.string() }).passthrough().optional(),
  version: z.number().int().positive().max(2147483647).optional(),
});

export const LIST_ENTRY_IN_FORCE = 'list-entry.in-force';
export const LIST_ENTRY_WITHDRAWN = 'list-entry.withdrawn';

/**
 * The action a change asks for. A type this deployment does not know (a partner's newer feed) is
 * skipped and counted, never an error: the feed grows by adding types. A known type whose entry
 * lacks what applying it needs is invalid (dead-lettered with the reason).
 */
export function actionOf(change: { id: string; type: string; entry?: unknown }): FeedAction {
  if (change.type !== LIST_ENTRY_IN_FORCE && change.type !== LIST_ENTRY_WITHDRAWN) return { kind: 'skip', changeId: change.id, type: change.type };
  const parsed = entrySchema.safeParse(change.entry);
  if (!parsed.success)
    return {
      kind: 'invalid',
      changeId: change.id,
      type: change.type,
      reason: parsed.error.issues.map((i) => `entry.${i.path.join('.')}: ${i.message}`).join('; '),
    };
  const e = parsed.data;
  const entry: PartnerFeedEntry = {
    id: e.id,
    listType: e.listType,
    subject: e.subject,
    region: e.region,
    startsOn: e.startsOn.slice(0, 10),
    endsOn: (e.endsOn ?? '').slice(0, 10),
    grounds: e.grounds ?? '',
    decidedOn: e.decision.decidedOn.slice(0, 10),
    documentNumber: e.decision.documentNumber ?? '',
    removalReason: e.removal?.reason ?? '',
    version: e.version ?? 0,
  };
  return { kind: change.type === LIST_ENTRY_IN_FORCE ? 'hold' : 'withdraw', changeId: change.id, entry };
}
