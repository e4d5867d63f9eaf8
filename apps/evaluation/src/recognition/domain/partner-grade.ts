import { parseUscc } from '@domain/identifiers';
import type { FieldViolation } from '@platform/errors';
import { recognise, type Recognition, type RecognitionTable } from '../../engine/domain/recognition';

/** A partner's grade as the gateway hands it over from the partner's feed (ADR 0085). */
export interface PartnerGradeChange {
  state: string;
  subjectId: string;
  subjectName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  version: number;
  reason: string;
  provenance?: { partnerRegion: string; partnerName: string; schemeId: string; schemeName: string; changeId: string };
  recognition?: { outcome: string; agreement: string; reason: string; recognitionTableId: string };
}

/** What a change must carry to be stored: each gap named with its field. */
export function partnerGradeViolations(change: PartnerGradeChange): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const p = change.provenance;
  const r = change.recognition;
  if (change.state !== 'in-force' && change.state !== 'withdrawn') violations.push({ field: 'state', message: 'must be in-force or withdrawn' });
  // Grades are enterprises' (DOMAIN.md §6): the subject is a USCC.
  if (!parseUscc(change.subjectId).ok) violations.push({ field: 'subjectId', message: 'must be a USCC' });
  if (!change.grade) violations.push({ field: 'grade', message: 'is required' });
  if (!Number.isFinite(Date.parse(change.evaluatedAt))) violations.push({ field: 'evaluatedAt', message: 'must be an instant (RFC 3339)' });
  if (!Number.isInteger(change.version) || change.version < 1) violations.push({ field: 'version', message: 'must be a positive integer' });
  if (!p || !p.partnerRegion || !p.partnerName || !p.schemeId || !p.changeId)
    violations.push({ field: 'provenance', message: 'partnerRegion, partnerName, schemeId and changeId are required' });
  if (!r || (r.outcome !== 'applied' && r.outcome !== 'not-applied') || !r.reason)
    violations.push({ field: 'recognition', message: 'outcome (applied or not-applied) and reason are required' });
  return violations;
}

/**
 * Whether a recognition table can read this partner's grades: it is a table with that partner
 * (its region, or a region within it — a province's agreement may use its cities' tables) and the
 * grade is on its partner ladder. Answers the problem, or null.
 */
export function tableProblem(table: RecognitionTable, partnerRegion: string, grade: string): string | null {
  const prefix = partnerRegion.replace(/(00)+$/, '');
  if (!table.partner.region.startsWith(prefix)) return `table ${table.id} reads the grades of ${table.partner.region}, not of ${partnerRegion}`;
  if (!recognise(table, grade)) return `"${grade}" is not a grade of table ${table.id}'s partner ladder ${table.partner.ladder}`;
  return null;
}

/** Our scheme's grade the partner's grade counts as, by the table (undefined without one). */
export function equivalentOf(table: RecognitionTable | undefined, grade: string): Recognition | undefined {
  return table ? recognise(table, grade) : undefined;
}
