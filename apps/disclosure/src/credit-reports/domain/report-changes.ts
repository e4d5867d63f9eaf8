import type { SubjectProfile } from '../../profiles/application/get-subject-profile.query';

/** A published fact the report showed that changed after it was issued (from the publication log). */
export interface ReportChange {
  logSeq: string;
  /** corrected | withdrawn | expired | delisted | published (shown again after a revoked repair). */
  event: string;
  publicationId: string;
  /** The record's decision document number, or a list entry's list type. */
  item: string;
  reason: string;
  effectiveAt: string;
}

/** A publication-log entry about one of the report's facts, logged after the report. */
export interface LaterLogEntry {
  seq: string;
  content: { event: string; publicationId: string; documentNumber?: string; listType?: string; reason?: string; effectiveAt: string };
}

/** What the log records of an item that changes what a reader of the report may rely on. */
const CHANGES = new Set(['corrected', 'withdrawn', 'expired', 'delisted', 'published']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public ids of every published fact a report showed: records of each kind and list entries. */
export function reportedPublicationIds(profile: SubjectProfile): string[] {
  const items = [...(profile.penalties ?? []), ...(profile.licences ?? []), ...(profile.commitments ?? []), ...(profile.lists ?? [])];
  return [...new Set(items.map((i) => i.publicationId).filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
}

/**
 * A report is current while nothing it showed has changed: every later log entry about one of its
 * facts that corrects, withdraws (repair, revocation), expires or delists it says what no longer
 * stands, oldest first (issue 21: "a report that belongs to a withdrawn report").
 */
export function reportChanges(later: readonly LaterLogEntry[]): ReportChange[] {
  return later
    .filter((e) => CHANGES.has(e.content.event))
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((e) => ({
      logSeq: String(e.seq),
      event: e.content.event,
      publicationId: e.content.publicationId,
      item: e.content.documentNumber ?? e.content.listType ?? '',
      reason: e.content.reason ?? '',
      effectiveAt: e.content.effectiveAt,
    }));
}
