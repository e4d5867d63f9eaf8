/** A list entry as it stands after the change an event announces (joint measures, DOMAIN.md §4). */
export interface ListEntryV1 {
  entryId: string;
  /** red | key-watch | severe-dishonesty | bad-driver | interception-whitelist */
  listType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name: string };
  region: string;
  /** proposed | effective | dropped | removed */
  status: string;
  /** rule | manual | partner-import */
  origin: string;
  ruleId: string | null;
  grounds: string;
  basis: (
    | { kind: 'record'; recordId: string; recordType: string; decisionDate: string }
    | { kind: 'grade'; schemeId: string; cycle: string; grade: string; pointsDeducted?: number }
  )[];
  provenance: { partnerRegion: string; partnerName: string; sourceReference: string; decidedOn: string } | null;
  proposedOn: string;
  noticeEndsOn: string;
  startsOn: string | null;
  endsOn: string | null;
  decision: { outcome: 'confirmed' | 'dropped'; decidedOn: string; decidedBy: string; documentNumber: string; reason: string } | null;
  removal: {
    reason: 'repair' | 'expiry' | 'basis-revoked' | 'basis-expired' | 'screening-unmet' | 'partner-withdrawn';
    removedOn: string;
    detail: string;
  } | null;
  version: number;
}

/** `measures.list-entries.proposed` v1: the prior-notice period (事前告知) started. */
export type ListEntryProposedV1 = ListEntryV1;
/** `measures.list-entries.effective` v1: confirmed after notice (or recognised from a partner region). */
export type ListEntryEffectiveV1 = ListEntryV1;
/** `measures.list-entries.dropped` v1: the deciding unit did not confirm a proposal. */
export type ListEntryDroppedV1 = ListEntryV1;
/** `measures.list-entries.removed` v1: repair, expiry, or its basis revoked or expired. */
export type ListEntryRemovedV1 = ListEntryV1;

/** `measures.decisions.made` v1: a decision the decision API answered, with its measures and reasons. */
export interface MeasuresDecisionMadeV1 {
  decisionId: string;
  subjectId: string;
  scene: string;
  region: string;
  sector: string | null;
  /** allow | deny | conditional */
  outcome: string;
  measures: { code: string; name: string; effect: string; legalBasis: string; mappingId: string; source: string; value?: { amount: number; unit: string } }[];
  reasons: (
    | { kind: 'list-entry'; mappingId: string; entryId: string; listType: string; startsOn: string; endsOn: string | null }
    | {
        kind: 'grade';
        mappingId: string;
        schemeId: string;
        cycle: string;
        grade: string;
        /**
         * Present when the grade is a partner province's, recognised on our scheme's ladder (ADR 0090;
         * added compatibly): whose grade it was, as graded there, the recognition table and an explanation.
         */
        recognisedFrom?: {
          partnerRegion: string;
          partnerName: string;
          schemeId: string;
          schemeName: string;
          grade: string;
          gradeLabel: string;
          cycle: string;
          evaluatedAt: string;
          tableId: string;
          explanation: string;
        };
      }
    | { kind: 'records'; mappingId: string; recordType: string; recordIds: string[]; count: number }
  )[];
  askedBy: string;
  decidedAt: string;
}
