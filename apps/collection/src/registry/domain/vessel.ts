import { parseVesselId, type VesselId } from '@domain/identifiers';
import type { FieldViolation } from '@platform/errors';
import { FieldChecks } from './field-checks';

/** A vessel's registration, keyed by its ship identification number (船舶识别号, CN + 11 digits). */
export interface VesselRegistration {
  vesselId: string;
  name: string;
  ownerUscc: string | null;
  region: string;
  vesselType: string | null;
  grossTonnage: number | null;
  active: boolean;
}

const FIELDS = ['name', 'ownerUscc', 'region', 'vesselType', 'grossTonnage', 'active'] as const;
/** Above the largest ships afloat (~240,000 GT): a typo, not a ship. */
const MAX_GROSS_TONNAGE = 1_000_000;

export function parseVesselKey(raw: string): { vesselId?: VesselId; violation?: FieldViolation } {
  const parsed = parseVesselId(raw);
  return parsed.ok ? { vesselId: parsed.value } : { violation: { field: 'vesselId', message: parsed.message, code: 'INVALID_VESSEL_ID' } };
}

export function validateVessel(vesselId: VesselId, raw: Record<string, unknown>): { value?: VesselRegistration; violations: FieldViolation[] } {
  const check = new FieldChecks();
  check.onlyKnown(raw, FIELDS);
  const name = check.text(raw.name, 'name', 100, true);
  const ownerUscc = check.uscc(raw.ownerUscc, 'ownerUscc');
  const region = check.region(raw.region);
  const vesselType = check.text(raw.vesselType, 'vesselType', 40, false);
  const grossTonnage = check.number(raw.grossTonnage, 'grossTonnage', { integer: false, max: MAX_GROSS_TONNAGE });
  const active = check.boolean(raw.active, 'active', true);
  if (check.violations.length > 0 || name === null || region === null) return { violations: check.violations };
  return { value: { vesselId, name, ownerUscc, region, vesselType, grossTonnage, active }, violations: [] };
}
