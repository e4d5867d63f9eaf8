import { parseRegionCode, parseUscc, parseCitizenId, normaliseCode } from '@domain/identifiers';
import { SEVERITIES, Severity, SubjectKind, SUBJECT_KINDS } from '@domain/credit';
import { chinaDateOf } from '@domain/calendar';
import { DomainError, FieldViolation, nulCharacterViolations } from '@platform/errors';
import type { Catalogue } from '../../catalogue/domain/catalogue';
import type { RecordTypeDefinition } from '../../catalogue/domain/record-type-definition';
import { RecordErrorCode } from './record-errors';

/** A submission as it arrives (strings from gRPC, possibly full-width, padded or mis-cased). */
export interface RawSubmission {
  recordType: string;
  subject?: { kind: string; id: string; name: string };
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  sourceRecordId: string;
  payloadJson: string;
  idempotencyKey: string;
  /** Set only for a record a partner province pushed (ADR 0069). */
  partner?: { region: string; sourceReference: string; agreement: string };
}

/** Where a partner-pushed record came from: it is the partner's, a record of its own (ADR 0069). */
export interface PartnerProvenance {
  region: string;
  sourceReference: string;
  agreement: string;
}

/** A submission that passed every check, normalised. */
export interface ValidSubmission {
  type: RecordTypeDefinition;
  catalogueVersion: number;
  subject: { kind: SubjectKind; id: string; name: string };
  region: string;
  severity: Severity;
  decisionDate: string;
  documentNumber: string;
  sourceRecordId: string | null;
  idempotencyKey: string | null;
  payload: Record<string, unknown>;
  /** null: one of our own records. */
  partner: PartnerProvenance | null;
  /**
   * Set on a partner's record held from its change feed (ADR 0086): its public facts only, this the
   * summary the partner published; the payload is empty.
   */
  publicSummary?: string;
}

/** How a submission is checked: a partner's feed record carries its public facts and summary instead of a payload (ADR 0086). */
export interface SubmissionRules {
  publicFacts?: { summary: string };
}

const MAX_TEXT = 200;
/** The longest summary: what `summarise` keeps of a record's facts. */
const MAX_SUMMARY = 500;

/**
 * Validates and normalises one record submission against the catalogue in force, collecting
 * every violation (an integrator fixing a record wants all of them at once, not one per round
 * trip).
 */
export function validateSubmission(
  raw: RawSubmission,
  catalogue: Catalogue,
  today: string = chinaDateOf(new Date()),
  rules: SubmissionRules = {},
): ValidSubmission {
  // Nothing with U+0000 can be stored (gRPC callers and batch lines do not pass the gateway's JSON check).
  const unstorable = nulCharacterViolations({ ...raw, payloadJson: undefined, summary: rules.publicFacts?.summary });
  if (unstorable.length > 0) throw DomainError.validation(RecordErrorCode.Invalid, unstorable);
  const violations: FieldViolation[] = [];
  const type = catalogue.definition(raw.recordType.trim().toLowerCase());
  if (!type) {
    throw DomainError.validation(RecordErrorCode.UnknownType, [
      { field: 'recordType', message: `unknown record type "${raw.recordType}"`, code: 'UNKNOWN_TYPE' },
    ]);
  }
  const subject = validateSubject(raw.subject, today, violations);
  if (subject && !type.subjectKinds.includes(subject.kind)) {
    violations.push({ field: 'subject.kind', message: `a ${type.code} record is about one of: ${type.subjectKinds.join(', ')}`, code: 'KIND_NOT_ALLOWED' });
  }
  const region = parseRegionCode(normaliseCode(raw.region));
  if (!region.ok) violations.push({ field: 'region', message: region.message, code: 'INVALID_REGION' });
  const severity = raw.severity.trim().toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    violations.push({ field: 'severity', message: `must be one of ${SEVERITIES.join(', ')}`, code: 'INVALID_SEVERITY' });
  } else if (!type.severities.includes(severity as Severity)) {
    violations.push({ field: 'severity', message: `a ${type.code} record takes one of: ${type.severities.join(', ')}`, code: 'SEVERITY_NOT_ALLOWED' });
  }
  const decisionDate = raw.decisionDate.trim();
  checkDecisionDate(decisionDate, today, violations);
  const documentNumber = raw.documentNumber.trim();
  if (!documentNumber) violations.push({ field: 'documentNumber', message: 'is required', code: 'REQUIRED' });
  else if (documentNumber.length > MAX_TEXT) violations.push({ field: 'documentNumber', message: `at most ${MAX_TEXT} characters`, code: 'TOO_LONG' });
  const payload = parsePayload(raw.payloadJson, violations);
  if (rules.publicFacts) checkPublicFacts(type, payload, rules.publicFacts.summary, violations);
  else violations.push(...catalogue.payloadViolations(type.code, payload));
  const partner = validatePartner(raw.partner, violations);
  if (violations.length > 0 || !subject || !region.ok) throw DomainError.validation(RecordErrorCode.Invalid, violations);
  return {
    type,
    catalogueVersion: catalogue.version,
    subject,
    region: region.value,
    severity: severity as Severity,
    decisionDate,
    documentNumber,
    // A partner's reference is its record's identity (ADR 0069): the source id, and the key a
    // retry must repeat with the same content.
    sourceRecordId: partner ? partner.sourceReference : raw.sourceRecordId.trim() || null,
    idempotencyKey: partner ? partnerIdempotencyKey(partner) : raw.idempotencyKey.trim() || null,
    payload,
    partner: partner ?? null,
    ...(rules.publicFacts ? { publicSummary: rules.publicFacts.summary.trim() } : {}),
  };
}

