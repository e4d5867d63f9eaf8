import { evaluationV1 } from '@contracts';

/** One partner province's grade of a subject as an integrator reads it (ADR 0085): the partner's, never ours. */
export interface PartnerGradeBody {
  partner: { region: string; name: string };
  /** The partner's scheme, as its feed names it. */
  scheme: { id: string; name: string };
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  /** The partner's version of this grade (raised by each change it published). */
  version: number;
  /** `applied` (recognised under the agreement), `not-applied` (held for information, outside the agreement), `withdrawn` (by the partner). */
  status: string;
  recognition: { outcome: string; agreement: string | null; reason: string; recognitionTableId: string | null };
  /** What it counts as on our ladder by the recognition table in force; null without a table, or a grade the table does not map. */
  equivalent: { tableId: string; schemeId: string; grade: string; basis: string[] } | null;
  /** The partner feed's change this state came from. */
  changeId: string;
  receivedAt: string;
  updatedAt: string;
  withdrawal: { at: string; reason: string } | null;
}

export interface PartnerGradesBody {
  subjectId: string;
  grades: PartnerGradeBody[];
}

export function toPartnerGradesBody(subjectId: string, { grades }: evaluationV1.ListPartnerGradesResponse): PartnerGradesBody {
  return { subjectId, grades: grades.map(toPartnerGradeBody) };
}

function toPartnerGradeBody(g: evaluationV1.PartnerGrade): PartnerGradeBody {
  const p = g.provenance;
  const r = g.recognition;
  const e = g.equivalent;
  return {
    partner: { region: p?.partnerRegion ?? '', name: p?.partnerName ?? '' },
    scheme: { id: p?.schemeId ?? '', name: p?.schemeName ?? '' },
    grade: g.grade,
    gradeLabel: g.gradeLabel,
    cycle: g.cycle,
    evaluatedAt: g.evaluatedAt,
    version: g.version,
    status: g.status,
    recognition: { outcome: r?.outcome ?? '', agreement: r?.agreement || null, reason: r?.reason ?? '', recognitionTableId: r?.recognitionTableId || null },
    equivalent: e ? { tableId: e.tableId, schemeId: e.ourSchemeId, grade: e.ourGrade, basis: e.basis } : null,
    changeId: p?.changeId ?? '',
    receivedAt: g.receivedAt,
    updatedAt: g.updatedAt,
    withdrawal: g.withdrawnAt ? { at: g.withdrawnAt, reason: g.withdrawalReason } : null,
  };
}
