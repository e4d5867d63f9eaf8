import type { CycleGrade } from '../../entry-rules/domain/grade-rule';

/** A partner province's grade as it was graded there (its provenance). */
export interface PartnerGradeSource {
  partnerRegion: string;
  partnerName: string;
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
}

/**
 * A partner's grade evaluation recognised on our ladder (`evaluation.partner-grades.recognised`,
 * ADR 0090): our scheme and grade it counts as, through the recognition table, and whose it is.
 * Never one of our grades: kept apart from `CycleGrade`.
 */
export interface RecognisedGrade {
  schemeId: string;
  grade: string;
  tableId: string;
  partner: PartnerGradeSource;
}

/** Where a grade a decision uses comes from when it is a partner's (absent: our own grade). */
export interface RecognisedFrom extends PartnerGradeSource {
  tableId: string;
  /** Says whose grade it is and what it counts as, for the people reading the decision. */
  explanation: string;
}

/** A grade a decision may cite: our own, or a partner's recognised one with its source. */
export interface GradeInEffect {
  schemeId: string;
  cycle: string;
  grade: string;
  recognisedFrom?: RecognisedFrom;
}

/** "河南省交通运输厅评定「…」绿码（2026-Q4），按互认表 … 对应为 yangtze-shipping-four-colour 的 green". */
export function recognitionExplanation(r: RecognisedGrade): string {
  const p = r.partner;
  return `${p.partnerName}评定「${p.schemeName}」${p.gradeLabel}（${p.cycle}），按互认表 ${r.tableId} 对应为本地方案 ${r.schemeId} 的 ${r.grade}，非本地评定`;
}

/** The newest partner evaluation first; partner and scheme order break ties, so the pick does not depend on read order. */
function newerFirst(a: RecognisedGrade, b: RecognisedGrade): number {
  const at = Date.parse(b.partner.evaluatedAt) - Date.parse(a.partner.evaluatedAt);
  if (at !== 0) return at;
  return `${a.partner.partnerRegion}\u0000${a.partner.schemeId}`.localeCompare(`${b.partner.partnerRegion}\u0000${b.partner.schemeId}`);
}

/**
 * The grades a decision uses, one per scheme (ADR 0090, seed 004 / DOMAIN.md §4 "Cross-region": a
 * recognised partner grade counts where our own grade under the equivalent scheme would). Our own
 * grade under a scheme always wins; a scheme we have not graded the subject under takes the
 * recognised partner grade, the newest partner evaluation when several partners' grades read onto it.
 */
export function gradesInEffect(own: readonly CycleGrade[], recognised: readonly RecognisedGrade[]): GradeInEffect[] {
  const result: GradeInEffect[] = own.map((g) => ({ schemeId: g.schemeId, cycle: g.cycle, grade: g.grade }));
  const graded = new Set(own.map((g) => g.schemeId));
  for (const r of [...recognised].sort(newerFirst)) {
    if (graded.has(r.schemeId)) continue;
    graded.add(r.schemeId);
    result.push({
      schemeId: r.schemeId,
      cycle: r.partner.cycle,
      grade: r.grade,
      recognisedFrom: { ...r.partner, tableId: r.tableId, explanation: recognitionExplanation(r) },
    });
  }
  return result;
}
