import { addDays } from '@domain/calendar';
import type { Sector } from '@domain/credit';
import { parseUscc, usccRegionCode, USCC_NATIONAL_REGION, type Uscc } from '@domain/identifiers';
import type { FieldViolation } from '@platform/errors';
import { asObject, FieldChecks, sortSectors } from './field-checks';
import { sectorsOfBusinessScope } from './licence-scope';

/** An operating licence (经营许可) as the registry keeps it; the number is its key within the enterprise. */
export interface Licence {
  number: string;
  sectors: Sector[];
  validFrom: string | null;
  validUntil: string | null;
  authority: string | null;
  /**
   * The 行政许可 record it came from (null: written through the API or an import), so that the
   * record's revocation withdraws it and a correction replaces it. Kept internal: the change
   * events carry the licence without it (RegistryLicenceV1).
   */
  recordId: string | null;
}

/** Credit registration (信用注册), commitment (信用承诺) and self-assessment (信用自评): Shandong manages an operator with none of them as C (DOMAIN.md §3). */
export interface CreditStatus {
  registered: boolean;
  committed: boolean;
  selfAssessed: boolean;
}

/** An enterprise's registration: what a change event carries, less revision, source and time. */
export interface EnterpriseRegistration {
  uscc: string;
  name: string;
  region: string;
  /** Sectors declared directly (not from a licence), e.g. by an import from a sector system. */
  declaredSectors: Sector[];
  /** Sorted by number. */
  licences: Licence[];
  registeredOn: string | null;
  credit: CreditStatus;
  active: boolean;
}

/** A PUT of an enterprise: `licences` undefined keeps the licences it has (some come from licence records). */
export type EnterpriseUpdate = Omit<EnterpriseRegistration, 'licences'> & { licences?: Licence[] };

const FIELDS = ['name', 'region', 'declaredSectors', 'licences', 'registeredOn', 'credit', 'active'] as const;
const LICENCE_FIELDS = ['number', 'sectors', 'businessScope', 'validFrom', 'validUntil', 'authority'] as const;
const MAX_LICENCES = 50;

/** The USCC in a path or an import line: GB 32100-2015 with its check character. */
export function parseEnterpriseKey(raw: string): { uscc?: Uscc; violation?: FieldViolation } {
  const parsed = parseUscc(raw);
  return parsed.ok ? { uscc: parsed.value } : { violation: { field: 'uscc', message: parsed.message, code: `INVALID_USCC` } };
}

/**
 * Checks a PUT body (or import line) for the enterprise `uscc` (already parsed). The region
 * defaults to the USCC's registering authority (GB 32100-2015: positions 3–8), unless that is
 * the national code 100000, which is no place a client's region can contain.
 */
export function validateEnterprise(uscc: Uscc, raw: Record<string, unknown>, today: string): { value?: EnterpriseUpdate; violations: FieldViolation[] } {
  const check = new FieldChecks();
  check.onlyKnown(raw, FIELDS);
  const name = check.text(raw.name, 'name', 200, true);
  const usccRegion = usccRegionCode(uscc);
  const region = raw.region === undefined && usccRegion !== USCC_NATIONAL_REGION ? check.region(usccRegion) : check.region(raw.region);
  const declaredSectors = check.sectors(raw.declaredSectors, 'declaredSectors');
  const licences = raw.licences === undefined ? undefined : validateLicences(raw.licences, check);
  // A registration date is a fact that has happened: a future one is a typo.
  const registeredOn = check.date(raw.registeredOn, 'registeredOn', today);
  const credit = validateCredit(raw.credit, check);
  const active = check.boolean(raw.active, 'active', true);
  if (check.violations.length > 0 || name === null || region === null) return { violations: check.violations };
  return { value: { uscc, name, region, declaredSectors, licences, registeredOn, credit, active }, violations: [] };
}

function validateCredit(value: unknown, check: FieldChecks): CreditStatus {
  if (value === undefined || value === null) return { registered: false, committed: false, selfAssessed: false };
  const raw = asObject(value);
  if (!raw) {
    check.add('credit', 'must be an object { registered, committed, selfAssessed }', 'NOT_AN_OBJECT');
    return { registered: false, committed: false, selfAssessed: false };
  }
  check.onlyKnown(Object.fromEntries(Object.entries(raw).map(([k, v]) => [`credit.${k}`, v])), [
    'credit.registered',
    'credit.committed',
    'credit.selfAssessed',
  ]);
  return {
    registered: check.boolean(raw.registered, 'credit.registered', false),
    committed: check.boolean(raw.committed, 'credit.committed', false),
    selfAssessed: check.boolean(raw.selfAssessed, 'credit.selfAssessed', false),
  };
}

