import { fail, ok, type Result } from './result';
import { normaliseCode } from './normalise';

/**
 * Motor vehicle number plate (机动车号牌), GA 36-2018: province abbreviation + issuing-authority
 * letter + serial. Branded: a `Plate` is normalised ("豫A12345", no separator, upper case).
 */
export type Plate = string & { readonly __brand: 'Plate' };

export type PlateKind = 'ordinary' | 'new-energy-small' | 'new-energy-large' | 'trailer' | 'coach';

export interface ParsedPlate {
  readonly plate: Plate;
  /** Province abbreviation, e.g. 豫. */
  readonly province: string;
  /** Issuing authority letter within the province, e.g. A for the provincial capital. */
  readonly authority: string;
  /** Serial after the authority letter, without the 挂/学 suffix. */
  readonly serial: string;
  readonly kind: PlateKind;
}

export type PlateFailureReason = 'LENGTH' | 'PROVINCE' | 'AUTHORITY' | 'SERIAL';

/** The 31 mainland province-level abbreviations used on GA 36 plates. */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/**
 * GA 36-2018 plate colours, which together with the number identify a vehicle: the same number
 * may be issued once as a blue small-car plate and once as a yellow large-vehicle plate.
 */
export const PLATE_COLOURS = ['blue', 'yellow', 'green', 'yellow-green', 'white', 'black'] as const;
export type PlateColour = (typeof PLATE_COLOURS)[number];

/** A vehicle subject's identity: plate number plus plate colour, e.g. "豫A12345:yellow". */
export type VehicleSubjectKey = string & { readonly __brand: 'VehicleSubjectKey' };

export type VehicleSubjectKeyFailureReason = 'FORMAT' | 'COLOUR' | PlateFailureReason;

// GA 36-2018: the letters I and O are never used, to avoid confusion with 1 and 0.
const LETTER = '[A-HJ-NP-Z]';
const ALNUM = '[A-HJ-NP-Z0-9]';
const AUTHORITY_PATTERN = new RegExp(`^${LETTER}$`);

/** Serial patterns by kind (GA 36-2018); they are mutually exclusive. */
const SERIAL_PATTERNS: ReadonlyArray<readonly [PlateKind, RegExp]> = [
  ['ordinary', new RegExp(`^${ALNUM}{5}$`)],
  // Small new-energy: D (battery electric) or F (other new-energy) first, then one letter or
  // digit, then four digits.
  ['new-energy-small', new RegExp(`^[DF]${ALNUM}\\d{4}$`)],
  // Large new-energy: five digits, then D or F.
  ['new-energy-large', /^\d{5}[DF]$/],
  ['trailer', new RegExp(`^${ALNUM}{4}挂$`)],
  ['coach', new RegExp(`^${ALNUM}{4}学$`)],
];

/** Separators people type between the authority letter and the serial ("豫A·12345"). */
const SEPARATORS = new Set(['·', '•', '・', '･', '.']);

function normalisePlate(input: string): string {
  const chars = [...normaliseCode(input).replace(/\s+/g, '')];
  if (chars.length > 2 && SEPARATORS.has(chars[2])) chars.splice(2, 1);
  return chars.join('');
}

export function parsePlate(input: string): Result<ParsedPlate, PlateFailureReason> {
  const plate = normalisePlate(input);
  const chars = [...plate];
  if (chars.length !== 7 && chars.length !== 8) {
    return fail('LENGTH', `a plate has 7 or 8 characters (GA 36-2018), got ${chars.length}`);
  }
  const [province, authority] = chars;
  if (!PLATE_PROVINCES.includes(province)) {
    return fail('PROVINCE', `"${province}" is not a mainland province abbreviation`);
  }
  if (!AUTHORITY_PATTERN.test(authority)) {
    return fail('AUTHORITY', `"${authority}" is not an issuing authority letter (A–Z without I, O)`);
  }
  const rest = chars.slice(2).join('');
  const kind = SERIAL_PATTERNS.find(([, pattern]) => pattern.test(rest))?.[0];
  if (kind === undefined) {
    return fail('SERIAL', `"${rest}" is not a GA 36-2018 serial`);
  }
  const serial = kind === 'trailer' || kind === 'coach' ? rest.slice(0, -1) : rest;
  return ok({ plate: plate as Plate, province, authority, serial, kind });
}

export function isValidPlate(input: string): boolean {
  return parsePlate(input).ok;
}

export function isPlateColour(value: string): value is PlateColour {
  return (PLATE_COLOURS as readonly string[]).includes(value);
}

export function vehicleSubjectKey(plate: Plate, colour: PlateColour): VehicleSubjectKey {
  return `${plate}:${colour}` as VehicleSubjectKey;
}

/** Parses "豫A12345:yellow" (the plate part is normalised like `parsePlate` input). */
export function parseVehicleSubjectKey(input: string): Result<VehicleSubjectKey, VehicleSubjectKeyFailureReason> {
  const at = input.lastIndexOf(':');
  if (at < 0) return fail('FORMAT', 'a vehicle key is "<plate>:<colour>"');
  const colour = input
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!isPlateColour(colour)) {
    return fail('COLOUR', `"${colour}" is not one of ${PLATE_COLOURS.join(', ')}`);
  }
  const plate = parsePlate(input.slice(0, at));
  if (!plate.ok) return plate;
  return ok(vehicleSubjectKey(plate.value.plate, colour));
}
