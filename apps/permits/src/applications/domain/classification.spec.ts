import {
  axleLoadRefusals,
  classIIIRequirementsMissing,
  classify,
  decisionWorkingDays,
  grossMassLimitKg,
  isOverLimit,
  nonAcceptanceReasons,
} from './classification';
import type { Dimensions, VehicleDeclaration } from './permit-application';

// Every number below is from DOMAIN.md §7 (62号令 as amended by 2021年第12号).
const sixAxleTandem = { axleCount: 6, configuration: 'combination', driveAxle: 'tandem' } as const;
const legal: Dimensions = { heightM: 4, widthM: 2.55, lengthM: 18.1, grossMassKg: 49_000 };

describe('gross mass limit by axles (DOMAIN.md §7 over-limit)', () => {
  it.each<[Pick<VehicleDeclaration, 'axleCount' | 'configuration' | 'driveAxle'>, number]>([
    [{ axleCount: 2, configuration: 'truck', driveAxle: 'single' }, 18_000],
    [{ axleCount: 3, configuration: 'truck', driveAxle: 'single' }, 25_000],
    [{ axleCount: 3, configuration: 'combination', driveAxle: 'single' }, 27_000],
    [{ axleCount: 4, configuration: 'truck', driveAxle: 'tandem' }, 31_000],
    [{ axleCount: 4, configuration: 'combination', driveAxle: 'tandem' }, 36_000],
    [{ axleCount: 5, configuration: 'combination', driveAxle: 'tandem' }, 43_000],
    [{ axleCount: 6, configuration: 'combination', driveAxle: 'tandem' }, 49_000],
    [{ axleCount: 6, configuration: 'combination', driveAxle: 'single' }, 46_000],
    [{ axleCount: 8, configuration: 'combination', driveAxle: 'tandem' }, 49_000],
  ])('%o → %i kg', (vehicle, kg) => {
    expect(grossMassLimitKg(vehicle)).toBe(kg);
  });
});

describe('over the limit at all: "超过" is strictly greater', () => {
  it.each<[string, Partial<Dimensions>, boolean]>([
    ['exactly at every limit (4 m, 2.55 m, 18.1 m, 49 t)', {}, false],
    ['height 4.01 m', { heightM: 4.01 }, true],
    ['width 2.56 m', { widthM: 2.56 }, true],
    ['length 18.11 m', { lengthM: 18.11 }, true],
    ['49,001 kg on 6 axles', { grossMassKg: 49_001 }, true],
  ])('%s → %s', (_, change, over) => {
    expect(isOverLimit({ ...legal, ...change }, sixAxleTandem)).toBe(over);
  });

  it('46 t is the limit for a single drive axle: 47 t is over it, not over 49 t', () => {
    expect(isOverLimit({ ...legal, grossMassKg: 47_000 }, { ...sixAxleTandem, driveAxle: 'single' })).toBe(true);
    expect(isOverLimit({ ...legal, grossMassKg: 47_000 }, sixAxleTandem)).toBe(false);
  });
});

describe('classes I/II/III (DOMAIN.md §7 Classes)', () => {
  it.each<[string, Partial<Dimensions>, string | undefined]>([
    ['not over the limit', {}, undefined],
    ['4.2 m high is class I', { heightM: 4.2 }, 'I'],
    ['4.21 m high is not class I', { heightM: 4.21 }, 'II'],
    ['3 m wide is class I', { widthM: 3 }, 'I'],
    ['3.01 m wide is class II', { widthM: 3.01 }, 'II'],
    ['20 m long is class I', { lengthM: 20 }, 'I'],
    ['20.01 m long is class II', { lengthM: 20.01 }, 'II'],
    ['class I dimensions but mass over 49 t is class II', { heightM: 4.1, grossMassKg: 49_001 }, 'II'],
    ['4.5 m, 3.75 m, 28 m, 100 t is class II', { heightM: 4.5, widthM: 3.75, lengthM: 28, grossMassKg: 100_000 }, 'II'],
    ['4.51 m high is class III', { heightM: 4.51 }, 'III'],
    ['3.76 m wide is class III', { widthM: 3.76 }, 'III'],
    ['28.01 m long is class III', { lengthM: 28.01 }, 'III'],
    ['100,001 kg is class III', { grossMassKg: 100_001 }, 'III'],
  ])('%s', (_, change, expected) => {
    expect(classify({ ...legal, ...change }, sixAxleTandem)).toBe(expected);
  });
});

describe('decision deadlines in working days (DOMAIN.md §7: 2/5/15, cross-province 5/10/20)', () => {
  it.each([
    ['I', false, 2],
    ['II', false, 5],
    ['III', false, 15],
    ['I', true, 5],
    ['II', true, 10],
    ['III', true, 20],
  ] as const)('class %s, cross-province %s → %i', (permitClass, cross, days) => {
    expect(decisionWorkingDays(permitClass, cross)).toBe(days);
  });
});

describe('class III needs an outline drawing and an escort plan', () => {
  it('names both when both are missing', () => {
    expect(classIIIRequirementsMissing('III', [], undefined)).toEqual(['attachments.outline-drawing', 'escortPlan']);
  });
  it('asks nothing of class II', () => {
    expect(classIIIRequirementsMissing('II', [], undefined)).toEqual([]);
  });
  it('is satisfied with both', () => {
    expect(classIIIRequirementsMissing('III', ['outline-drawing'], '前后各一辆护送车')).toEqual([]);
  });
});

describe('not accepted (DOMAIN.md §7)', () => {
  it('lists every reason at once', () => {
    expect(nonAcceptanceReasons({ divisibleCargo: true, carrierLicensedForOversize: false, carrierBanned: true })).toEqual([
      'divisible-cargo',
      'carrier-not-licensed',
      'carrier-banned',
    ]);
  });
  it('accepts an indivisible load by a licensed carrier not under a ban', () => {
    expect(nonAcceptanceReasons({ divisibleCargo: false, carrierLicensedForOversize: true, carrierBanned: false })).toEqual([]);
  });
});

describe('refused on axle loads (DOMAIN.md §7: flatbed avg > 10 t or any > 13 t; hydraulic avg per line > 18 t or max > 20 t)', () => {
  it.each<[string, VehicleDeclaration['trailerType'], number[], string[]]>([
    ['flatbed average exactly 10 t, max exactly 13 t', 'flatbed', [7_000, 13_000, 10_000, 10_000], []],
    ['flatbed average 10.001 t', 'flatbed', [10_000, 10_002], ['axle-load-average']],
    ['flatbed one axle 13.001 t', 'flatbed', [7_000, 13_001, 10_000, 9_000], ['axle-load-max']],
    ['hydraulic average exactly 18 t, max exactly 20 t', 'hydraulic', [16_000, 20_000, 18_000], []],
    ['hydraulic average 18.001 t', 'hydraulic', [18_000, 18_002], ['axle-load-average']],
    ['hydraulic one line 20.001 t', 'hydraulic', [16_000, 20_001, 17_000], ['axle-load-max']],
    ['flatbed loads that a hydraulic trailer may carry', 'flatbed', [15_000, 15_000], ['axle-load-average', 'axle-load-max']],
  ])('%s', (_, trailerType, axleLoadsKg, reasons) => {
    expect(axleLoadRefusals({ trailerType, axleLoadsKg })).toEqual(reasons);
  });
});
