import type { Dimensions, VehicleDeclaration } from './permit-application';

/**
 * Classification of an oversize transport by 《超限运输车辆行驶公路管理规定》(交通运输部令2016年第62号,
 * 2021年第12号修正) as summarised in DOMAIN.md §7. "超过" is strictly greater: 4.2 m high is class I,
 * 4.21 m is not.
 */
export type PermitClass = 'I' | 'II' | 'III';

/** 62号令 第三条: height 4 m, width 2.55 m, length 18.1 m. */
export const OVER_LIMIT_DIMENSIONS = { heightM: 4, widthM: 2.55, lengthM: 18.1 } as const;

/** 62号令 第十八条 class I ceilings (高 4.2 m, 宽 3 m, 长 20 m, mass and axle loads within limits). */
export const CLASS_I_CEILING = { heightM: 4.2, widthM: 3, lengthM: 20 } as const;

/** 62号令 第十八条 class II ceilings (高 4.5 m, 宽 3.75 m, 长 28 m, 总质量 100 t). */
export const CLASS_II_CEILING = { heightM: 4.5, widthM: 3.75, lengthM: 28, grossMassKg: 100_000 } as const;

/** Decision deadlines in working days from acceptance (62号令 第十八条): I 2, II 5, III 15; cross-province 5, 10, 20. */
export const DECISION_WORKING_DAYS: Readonly<Record<PermitClass, { withinProvince: number; crossProvince: number }>> = {
  I: { withinProvince: 2, crossProvince: 5 },
  II: { withinProvince: 5, crossProvince: 10 },
  III: { withinProvince: 15, crossProvince: 20 },
};

/**
 * 62号令 第三条(四)–(八): gross mass limit by axle count. 18 t (2 axles); 25 t (3-axle truck) / 27 t
 * (3-axle combination); 31 t (4-axle truck) / 36 t (4-axle combination); 43 t (5 axles); 49 t (6 or
 * more axles), 46 t when the tractor has a single drive axle.
 */
export function grossMassLimitKg(vehicle: Pick<VehicleDeclaration, 'axleCount' | 'configuration' | 'driveAxle'>): number {
  const { axleCount, configuration, driveAxle } = vehicle;
  if (axleCount <= 2) return 18_000;
  if (axleCount === 3) return configuration === 'truck' ? 25_000 : 27_000;
  if (axleCount === 4) return configuration === 'truck' ? 31_000 : 36_000;
  if (axleCount === 5) return 43_000;
  return driveAxle === 'single' ? 46_000 : 49_000;
}

function dimensionsOver(d: Dimensions, ceiling: { heightM: number; widthM: number; lengthM: number }): boolean {
  return d.heightM > ceiling.heightM || d.widthM > ceiling.widthM || d.lengthM > ceiling.lengthM;
}

/** Over the limit at all (needs a permit): any dimension or the gross mass strictly over its limit. */
export function isOverLimit(d: Dimensions, vehicle: Pick<VehicleDeclaration, 'axleCount' | 'configuration' | 'driveAxle'>): boolean {
  return dimensionsOver(d, OVER_LIMIT_DIMENSIONS) || d.grossMassKg > grossMassLimitKg(vehicle);
}

/**
 * Class of an over-limit transport. I: within the class I ceilings and the gross mass within its
 * limit; II: within the class II ceilings and ≤ 100 t; III: anything beyond. Returns undefined
 * when the transport is not over the limit (no permit needed).
 */
export function classify(d: Dimensions, vehicle: Pick<VehicleDeclaration, 'axleCount' | 'configuration' | 'driveAxle'>): PermitClass | undefined {
  if (!isOverLimit(d, vehicle)) return undefined;
  if (!dimensionsOver(d, CLASS_I_CEILING) && d.grossMassKg <= grossMassLimitKg(vehicle)) return 'I';
  if (!dimensionsOver(d, CLASS_II_CEILING) && d.grossMassKg <= CLASS_II_CEILING.grossMassKg) return 'II';
  return 'III';
}

/** Working days the authority has to decide (62号令 第十八条; cross-province in brackets in DOMAIN.md §7). */
export function decisionWorkingDays(permitClass: PermitClass, crossProvince: boolean): number {
  const days = DECISION_WORKING_DAYS[permitClass];
  return crossProvince ? days.crossProvince : days.withinProvince;
}

/** Class III needs an outline drawing (车货外廓尺寸图) and an escort plan (护送方案) (62号令 第十二条). */
export function classIIIRequirementsMissing(permitClass: PermitClass, attachmentKinds: readonly string[], escortPlan: string | undefined): string[] {
  if (permitClass !== 'III') return [];
  const missing: string[] = [];
  if (!attachmentKinds.includes('outline-drawing')) missing.push('attachments.outline-drawing');
  if (!escortPlan?.trim()) missing.push('escortPlan');
  return missing;
}

/** Why an application is not accepted (不予受理, 62号令 第十五条; DOMAIN.md §7). */
export type NonAcceptanceReason = 'divisible-cargo' | 'carrier-not-licensed' | 'carrier-banned';

export function nonAcceptanceReasons(facts: { divisibleCargo: boolean; carrierLicensedForOversize: boolean; carrierBanned: boolean }): NonAcceptanceReason[] {
  const reasons: NonAcceptanceReason[] = [];
  if (facts.divisibleCargo) reasons.push('divisible-cargo');
  if (!facts.carrierLicensedForOversize) reasons.push('carrier-not-licensed');
  if (facts.carrierBanned) reasons.push('carrier-banned');
  return reasons;
}

/** 62号令 第十七条 axle-load refusals: flatbed avg > 10 t or any axle > 13 t; hydraulic avg per axle line > 18 t or max > 20 t. */
export const AXLE_LOAD_REFUSAL = {
  flatbed: { averageKg: 10_000, maxKg: 13_000 },
  hydraulic: { averageKg: 18_000, maxKg: 20_000 },
} as const;

export type RefusalReason = 'axle-load-average' | 'axle-load-max';

/** Refusal reasons from the declared axle (or axle-line) loads; strictly greater, as 超过. */
export function axleLoadRefusals(vehicle: Pick<VehicleDeclaration, 'trailerType' | 'axleLoadsKg'>): RefusalReason[] {
  const loads = vehicle.axleLoadsKg;
  if (loads.length === 0) return [];
  const limit = AXLE_LOAD_REFUSAL[vehicle.trailerType];
  const average = loads.reduce((sum, kg) => sum + kg, 0) / loads.length;
  const reasons: RefusalReason[] = [];
  if (average > limit.averageKg) reasons.push('axle-load-average');
  if (Math.max(...loads) > limit.maxKg) reasons.push('axle-load-max');
  return reasons;
}
