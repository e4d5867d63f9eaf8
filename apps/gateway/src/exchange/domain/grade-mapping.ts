import type { RecognitionAgreement } from './recognition-agreement';

/** A recognition table as evaluation publishes it (apps/evaluation/src/engine/domain/recognition.ts). */
export interface RecognitionTableView {
  id: string;
  sources: string[];
  partner: { region: string; ladder: string; scheme: string };
  ours: { schemeId: string; ladder: string };
  mappings: { partnerGrade: string; ourGrade: string }[];
}

/** One of our published grades (disclosure's public profile). */
export interface PublishedGradeView {
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
}

/** Our grade and what it reads as on the partner's ladder (issue 20 item 4). */
export interface MappedGrade extends PublishedGradeView {
  /** null: no recognition table maps this scheme to the partner's ladder. */
  partnerLadder: { tableId: string; ladder: string; scheme: string; grades: string[]; basis: string[] } | null;
}

/**
 * Mutual recognition read from our side: a table says which partner grade counts as which of
 * ours; our grade therefore corresponds to every partner grade mapped onto it (none when the
 * table maps nothing there). Only tables with this partner (its region, or a region within it —
 * a province partner also sees its cities' tables) are used.
 */
export function mapToPartnerLadder(partnerRegion: string, grades: readonly PublishedGradeView[], tables: readonly RecognitionTableView[]): MappedGrade[] {
  const prefix = partnerRegion.replace(/(00)+$/, '');
  const withPartner = tables.filter((t) => t.partner.region.startsWith(prefix));
  return grades.map((grade) => {
    const table = withPartner.find((t) => t.ours.schemeId === grade.schemeId);
    if (!table) return { ...grade, partnerLadder: null };
    return {
      ...grade,
      partnerLadder: {
        tableId: table.id,
        ladder: table.partner.ladder,
        scheme: table.partner.scheme,
        grades: table.mappings.filter((m) => m.ourGrade === grade.grade).map((m) => m.partnerGrade),
        basis: table.sources,
      },
    };
  });
}

/**
 * The agreements' `grades` terms checked against our recognition tables (ADR 0085): each table a
 * term names exists and reads this partner (its region or one within it). Tables are evaluation's
 * data, so this runs when the gateway starts and evaluation answers; each problem names its path.
 */
export function gradeTableProblems(agreements: readonly RecognitionAgreement[], tables: readonly RecognitionTableView[]): string[] {
  return agreements.flatMap((a, i) =>
    (a.grades?.schemes ?? []).flatMap((term, j) => {
      if (!term.recognitionTable) return [];
      const path = `${i}.grades.schemes.${j}.recognitionTable`;
      const table = tables.find((t) => t.id === term.recognitionTable);
      if (!table) return [`${path}: no recognition table ${term.recognitionTable}`];
      const prefix = a.partner.region.replace(/(00)+$/, '');
      return table.partner.region.startsWith(prefix)
        ? []
        : [`${path}: table ${table.id} reads the grades of ${table.partner.region}, not of ${a.partner.region}`];
    }),
  );
}
