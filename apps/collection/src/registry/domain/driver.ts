import { maskCitizenId, parseCitizenId, type CitizenId } from '@domain/identifiers';
import type { Sector } from '@domain/credit';
import type { FieldViolation } from '@platform/errors';
import { FieldChecks } from './field-checks';

/**
 * A driver's (从业人员) registration, keyed by citizen ID. The ID is kept whole here and in the
 * registry events (consumers inside the platform join on it), and leaves collection's API only
 * masked (DOMAIN.md §1, §6): see `maskedDriverId`.
 */
export interface DriverRegistration {
  citizenId: string;
  name: string;
  qualificationCertificate: string | null;
  qualificationSectors: Sector[];
  employerUscc: string | null;
  region: string;
  qualifiedOn: string | null;
  active: boolean;
}

const FIELDS = ['name', 'qualificationCertificate', 'qualificationSectors', 'employerUscc', 'region', 'qualifiedOn', 'active'] as const;

/** The citizen ID in a path or import line: GB 11643-1999, 18 characters, check character verified. */
export function parseDriverKey(raw: string, today: string): { citizenId?: CitizenId; violation?: FieldViolation } {
  const parsed = parseCitizenId(raw, today);
  // The message never repeats the ID: problem details and logs would carry it.
  return parsed.ok ? { citizenId: parsed.value } : { violation: { field: 'citizenId', message: parsedMessage(parsed.reason), code: 'INVALID_CITIZEN_ID' } };
}

function parsedMessage(reason: string): string {
  switch (reason) {
    case 'LENGTH':
      return 'a citizen ID has 18 characters (GB 11643-1999)';
    case 'CHARSET':
      return 'a citizen ID is 17 digits followed by a digit or X';
    case 'REGION':
      return 'the address code has no GB/T 2260 province prefix';
    case 'BIRTH_DATE':
      return 'positions 7–14 are not a real birth date';
    default:
      return 'the check character does not match (GB 11643-1999, ISO 7064 MOD 11-2)';
  }
}

/** How a citizen ID leaves collection: the masking the platform uses in public output (@domain/identifiers maskCitizenId). */
export function maskedDriverId(citizenId: string): string {
  return maskCitizenId(citizenId);
}

export function validateDriver(
  citizenId: CitizenId,
  raw: Record<string, unknown>,
  today: string,
): { value?: DriverRegistration; violations: FieldViolation[] } {
  const check = new FieldChecks();
  check.onlyKnown(raw, FIELDS);
  const name = check.text(raw.name, 'name', 50, true);
  const qualificationCertificate = check.text(raw.qualificationCertificate, 'qualificationCertificate', 64, false);
  const qualificationSectors = check.sectors(raw.qualificationSectors, 'qualificationSectors');
  const employerUscc = check.uscc(raw.employerUscc, 'employerUscc');
  const region = check.region(raw.region);
  const qualifiedOn = check.date(raw.qualifiedOn, 'qualifiedOn', today);
  const active = check.boolean(raw.active, 'active', true);
  if (check.violations.length > 0 || name === null || region === null) return { violations: check.violations };
  return { value: { citizenId, name, qualificationCertificate, qualificationSectors, employerUscc, region, qualifiedOn, active }, violations: [] };
}
