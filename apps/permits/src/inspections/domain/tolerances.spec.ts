import { allowedValue, excessesOf, PLACEHOLDER_TOLERANCES, type Dimensions, type InspectionTolerances } from './tolerances';

/*
 * 大车小证 (seed 000: "落实入口称重、出口核查机制，逐车检测验证，发现车证不符、大车小证…的，拒绝其上站通行"):
 * measured beyond the permitted value plus its tolerance. Seed 000 and DOMAIN.md §7 give no tolerance;
 * the numbers below are the placeholders (5 cm in height and width, 10 cm in length, 2 % of the mass)
 * and a configured table, used as such. "超过" is strictly greater: exactly the allowance passes.
 */
describe('checkpoint tolerances (placeholders until a national number is configured)', () => {
  // The permit of the applications e2e: 4.4 m × 3.5 m × 22 m, 51 t.
  const permitted: Dimensions = { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 };

  it('says where its numbers come from: a placeholder', () => {
    expect(PLACEHOLDER_TOLERANCES.source).toMatch(/^placeholder/);
  });

  it.each([
    // field, measured, beyond?
    ['heightM', 4.45, false], // 4.4 + 0.05: exactly the allowance
    ['heightM', 4.46, true],
    ['widthM', 3.55, false],
    ['widthM', 3.56, true],
    ['lengthM', 22.1, false], // 22 + 0.1
    ['lengthM', 22.11, true],
    ['grossMassKg', 52020, false], // 51,000 × 1.02
    ['grossMassKg', 52021, true],
  ] as const)('%s measured %d → beyond the permit: %s', (field, measured, beyond) => {
    const excesses = excessesOf(permitted, { ...permitted, [field]: measured }, PLACEHOLDER_TOLERANCES);
    expect(excesses.map((e) => e.field)).toEqual(beyond ? [field] : []);
  });

  it('lists every dimension beyond the permit at once, with the allowance', () => {
    const excesses = excessesOf(permitted, { heightM: 4.6, widthM: 3.5, lengthM: 23, grossMassKg: 60000 }, PLACEHOLDER_TOLERANCES);
    expect(excesses).toEqual([
      { field: 'heightM', permitted: 4.4, measured: 4.6, allowed: 4.45 },
      { field: 'lengthM', permitted: 22, measured: 23, allowed: 22.1 },
      { field: 'grossMassKg', permitted: 51000, measured: 60000, allowed: 52020 },
    ]);
  });

  it('a configured table replaces the placeholders (zero tolerance: any excess refuses)', () => {
    const strict: InspectionTolerances = { heightM: 0, widthM: 0, lengthM: 0, grossMassShare: 0, source: 'deployment rule' };
    expect(allowedValue('grossMassKg', 51000, strict)).toBe(51000);
    expect(excessesOf(permitted, { ...permitted, heightM: 4.41 }, strict).map((e) => e.field)).toEqual(['heightM']);
    expect(excessesOf(permitted, permitted, strict)).toEqual([]);
  });
});
