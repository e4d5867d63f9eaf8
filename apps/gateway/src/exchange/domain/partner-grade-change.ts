import { z } from 'zod';

export const GRADE_IN_FORCE = 'grade.in-force';
export const GRADE_WITHDRAWN = 'grade.withdrawn';

/** Whether a change is one of a partner's grades (ADR 0085): the puller hands these to PartnerGradeChanges. */
export function isGradeChange(change: { type: string }): boolean {
  return change.type === GRADE_IN_FORCE || change.type === GRADE_WITHDRAWN;
}

/** A grade as a partner's feed carries it (docs/exchange.md "Grades"). */
export interface PartnerFeedGrade {
  subject: { kind: 'org'; id: string; name: string };
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  version: number;
  /** Why the partner withdrew it; empty while in force. */
  removalReason: string;
}

const gradeSchema = z.object({
  subject: z.object({ kind: z.literal('org'), id: z.string().min(1).max(40), name: z.string().max(200).optional() }),
  schemeId: z.string().min(1).max(100),
  schemeName: z.string().max(200).optional(),
  grade: z.string().min(1).max(40),
  gradeLabel: z.string().max(40).optional(),
  cycle: z.string().min(1).max(40),
  evaluatedAt: z.string().refine((v) => Number.isFinite(Date.parse(v)), 'must be an instant (RFC 3339)'),
  version: z.number().int().min(1),
  removal: z.object({ reason: z.string() }).passthrough().optional(),
});

/** What a grade change asks for: hold the grade, withdraw it, or nothing (it lacks what applying needs: dead-lettered with the reason). */
export type GradeAction =
  { kind: 'hold' | 'withdraw'; changeId: string; grade: PartnerFeedGrade } | { kind: 'invalid'; changeId: string; type: string; reason: string };

export function gradeActionOf(change: { id: string; type: string; grade?: unknown }): GradeAction {
  const parsed = gradeSchema.safeParse(change.grade);
  if (!parsed.success)
    return {
      kind: 'invalid',
      changeId: change.id,
      type: change.type,
      reason: parsed.error.issues.map((i) => `grade.${i.path.join('.')}: ${i.message}`).join('; '),
    };
  const g = parsed.data;
  const grade: PartnerFeedGrade = {
    subject: { kind: 'org', id: g.subject.id, name: g.subject.name || g.subject.id },
    schemeId: g.schemeId,
    schemeName: g.schemeName || g.schemeId,
    grade: g.grade,
    gradeLabel: g.gradeLabel || g.grade,
    cycle: g.cycle,
    evaluatedAt: g.evaluatedAt,
    version: g.version,
    removalReason: g.removal?.reason ?? '',
  };
  return { kind: change.type === GRADE_IN_FORCE ? 'hold' : 'withdraw', changeId: change.id, grade };
}
