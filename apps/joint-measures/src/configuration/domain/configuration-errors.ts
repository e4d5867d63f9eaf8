import { DomainError } from '@platform/errors';
import { describeProblem, type ConfigProblem } from './config-problem';

/** Stable codes of the configuration admin API; mapped once per transport (gRPC status, problem+json). */
export const ConfigurationErrorCode = {
  /** 422: a reference points at nothing (each one named in `errors[]`: field = path, message names the reference). */
  DanglingReference: 'CONFIG.DANGLING_REFERENCE',
  /** 400: not JSON, or not the shape of the kind. */
  Invalid: 'CONFIG.INVALID',
  UnknownKind: 'CONFIG.UNKNOWN_KIND',
  NotFound: 'CONFIG.NOT_FOUND',
  VersionConflict: 'CONFIG.VERSION_CONFLICT',
} as const;

/** An upload with a dangling reference: refused whole (422), nothing stored, every reference named. */
export function danglingReferenceError(kind: string, problems: readonly ConfigProblem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    ConfigurationErrorCode.DanglingReference,
    'precondition',
    `The ${kind} refer to what does not exist (${problems.length} reference(s)); nothing was stored. First: ${describeProblem(first)}`,
    problems.map((p) => ({ field: p.path, message: `"${p.reference}": ${p.reason}`, code: p.code })),
  );
}
