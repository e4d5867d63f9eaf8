import { parseVehicleSubjectKey, type PlateColour } from '@domain/identifiers';
import type { FieldViolation } from '@platform/errors';
import { FieldChecks } from './field-checks';

/** A vehicle's registration, keyed by plate + plate colour (GA 36-2018: the same number may exist in two colours). */
export interface VehicleRegistration {
  plate: string;
  plateColour: PlateColour;
  carrierUscc: string | null;
  region: string;
  vehicleType: string;
  axles: number | null;
  transportCertificate: string | null;
  active: boolean;
}

const FIELDS = ['carrierUscc', 'region', 'vehicleType', 'axles', 'transportCertificate', 'active'] as const;
/** A kebab-case type code (tractor, semi-trailer, bus, taxi, tanker…), as the event contract names them. */
const VEHICLE_TYPE = /^[a-z][a-z0-9-]{0,39}$/;
/** More axles than any road vehicle combination has (hydraulic modular trailers run to ~20 axle lines). */
const MAX_AXLES = 30;

/**
 * The vehicle key in a path or import line: "<plate>:<colour>", e.g. "豫A12345:yellow", the same
 * spelling as a vehicle subject's id in credit records (@domain/identifiers vehicleSubjectKey).
 */
export function parseVehicleKey(raw: string): { key?: { plate: string; plateColour: PlateColour }; violation?: FieldViolation } {
  const parsed = parseVehicleSubjectKey(raw);
  if (!parsed.ok)
    return { violation: { field: 'key', message: `${parsed.message} (the key is "<plate>:<colour>", e.g. 豫A12345:yellow)`, code: 'INVALID_VEHICLE_KEY' } };
  const at = parsed.value.lastIndexOf(':');
  return { key: { plate: parsed.value.slice(0, at), plateColour: parsed.value.slice(at + 1) as PlateColour } };
}

export function vehicleKeyOf(v: { plate: string; plateColour: string }): string {
  return `${v.plate}:${v.plateColour}`;
}

export function validateVehicle(
  key: { plate: string; plateColour: PlateColour },
  raw: Record<string, unknown>,
): { value?: VehicleRegistration; violations: FieldViolation[] } {
  const check = new FieldChecks();
  check.onlyKnown(raw, FIELDS);
  const carrierUscc = check.uscc(raw.carrierUscc, 'carrierUscc');
  const region = check.region(raw.region);
  const vehicleType = check.text(raw.vehicleType, 'vehicleType', 40, true);
  if (vehicleType !== null && !VEHICLE_TYPE.test(vehicleType))
    check.add('vehicleType', 'a lower-case code such as tractor, semi-trailer, bus, taxi, tanker', 'INVALID_TYPE');
  const axles = check.number(raw.axles, 'axles', { integer: true, max: MAX_AXLES });
  if (axles === 0) check.add('axles', 'a vehicle has at least one axle', 'OUT_OF_RANGE');
  const transportCertificate = check.text(raw.transportCertificate, 'transportCertificate', 64, false);
  const active = check.boolean(raw.active, 'active', true);
  if (check.violations.length > 0 || region === null || vehicleType === null) return { violations: check.violations };
  return { value: { ...key, carrierUscc, region, vehicleType, axles, transportCertificate, active }, violations: [] };
}
