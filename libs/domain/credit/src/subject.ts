import {
  ok,
  parseCitizenId,
  parseUscc,
  parseVehicleSubjectKey,
  parseVesselId,
  type CitizenIdFailureReason,
  type Result,
  type UsccFailureReason,
  type VehicleSubjectKeyFailureReason,
  type VesselIdFailureReason,
} from '@domain/identifiers';

/**
 * Kinds of credit subject (信用主体) and the identifier each is known by:
 * org — USCC (GB 32100); person — citizen ID (GB 11643); vehicle — plate + plate colour (GA 36);
 * vessel — ship identification number (船舶识别号).
 */
export const SUBJECT_KINDS = ['org', 'person', 'vehicle', 'vessel'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface SubjectRef {
  readonly kind: SubjectKind;
  /** The canonical identifier returned by `subjectIdOf`. */
  readonly id: string;
}

export interface SubjectIdContext {
  /** Today's date in China (ISO); a citizen ID may not carry a birth date after it. */
  readonly today: string;
}

export type SubjectIdFailureReason = UsccFailureReason | CitizenIdFailureReason | VehicleSubjectKeyFailureReason | VesselIdFailureReason;

export function isSubjectKind(value: string): value is SubjectKind {
  return (SUBJECT_KINDS as readonly string[]).includes(value);
}

/** Validates `raw` as the identifier of a `kind` subject and returns its canonical spelling. */
export function subjectIdOf(kind: SubjectKind, raw: string, context: SubjectIdContext): Result<string, SubjectIdFailureReason> {
  switch (kind) {
    case 'org':
      return parseUscc(raw);
    case 'person':
      return parseCitizenId(raw, context.today);
    case 'vehicle':
      return parseVehicleSubjectKey(raw);
    case 'vessel':
      return parseVesselId(raw);
    default:
      return unknownKind(kind);
  }
}

export function subjectRefOf(kind: SubjectKind, raw: string, context: SubjectIdContext): Result<SubjectRef, SubjectIdFailureReason> {
  const id = subjectIdOf(kind, raw, context);
  return id.ok ? ok({ kind, id: id.value }) : id;
}

/** Same subject when kind and canonical id agree. */
export function sameSubject(a: SubjectRef, b: SubjectRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

function unknownKind(kind: never): never {
  // Reachable only from untyped callers; a programming error, not bad data.
  throw new RangeError(`unknown subject kind "${String(kind)}"`);
}
