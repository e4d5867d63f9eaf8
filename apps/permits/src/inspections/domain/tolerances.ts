/**
 * How far a checkpoint's measurement may exceed the permitted dimensions and gross mass before the
 * vehicle counts as 大车小证 (measured beyond what the permit allows). Configuration with its source:
 * seed 000 ("落实入口称重、出口核查机制，逐车检测验证，发现车证不符、大车小证…拒绝其上站通行") and
 * DOMAIN.md §7 name the check but give no tolerance, and no national number is configured here, so the
 * defaults are placeholders (a measuring device's error, not a legal allowance) until a deployment
 * sets CHECKPOINT_TOLERANCE_* with the rule it follows in CHECKPOINT_TOLERANCE_SOURCE.
 */
export interface InspectionTolerances {
  /** Metres allowed above the permitted height, width and length. */
  heightM: number;
  widthM: number;
  lengthM: number;
  /** Share of the permitted gross mass allowed above it (0.02 = 2 %). */
  grossMassShare: number;
  /** Where these numbers come from (shown with every inspection). */
  source: string;
}

export const PLACEHOLDER_TOLERANCES: InspectionTolerances = {
  heightM: 0.05,
  widthM: 0.05,
  lengthM: 0.1,
  grossMassShare: 0.02,
  source: 'placeholder: no national tolerance configured (seed 000 and DOMAIN.md §7 give none); set CHECKPOINT_TOLERANCE_*',
};

export interface Dimensions {
  heightM: number;
  widthM: number;
  lengthM: number;
  grossMassKg: number;
}

export type DimensionField = keyof Dimensions;

export interface Excess {
  field: DimensionField;
  permitted: number;
  measured: number;
  /** The largest value that still passes (permitted + tolerance). */
  allowed: number;
}

const METRES: readonly ('heightM' | 'widthM' | 'lengthM')[] = ['heightM', 'widthM', 'lengthM'];

/** The largest measured value that still matches the permit, for one dimension or the mass. */
export function allowedValue(field: DimensionField, permitted: number, tolerances: InspectionTolerances): number {
  if (field === 'grossMassKg') return round(permitted * (1 + tolerances.grossMassShare), 3);
  return round(permitted + tolerances[field], 3);
}

/** Each dimension or the mass measured beyond the permitted value and its tolerance ("超过": strictly greater). */
export function excessesOf(permitted: Dimensions, measured: Dimensions, tolerances: InspectionTolerances): Excess[] {
  const fields: DimensionField[] = [...METRES, 'grossMassKg'];
  return fields
    .map((field) => ({ field, permitted: permitted[field], measured: measured[field], allowed: allowedValue(field, permitted[field], tolerances) }))
    .filter((e) => e.measured > e.allowed);
}

/** Rounds away binary noise (4.4 + 0.05 is 4.45, not 4.450000000000001). */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