function validateLicences(value: unknown, check: FieldChecks): Licence[] | undefined {
  if (!Array.isArray(value)) {
    check.add('licences', 'must be an array', 'NOT_AN_ARRAY');
    return undefined;
  }
  if (value.length > MAX_LICENCES) {
    check.add('licences', `at most ${MAX_LICENCES} licences`, 'TOO_MANY');
    return undefined;
  }
  const licences: Licence[] = [];
  const numbers = new Set<string>();
  value.forEach((item, i) => {
    const at = `licences[${i}]`;
    const raw = asObject(item);
    if (!raw) return check.add(at, 'must be an object', 'NOT_AN_OBJECT');
    const before = check.violations.length;
    check.onlyKnown(
      Object.fromEntries(Object.entries(raw).map(([k, v]) => [`${at}.${k}`, v])),
      LICENCE_FIELDS.map((f) => `${at}.${f}`),
    );
    const number = check.text(raw.number, `${at}.number`, 64, true);
    const explicit = check.sectors(raw.sectors, `${at}.sectors`);
    const scope = check.text(raw.businessScope, `${at}.businessScope`, 2000, false);
    const validFrom = check.date(raw.validFrom, `${at}.validFrom`);
    const validUntil = check.date(raw.validUntil, `${at}.validUntil`);
    const authority = check.text(raw.authority, `${at}.authority`, 100, false);
    if (validFrom && validUntil && validUntil < validFrom) check.add(`${at}.validUntil`, `is before validFrom ${validFrom}`, 'BEFORE_VALID_FROM');
    if (number !== null && numbers.has(number)) check.add(`${at}.number`, `licence ${number} is listed twice`, 'DUPLICATE');
    if (number !== null) numbers.add(number);
    if (check.violations.length > before || number === null) return;
    licences.push({ number, sectors: sortSectors([...explicit, ...sectorsOfBusinessScope(scope ?? '')]), validFrom, validUntil, authority, recordId: null });
  });
  return sortLicences(licences);
}

export function sortLicences(licences: Licence[]): Licence[] {
  return [...licences].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/** A licence is in force on `today` when today lies within its validity (an open end is open). */
export function licenceInForce(licence: Licence, today: string): boolean {
  return (licence.validFrom === null || licence.validFrom <= today) && (licence.validUntil === null || today <= licence.validUntil);
}

/** Union of the sectors of the licences in force on `today`, plus the declared ones (the event contract's `sectors`). */
export function enterpriseSectors(registration: EnterpriseRegistration, today: string): Sector[] {
  return sortSectors([...registration.declaredSectors, ...registration.licences.filter((l) => licenceInForce(l, today)).flatMap((l) => l.sectors)]);
}

/**
 * The first day after `today` on which a licence comes into force or ceases to be (its
 * validFrom, or the day after its validUntil), when the enterprise's sectors may change with
 * nothing written: the sectors job (`registry.refresh-sectors`) recomputes them then. Null when
 * no licence has such a day ahead.
 */
export function nextSectorChange(licences: readonly Licence[], today: string): string | null {
  const days = licences
    .flatMap((l) => [l.validFrom, l.validUntil === null ? null : addDays(l.validUntil, 1)])
    .filter((d): d is string => d !== null && d > today);
  return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b));
}

/**
 * The registration after a PUT: everything from the PUT, licences kept unless it lists them. A
 * listed licence with the number of one that came from a record stays linked to that record.
 */
export function applyEnterpriseUpdate(current: EnterpriseRegistration | undefined, update: EnterpriseUpdate): EnterpriseRegistration {
  if (update.licences === undefined) return { ...update, licences: current?.licences ?? [] };
  const recordOf = new Map((current?.licences ?? []).map((l) => [l.number, l.recordId]));
  return { ...update, licences: update.licences.map((l) => ({ ...l, recordId: recordOf.get(l.number) ?? null })) };
}

/**
 * The registration after a licence record (行政许可) about the enterprise: the licence is added,
 * or replaces the one with the same number; an enterprise the registry does not know yet is
 * registered with the record's name and region and nothing else known.
 */
export function applyLicence(
  current: EnterpriseRegistration | undefined,
  licence: Licence,
  holder: { uscc: string; name: string; region: string },
): EnterpriseRegistration {
  const base: EnterpriseRegistration = current ?? {
    uscc: holder.uscc,
    name: holder.name,
    region: holder.region,
    declaredSectors: [],
    licences: [],
    registeredOn: null,
    credit: { registered: false, committed: false, selfAssessed: false },
    active: true,
  };
  const others = base.licences.filter((l) => l.number !== licence.number && (licence.recordId === null || l.recordId !== licence.recordId));
  return { ...base, licences: sortLicences([...others, licence]) };
}

/** The registration without the licence that came from record `recordId` (unchanged if it has none). */
export function withdrawLicence(current: EnterpriseRegistration, recordId: string): EnterpriseRegistration {
  return { ...current, licences: current.licences.filter((l) => l.recordId !== recordId) };
}

/** The licence a 行政许可 record's payload describes (catalogue v1, administrative-licence). */
export function licenceOfRecord(payload: Record<string, unknown>, documentNumber: string, recordId: string): Licence {
  const text = (key: string): string | null => {
    const value = payload[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  return {
    // The certificate number when given, else the decision document's number (both identify it).
    number: text('licenceNumber') ?? documentNumber,
    sectors: sectorsOfBusinessScope([text('licenceName'), text('content')].filter((t) => t !== null).join('；')),
    validFrom: text('validFrom'),
    validUntil: text('validUntil'),
    authority: text('authority'),
    recordId,
  };
}