/**
 * A record held from a partner's feed (ADR 0086): a type we publish (the feed carries published
 * records only), no payload (the feed never sends one), and the partner's summary in its place.
 */
function checkPublicFacts(type: RecordTypeDefinition, payload: Record<string, unknown>, summary: string, violations: FieldViolation[]): void {
  if (!type.isPublic) violations.push({ field: 'recordType', message: `a ${type.code} record is not public: no partner feed carries it`, code: 'NOT_PUBLIC' });
  if (Object.keys(payload).length > 0)
    violations.push({ field: 'payload', message: 'a record held from a feed has its public facts only', code: 'NOT_ALLOWED' });
  if (summary.length > MAX_SUMMARY) violations.push({ field: 'summary', message: `at most ${MAX_SUMMARY} characters`, code: 'TOO_LONG' });
}

/** The idempotency key a partner's record is stored under (one per partner client and reference). */
export function partnerIdempotencyKey(partner: PartnerProvenance): string {
  return `partner:${partner.sourceReference}`;
}

function validatePartner(raw: RawSubmission['partner'], violations: FieldViolation[]): PartnerProvenance | undefined {
  if (!raw || !(raw.region.trim() || raw.sourceReference.trim())) return undefined;
  const region = parseRegionCode(normaliseCode(raw.region));
  if (!region.ok) violations.push({ field: 'partner.region', message: region.message, code: 'INVALID_REGION' });
  const sourceReference = raw.sourceReference.trim();
  if (!sourceReference) violations.push({ field: 'partner.sourceReference', message: 'is required', code: 'REQUIRED' });
  else if (sourceReference.length > MAX_TEXT)
    violations.push({ field: 'partner.sourceReference', message: `at most ${MAX_TEXT} characters`, code: 'TOO_LONG' });
  return region.ok ? { region: region.value, sourceReference, agreement: raw.agreement.trim() } : undefined;
}

function validateSubject(subject: RawSubmission['subject'], today: string, violations: FieldViolation[]): ValidSubmission['subject'] | undefined {
  if (!subject) {
    violations.push({ field: 'subject', message: 'is required', code: 'REQUIRED' });
    return undefined;
  }
  const kind = subject.kind.trim().toLowerCase();
  const name = subject.name.trim();
  if (!name) violations.push({ field: 'subject.name', message: 'is required', code: 'REQUIRED' });
  else if (name.length > MAX_TEXT) violations.push({ field: 'subject.name', message: `at most ${MAX_TEXT} characters`, code: 'TOO_LONG' });
  if (!(SUBJECT_KINDS as readonly string[]).includes(kind)) {
    violations.push({ field: 'subject.kind', message: `must be one of ${SUBJECT_KINDS.join(', ')}`, code: 'INVALID_KIND' });
    return undefined;
  }
  const id = subjectId(kind as SubjectKind, subject.id, today, violations);
  return id ? { kind: kind as SubjectKind, id, name } : undefined;
}

function subjectId(kind: SubjectKind, raw: string, today: string, violations: FieldViolation[]): string | undefined {
  if (kind === 'org') {
    const uscc = parseUscc(raw);
    if (uscc.ok) return uscc.value;
    violations.push({ field: 'subject.id', message: uscc.message, code: `USCC_${uscc.reason}` });
    return undefined;
  }
  if (kind === 'person') {
    const id = parseCitizenId(raw, today);
    if (id.ok) return id.value;
    violations.push({ field: 'subject.id', message: id.message, code: `CITIZEN_ID_${id.reason}` });
    return undefined;
  }
  // Vehicles and vessels: full validation arrives with the collection catalogue.
  const normalised = normaliseCode(raw);
  if (normalised) return normalised;
  violations.push({ field: 'subject.id', message: 'is required', code: 'REQUIRED' });
  return undefined;
}

function checkDecisionDate(value: string, today: string, violations: FieldViolation[]): void {
  if (!value) {
    violations.push({ field: 'decisionDate', message: 'is required', code: 'REQUIRED' });
  } else if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    violations.push({ field: 'decisionDate', message: 'must be a date (YYYY-MM-DD)', code: 'INVALID_DATE' });
  } else if (value > today) {
    violations.push({ field: 'decisionDate', message: `must not be after today (${today})`, code: 'FUTURE_DATE' });
  }
}

function parsePayload(json: string, violations: FieldViolation[]): Record<string, unknown> {
  if (!json.trim()) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      violations.push(...nulCharacterViolations(value, 'payload'));
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through to the violation
  }
  violations.push({ field: 'payload', message: 'must be a JSON object', code: 'INVALID_PAYLOAD' });
  return {};
}

/** One line for the public portal: what the record says, in the subject's own words where possible. */
export function summarise(submission: ValidSubmission): string {
  if (submission.publicSummary !== undefined) return submission.publicSummary;
  const p = submission.payload;
  const facts = p['facts'] ?? p['content'] ?? p['penaltyContent'] ?? p['description'] ?? p['title'];
  return typeof facts === 'string' ? facts.slice(0, MAX_SUMMARY) : '';
}
