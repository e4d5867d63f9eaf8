import type { FieldViolation } from '@platform/errors';
import { isValidPlate, isValidRegionCode } from '@domain/identifiers';
import { PLAUSIBLE_MAX } from '../../applications/domain/application-check';
import { excessesOf, type Dimensions, type InspectionTolerances } from './tolerances';

export const InspectionErrorCode = {
  /** 400: one or more fields are missing or invalid, each named in `errors[]`; nothing is stored. */
  Invalid: 'CHECKPOINT_INSPECTION.INVALID',
  /** 400 (field permitNo): no permit has this number. */
  UnknownPermit: 'CHECKPOINT_INSPECTION.UNKNOWN_PERMIT',
  /**
   * 409: an inspection of the same vehicle at the same checkpoint and instant was stored with another
   * measurement (or checkpoint position); one episode has one measurement, so the first is kept.
   */
  ConflictingRepeat: 'CHECKPOINT_INSPECTION.CONFLICTING_REPEAT',
} as const;

export const CHECKPOINT_KINDS = ['entry-weighing', 'exit-check', 'roadside'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

/** A measurement taken at a checkpoint (入口称重, 出口核查, 路面查验). */
export interface Inspection {
  permitNo?: string;
  tractorPlate: string;
  trailerPlate?: string;
  measured: Dimensions & { axleCount: number };
  checkpoint: { name: string; region: string; kind: CheckpointKind; longitude: number; latitude: number };
  /** Epoch milliseconds. */
  inspectedAt: number;
  foundBy: { name: string; uscc: string };
}

/** The permit a vehicle is checked against, as the inspection needs it. */
export interface PermitUnderInspection {
  permitNo: string;
  carrier: { uscc: string; name: string };
  tractorPlate: string;
  trailerPlate: string;
  axleCount: number;
  dimensions: Dimensions;
  /** Epoch milliseconds: the first instant and the last of the window (Beijing days, inclusive). */
  validFrom: number;
  validUntil: number;
  /** Whether the checkpoint lies in the permitted corridor (route conformance's geometry). */
  checkpointOnRoute: boolean;
  /** Epoch milliseconds the permit was revoked at, if it was: from then on it permits nothing. */
  revokedAt?: number;
}

export type MismatchKind = 'no-permit' | 'wrong-vehicle' | 'oversize' | 'outside-window' | 'off-route';

export interface Mismatch {
  kind: MismatchKind;
  field: string;
  permitted: string;
  measured: string;
  message: string;
}

export type Verdict = { outcome: 'pass'; mismatches: [] } | { outcome: 'refuse'; mismatches: Mismatch[] };

/** How far ahead of the service's clock an inspection time may be (clock drift of the checkpoint). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks an inspection's values (every invalid field at once): dimensions and mass positive and
 * plausible (the applications' ceilings catch centimetres given as metres), an axle count, a known
 * region and checkpoint kind, coordinates, a time with offset that is not in the future.
 */
export function checkInspection(i: Omit<Inspection, 'inspectedAt'> & { inspectedAt: string }, now: number): FieldViolation[] {
  const out: FieldViolation[] = [];
  const add = (field: string, message: string) => out.push({ field, message, code: 'INVALID' });
  if (!isValidPlate(i.tractorPlate ?? '')) add('tractorPlate', 'the plate of the tractor or truck (GA 36)');
  if (i.trailerPlate && !isValidPlate(i.trailerPlate)) add('trailerPlate', 'the plate of the trailer (GA 36)');
  const units: Record<keyof Dimensions, string> = {
    heightM: 'give metres, not centimetres',
    widthM: 'give metres, not centimetres',
    lengthM: 'give metres, not centimetres',
    grossMassKg: 'give kilograms',
  };
  for (const field of Object.keys(units) as (keyof Dimensions)[]) {
    const value = i.measured[field];
    if (!Number.isFinite(value) || value <= 0) add(`measured.${field}`, `${value} must be greater than zero`);
    else if (value > PLAUSIBLE_MAX[field]) add(`measured.${field}`, `${value} is implausible (over ${PLAUSIBLE_MAX[field]}); ${units[field]}`);
  }
  if (!Number.isInteger(i.measured.axleCount) || i.measured.axleCount < 2 || i.measured.axleCount > 30) add('measured.axleCount', 'an axle count from 2 to 30');
  if (!i.checkpoint.name?.trim() || i.checkpoint.name.length > 100) add('checkpoint.name', 'the checkpoint (station, toll gate), 1–100 characters');
  if (!isValidRegionCode(i.checkpoint.region)) add('checkpoint.region', 'a GB/T 2260 region code');
  if (!CHECKPOINT_KINDS.includes(i.checkpoint.kind)) add('checkpoint.kind', `one of ${CHECKPOINT_KINDS.join(', ')}`);
  if (!Number.isFinite(i.checkpoint.longitude) || i.checkpoint.longitude < 73 || i.checkpoint.longitude > 136)
    add('checkpoint.longitude', 'degrees inside China');
  if (!Number.isFinite(i.checkpoint.latitude) || i.checkpoint.latitude < 3 || i.checkpoint.latitude > 54) add('checkpoint.latitude', 'degrees inside China');
  if (!i.foundBy.name?.trim()) add('foundBy.name', 'the inspecting unit is required');
  if (!i.foundBy.uscc?.trim()) add('foundBy.uscc', "the inspecting unit's USCC is required");
  const at = Date.parse(i.inspectedAt);
  if (!OFFSET.test(i.inspectedAt ?? '') || Number.isNaN(at)) add('inspectedAt', 'an ISO 8601 instant with offset');
  else if (at > now + MAX_FUTURE_SKEW_MS) add('inspectedAt', 'the inspection time is in the future');
  return out;
}

/**
 * The verdict (seed 000: "逐车检测验证，发现车证不符、大车小证、未按许可时间、路线行驶的，拒绝其上站通行"):
 * pass when the permit names this vehicle, the measurement is within the permit and its tolerances,
 * the time in its window and the checkpoint in its corridor; otherwise refuse with every mismatch.
 */
export function judgeInspection(inspection: Inspection, permit: PermitUnderInspection | undefined, tolerances: InspectionTolerances): Verdict {
  if (permit?.revokedAt !== undefined && permit.revokedAt <= inspection.inspectedAt) {
    // A revoked permit is no permit (62号令: the permit is the authority to travel oversize).
    return refuseOrPass([
      { kind: 'no-permit', field: 'permitNo', permitted: '', measured: permit.permitNo, message: `许可 ${permit.permitNo} 已撤销，无有效超限运输许可` },
    ]);
  }
  if (!permit) {
    return refuseOrPass([
      {
        kind: 'no-permit',
        field: inspection.permitNo ? 'permitNo' : 'tractorPlate',
        permitted: '',
        measured: inspection.permitNo ?? inspection.tractorPlate,
        message: '无有效超限运输许可',
      },
    ]);
  }
  return refuseOrPass([
    ...vehicleMismatches(inspection, permit),
    ...excessesOf(permit.dimensions, inspection.measured, tolerances).map((e): Mismatch => ({
      kind: 'oversize',
      field: `measured.${e.field}`,
      permitted: String(e.permitted),
      measured: String(e.measured),
      message: `大车小证：实测${LABEL[e.field]} ${e.measured} 超过许可 ${e.permitted}（含允许误差 ${e.allowed}）`,
    })),
    ...windowMismatch(inspection, permit),
    ...(permit.checkpointOnRoute
      ? []
      : [
          {
            kind: 'off-route' as const,
            field: 'checkpoint',
            permitted: 'permitted corridor',
            measured: `${inspection.checkpoint.longitude},${inspection.checkpoint.latitude}`,
            message: `检查站${inspection.checkpoint.name}不在许可路线通行走廊内`,
          },
        ]),
  ]);
}

const LABEL: Record<keyof Dimensions, string> = { heightM: '高度(m)', widthM: '宽度(m)', lengthM: '长度(m)', grossMassKg: '总质量(kg)' };

function vehicleMismatches(inspection: Inspection, permit: PermitUnderInspection): Mismatch[] {
  const out: Mismatch[] = [];
  const wrong = (field: string, permitted: string, measured: string, message: string) =>
    out.push({ kind: 'wrong-vehicle', field, permitted, measured, message });
  if (samePlate(permit.tractorPlate, inspection.tractorPlate) === false)
    wrong('tractorPlate', permit.tractorPlate, inspection.tractorPlate, '车证不符：牵引车（货车）号牌与许可不符');
  if (inspection.trailerPlate && permit.trailerPlate && !samePlate(permit.trailerPlate, inspection.trailerPlate))
    wrong('trailerPlate', permit.trailerPlate, inspection.trailerPlate, '车证不符：挂车号牌与许可不符');
  if (inspection.measured.axleCount !== permit.axleCount)
    wrong('measured.axleCount', String(permit.axleCount), String(inspection.measured.axleCount), '车证不符：轴数与许可不符');
  return out;
}

function windowMismatch(inspection: Inspection, permit: PermitUnderInspection): Mismatch[] {
  if (inspection.inspectedAt >= permit.validFrom && inspection.inspectedAt <= permit.validUntil) return [];
  return [
    {
      kind: 'outside-window',
      field: 'inspectedAt',
      permitted: `${new Date(permit.validFrom).toISOString()}/${new Date(permit.validUntil).toISOString()}`,
      measured: new Date(inspection.inspectedAt).toISOString(),
      message: '未按许可时间行驶',
    },
  ];
}

function samePlate(a: string, b: string): boolean {
  return a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();
}

function refuseOrPass(mismatches: Mismatch[]): Verdict {
  return mismatches.length === 0 ? { outcome: 'pass', mismatches: [] } : { outcome: 'refuse', mismatches };
}
