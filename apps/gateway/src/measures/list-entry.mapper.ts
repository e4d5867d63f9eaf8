import { measuresV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** A list entry on REST: empty strings and absent messages of the wire format become null. */
export interface ListEntryBody extends Omit<
  measuresV1.ListEntry,
  'ruleId' | 'startsOn' | 'endsOn' | 'provenance' | 'decision' | 'removal' | 'basis' | 'recognition' | 'sourceVersion'
> {
  ruleId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  provenance: measuresV1.Provenance | null;
  decision: measuresV1.EntryDecision | null;
  removal: measuresV1.EntryRemoval | null;
  basis: ListEntryBasisBody[];
  /** A partner's entry: applied here or not, under which agreement, why (ADR 0067); null for our own. */
  recognition: { outcome: string; agreement: string | null; reason: string; maxTermMonths: number | null } | null;
  /** A partner's entry: the partner's version of it held here (ADR 0087); null when sent without one, or our own. */
  sourceVersion: number | null;
}

/** What an entry rests on: records, or a grade, each with only the fields of its kind. */
export type ListEntryBasisBody =
  | { kind: string; recordId: string; recordType: string; decisionDate: string }
  | { kind: string; schemeId: string; cycle: string; grade: string; pointsDeducted: number };

/** GET /api/v1/subjects/{subjectId}/list-entries. */
export interface SubjectListEntriesBody {
  entries: ListEntryBody[];
}

/** PUT /api/v1/subjects/{subjectId}/fleet: the size as stored, and the entries it proposed at once. */
export interface FleetSizeBody extends Omit<measuresV1.ReportFleetSizeResponse, 'proposed'> {
  proposed: ListEntryBody[];
}

/** POST /api/v1/entry-rules/{ruleId}/screenings: who was listed, kept, ended or not listed, and why. */
export interface ScreeningBody extends Omit<measuresV1.ScreenSubjectsResponse, 'subjects'> {
  subjects: (Omit<measuresV1.ScreenedSubject, 'entryId'> & { entryId: string | null })[];
}

export function toScreeningBody(result: measuresV1.ScreenSubjectsResponse): ScreeningBody {
  return { ...result, subjects: result.subjects.map((s) => ({ ...s, entryId: s.entryId || null })) };
}

/** GET /api/v1/entry-rules. */
export interface EntryRulesBody {
  version: number;
  rules: JsonValue;
}

/** The REST shape of a list entry: empty strings of the wire format become null or absent. */
export function toListEntryBody(entry: measuresV1.ListEntry | undefined): ListEntryBody {
  if (!entry) throw new Error('joint-measures answered without an entry');
  return {
    ...entry,
    ruleId: entry.ruleId || null,
    startsOn: entry.startsOn || null,
    endsOn: entry.endsOn || null,
    provenance: entry.provenance ?? null,
    decision: entry.decision ?? null,
    removal: entry.removal ?? null,
    recognition: entry.recognition
      ? {
          outcome: entry.recognition.outcome,
          agreement: entry.recognition.agreement || null,
          reason: entry.recognition.reason,
          maxTermMonths: entry.recognition.maxTermMonths || null,
        }
      : null,
    sourceVersion: entry.sourceVersion || null,
    basis: entry.basis.map((b): ListEntryBasisBody =>
      b.kind === 'record'
        ? { kind: b.kind, recordId: b.recordId, recordType: b.recordType, decisionDate: b.decisionDate }
        : { kind: b.kind, schemeId: b.schemeId, cycle: b.cycle, grade: b.grade, pointsDeducted: b.pointsDeducted },
    ),
  };
}

export function toSubjectListEntriesBody(result: measuresV1.ListSubjectEntriesResponse): SubjectListEntriesBody {
  return { entries: result.entries.map(toListEntryBody) };
}

export function toFleetSizeBody(result: measuresV1.ReportFleetSizeResponse): FleetSizeBody {
  return { ...result, proposed: result.proposed.map(toListEntryBody) };
}

export function toEntryRulesBody(result: measuresV1.GetEntryRulesResponse): EntryRulesBody {
  return { version: result.version, rules: parseJson(result.rulesJson) };
}
