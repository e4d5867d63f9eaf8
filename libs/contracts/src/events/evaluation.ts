/**
 * Payload of `evaluation.grade.changed` v1: a subject's standing under one scheme changed — its
 * grade, its score, its cycle or the scheme version (a record arrived, was revoked or changed, or
 * a new scheme version was published). A score-only change is announced too (issue 16):
 * disclosure shows the score, so `previousGrade` may equal `grade`. Joint measures act on `grade`
 * and on `triggers` (e.g. `bad-driver-list`).
 */
export interface EvaluationGradeChangedV1 {
  schemeId: string;
  schemeVersion: number;
  /**
   * The scheme's name as its document gives it (added compatibly: absent on events published
   * before it). Disclosure shows it next to the grade.
   */
  schemeName?: { zh: string; en: string };
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  /** The region of the subject's latest record the scheme applies to (GB/T 2260). */
  region: string;
  cycle: { label: string; start: string; end: string };
  /** null the first time the subject is graded under this scheme. */
  previousGrade: string | null;
  grade: string;
  /**
   * The grade's tier when the scheme's ladder groups its grades into tiers (ADR 0050; e.g. Beijing
   * 四等九级: 良 for A); absent otherwise (added compatibly). Disclosure shows it with the grade.
   */
  tier?: string;
  score: number;
  /** Ids of the scheme's triggers that hold now. */
  triggers: string[];
  evaluatedAt: string;
  /** The event that caused the change (record event id), for tracing a grade to its record. */
  causeEventId: string;
}

/**
 * Payload of `evaluation.cycle-grades.recorded` v1: a subject's final result for a closed cycle
 * (`POST /api/v1/evaluation-cycles`), one event per subject graded. Unlike `grade.changed` it is
 * published whether or not the grade moved, so consumers can reason about consecutive cycles
 * (joint measures' bad-driver rule: two consecutive B cycles, or 20 points deducted in one cycle).
 */
export interface EvaluationCycleGradeRecordedV1 {
  cycleId: string;
  schemeId: string;
  schemeVersion: number;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name?: string };
  /** GB/T 2260 region of the subject's latest record the scheme applies to. */
  region: string;
  cycle: { label: string; start: string; end: string };
  grade: string;
  score: number;
  /** Points deducted within the cycle (0 for schemes without deductions). */
  pointsDeducted: number;
  recordedAt: string;
}

/**
 * Payload of `evaluation.schemes.published` v1: a scheme version came into force (a shipped
 * scheme stored at start counts as published). Carries what other services check their own
 * configuration against: the scheme's id, its ladder's grades (best first), and where it applies.
 * Joint measures keeps the catalogue of known schemes from these events; a measure mapping or draw
 * plan naming a scheme not (yet) published is pending, never silently dead.
 */
export interface EvaluationSchemePublishedV1 {
  schemeId: string;
  version: number;
  name: { zh: string; en: string };
  /**
   * The scheme's ladder: a shared one (@domain/credit GRADE_LADDERS) or its own (ADR 0050), with its
   * tiers when it declares them (e.g. Beijing's 4 tiers of 9 levels); consumers check grades against `grades`.
   */
  ladder: { id: string; grades: string[]; tiers?: { name: string; grades: string[] }[] };
  /** GB/T 2260 codes the scheme applies to. */
  regions: string[];
  /** Sector codes (@domain/credit SECTORS) the scheme applies to; empty = every sector. */
  sectors: string[];
  subjectKinds: ('org' | 'person' | 'vehicle' | 'vessel')[];
  publishedAt: string;
}

/**
 * Payload of `evaluation.grade.withdrawn` v1: the scheme no longer grades the subject at all, so
 * its standing under the scheme was removed (ADR 0046) — the registry moved the subject out of
 * the scheme's sectors (or no longer knows it), or its records no longer place it in the scheme's
 * regions (or kinds). Unlike `grade.changed` there is no new grade: consumers stop showing and
 * using the subject's grade under this scheme (disclosure's public grade, joint measures' grade
 * facts). A later `grade.changed` with `evaluatedAt` after `withdrawnAt` grades it again.
 */
export interface EvaluationGradeWithdrawnV1 {
  schemeId: string;
  /** The scheme version in force when the standing was withdrawn. */
  schemeVersion: number;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  /** The region the withdrawn standing was graded under (GB/T 2260). */
  region: string;
  /** The standing withdrawn, as it was last announced. */
  previous: { grade: string; score: number; cycleLabel: string; schemeVersion: number };
  reason: EvaluationGradeWithdrawalReason;
  withdrawnAt: string;
  /** The event that caused the withdrawal (a registry change, a record event, a scheme refresh id). */
  causeEventId: string;
}

