import { GRADE_LADDERS, GRADE_LADDER_IDS, isCreditListType, isRecordTypeCode, isSector, SECTORS } from '@domain/credit';
import { parseRegionCode } from '@domain/identifiers';

/*
 * Configuration that cannot point at nothing (issue 16 item 2). Measure mappings, draw plans and
 * entry rules refer to other configuration: evaluation schemes and the grades of their ladders,
 * list types, record types of the collection catalogue, sectors, regions. Every checker reports
 * what it finds in one shape, a dangling reference with where it sits and why it dangles, so an
 * upload is refused naming it (422) and a bad shipped set stops the service naming it.
 */

export const CONFIG_PROBLEM_CODES = [
  /** The scheme is not published (yet): the item waits for it (pending), it is not refused. */
  'UNKNOWN_SCHEME',
  /** A grade on no shared ladder and not on the published scheme's own (ADR 0050): it can never fire. */
  'UNKNOWN_GRADE',
  /** A grade not on the ladder of the (published) scheme named. */
  'GRADE_NOT_ON_LADDER',
  'UNKNOWN_LIST_TYPE',
  'UNKNOWN_RECORD_TYPE',
  'UNKNOWN_SECTOR',
  'UNKNOWN_REGION',
  'UNKNOWN_MEASURE',
  'SCENE_NOT_SERVED',
  'DUPLICATE_ID',
] as const;
export type ConfigProblemCode = (typeof CONFIG_PROBLEM_CODES)[number];

/** A reference that points at nothing: where it sits (`mappings[3].when.grade.grades[0]`), what it names, and why it dangles. */
export interface ConfigProblem {
  path: string;
  reference: string;
  reason: string;
  code: ConfigProblemCode;
}

/** An evaluation scheme as joint measures knows it from `evaluation.schemes.published`. */
export interface KnownScheme {
  schemeId: string;
  version: number;
  ladderId: string;
  /** The grades of its ladder, best first. */
  grades: readonly string[];
  /** Sector codes; empty = every sector. */
  sectors: readonly string[];
  regions: readonly string[];
}

export type SchemeCatalogue = ReadonlyMap<string, KnownScheme>;

export function schemeCatalogue(schemes: readonly KnownScheme[]): SchemeCatalogue {
  return new Map(schemes.map((s) => [s.schemeId, s]));
}

/**
 * `active`: applied. `pending`: names a scheme not published yet and nothing else dangles; never
 * applied, reported with the schemes it waits for, and re-checked when a scheme is published.
 * `invalid`: a reference dangles against what is known (e.g. a grade not on the published
 * scheme's ladder); never applied, reported.
 */
export type ItemStatus = 'active' | 'pending' | 'invalid';

export interface CheckedItem<T> {
  /** The item's id in its set (mapping id, plan id, rule id). */
  id: string;
  item: T;
  status: ItemStatus;
  problems: ConfigProblem[];
  /** Schemes the item waits for (pending). */
  waitingFor: string[];
}

export function checkedItem<T>(id: string, item: T, problems: ConfigProblem[]): CheckedItem<T> {
  const waitingFor = [...new Set(problems.filter((p) => p.code === 'UNKNOWN_SCHEME').map((p) => p.reference))];
  const dangling = problems.some((p) => p.code !== 'UNKNOWN_SCHEME');
  return { id, item, problems, waitingFor, status: dangling ? 'invalid' : waitingFor.length > 0 ? 'pending' : 'active' };
}

/** The problems that refuse an upload or stop a start: every dangling reference except a scheme not published yet. */
export function danglingReferences(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return problems.filter((p) => p.code !== 'UNKNOWN_SCHEME');
}

/** Whether a problem is decided by the published schemes (and may change when one is published). */
export function dependsOnSchemes(problem: ConfigProblem): boolean {
  return problem.code === 'UNKNOWN_SCHEME' || problem.code === 'GRADE_NOT_ON_LADDER';
}

export function describeProblem(p: ConfigProblem): string {
  return `${p.path} → "${p.reference}": ${p.reason}`;
}

const LADDERS = GRADE_LADDER_IDS.map((id) => ({ id, grades: GRADE_LADDERS[id] as readonly string[] }));

/** Collects the problems of one item's references. */
export class References {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly schemes: SchemeCatalogue) {}

  private add(path: string, reference: string, code: ConfigProblemCode, reason: string): void {
    this.problems.push({ path, reference, code, reason });
  }

  listType(path: string, value: string): void {
    if (!isCreditListType(value)) this.add(path, value, 'UNKNOWN_LIST_TYPE', 'not a credit list type (@domain/credit CREDIT_LIST_TYPES)');
  }

  recordType(path: string, value: string): void {
    if (!isRecordTypeCode(value)) this.add(path, value, 'UNKNOWN_RECORD_TYPE', 'not a record type of the collection catalogue');
  }

  sector(path: string, value: string): void {
    if (!isSector(value)) this.add(path, value, 'UNKNOWN_SECTOR', `not a sector (one of ${SECTORS.join(', ')})`);
  }

  region(path: string, value: string): void {
    const parsed = parseRegionCode(value);
    if (!parsed.ok || parsed.value !== value) this.add(path, value, 'UNKNOWN_REGION', parsed.ok ? 'not a GB/T 2260 code as written' : parsed.message);
  }

  /**
   * A scheme and grades of its ladder. A published scheme's grades are the ones it announced (its
   * ladder may be its own, ADR 0050): a grade off it is GRADE_NOT_ON_LADDER, or UNKNOWN_GRADE when
   * it is on no shared ladder either (a typo such as '5★'). A scheme not published yet makes the
   * item pending; meanwhile only grades of the shared ladders can be told apart, so grades on none
   * wait with the item for the scheme's own ladder, and shared grades must be on one ladder.
   */
  scheme(path: string, schemeId: string, grades: readonly { path: string; grade: string }[]): void {
    const onSharedLadder = (grade: string) => LADDERS.some((l) => l.grades.includes(grade));
    const known = this.schemes.get(schemeId);
    if (!known) {
      this.add(path, schemeId, 'UNKNOWN_SCHEME', 'no such evaluation scheme is published (yet): pending until evaluation announces it');
      const allShared = grades.every(({ grade }) => onSharedLadder(grade));
      if (allShared && grades.length > 1 && !LADDERS.some((l) => grades.every(({ grade }) => l.grades.includes(grade)))) {
        this.add(grades[0].path, grades[0].grade, 'UNKNOWN_GRADE', `the grades ${grades.map((g) => g.grade).join(', ')} are not on one ladder`);
      }
      return;
    }
    for (const { path: at, grade } of grades) {
      if (known.grades.includes(grade)) continue;
      if (onSharedLadder(grade)) {
        this.add(at, grade, 'GRADE_NOT_ON_LADDER', `not a grade of scheme ${schemeId}'s ladder ${known.ladderId} (${known.grades.join(', ')})`);
      } else {
        const shared = LADDERS.map((l) => `${l.id}: ${l.grades.join('/')}`).join('; ');
        this.add(
          at,
          grade,
          'UNKNOWN_GRADE',
          `not a grade of scheme ${schemeId}'s ladder ${known.ladderId} (${known.grades.join(', ')}) nor of any shared ladder (${shared})`,
        );
      }
    }
  }

  /** An id seen before in the set. */
  duplicate(path: string, id: string): void {
    this.add(path, id, 'DUPLICATE_ID', 'the id is used twice in the set');
  }

  other(path: string, reference: string, code: ConfigProblemCode, reason: string): void {
    this.add(path, reference, code, reason);
  }
}