/**
 * Why a scheme stopped grading a subject: the registry lists it in none of the scheme's sectors,
 * or does not know it (a sector-bound scheme never guesses a sector, ADR 0044); or none of its
 * records lies in the scheme's regions; or the scheme no longer grades its kind.
 */
export type EvaluationGradeWithdrawalReason = 'SECTOR_OUTSIDE' | 'SECTOR_UNKNOWN' | 'REGION_OUTSIDE' | 'KIND_OUTSIDE';

/** The appeal as both appeal events carry it (ADR 0054). */
export interface EvaluationGradeAppealV1 {
  appealId: string;
  schemeId: string;
  schemeVersion: number;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  /** The region of the contested standing (GB/T 2260). */
  region: string;
  cycleLabel: string;
  /** The contested result. */
  grade: string;
  score: number;
}

/**
 * Payload of `evaluation.grade.appealed` v1: a subject contests its grade under a scheme (信用评价申诉,
 * seed 004 苏州). The grade stands while the appeal is open; readers mark it as under appeal.
 */
export interface EvaluationGradeAppealedV1 extends EvaluationGradeAppealV1 {
  reason: string;
  evidence: string[];
  openedBy: string;
  openedAt: string;
  /** When the owner's decision is due (placeholder period, ADR 0054). */
  decisionDueBy: string;
}

/**
 * Payload of `evaluation.grade.appeal-decided` v1: the scheme's owner decided. Upheld: the records
 * named are disregarded under the scheme and the subject was re-graded in the same transaction
 * (its `evaluation.grade.changed`, when the result moved, follows with `causeEventId` = this
 * event's id); rejected: the grade stands.
 */
export interface EvaluationGradeAppealDecidedV1 extends EvaluationGradeAppealV1 {
  outcome: 'upheld' | 'rejected';
  reason: string;
  disregardedRecordIds: string[];
  /** The result after the decision (the contested one when rejected). */
  regraded: { grade: string; score: number };
  decidedBy: string;
  decidedAt: string;
}

/** Where a recognised partner grade comes from (issue 20, ADR 0085): the partner's own grade, as its feed carried it. */
export interface PartnerGradeProvenanceV1 {
  /** The partner province's region (GB/T 2260) and name, e.g. 410000 河南省交通运输厅. */
  partnerRegion: string;
  partnerName: string;
  /** The partner's scheme and grade (never ours). */
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  /** The partner feed's version of this grade: a consumer applies a change only over an older version. */
  version: number;
  /** The partner feed's change id, e.g. `grade:<uscc>:<schemeId>:v2`. */
  changeId: string;
  /** The recognition agreement that applied it. */
  agreement: string;
}

/**
 * Payload of `evaluation.partner-grades.recognised` v1 (ADR 0090): a partner province's grade the
 * recognition agreement applies (`effect: apply`) and a recognition table reads on one of our
 * schemes' ladders was stored or replaced. It is the partner's grade, never one of our standings:
 * consumers keep it apart from our grades and say whose it is. Keyed by subject, partner region
 * and partner scheme; apply only over an older `provenance.version`.
 */
export interface EvaluationPartnerGradeRecognisedV1 {
  subject: { kind: 'org'; id: string; name: string };
  /** Our scheme and grade the partner's grade counts as, through the recognition table. */
  equivalent: { tableId: string; schemeId: string; grade: string };
  provenance: PartnerGradeProvenanceV1;
  recognisedAt: string;
}

/**
 * Payload of `evaluation.partner-grades.unrecognised` v1 (ADR 0090): a partner grade announced as
 * recognised no longer is — the partner withdrew it, or a newer version of it is not applied
 * (`inform`, outside the agreement) or has no equivalent on our ladder. Consumers stop using it.
 */
export interface EvaluationPartnerGradeUnrecognisedV1 {
  subject: { kind: 'org'; id: string };
  provenance: { partnerRegion: string; schemeId: string; version: number; changeId: string };
  /** `withdrawn` (by the partner) | `not-applied` | `no-equivalent`. */
  reason: 'withdrawn' | 'not-applied' | 'no-equivalent';
  unrecognisedAt: string;
}
