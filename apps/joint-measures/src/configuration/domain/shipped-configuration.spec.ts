import { schemeCatalogue, type KnownScheme } from './config-problem';
import { checkShippedConfiguration, shippedProblems } from './shipped-configuration';

/*
 * The shipped sets on their own (no scheme published yet: every grade-based item waits). What must
 * hold whatever evaluation publishes: no grade on no ladder, no unknown list, record type, sector
 * or region. The cross-service check against evaluation's shipped schemes is
 * test/integration/shipped-configuration.int-spec.ts.
 */
describe('the shipped configuration of joint measures', () => {
  it('has no dangling reference other than schemes not published yet', () => {
    const problems = shippedProblems(checkShippedConfiguration(schemeCatalogue([])));
    expect(problems.filter((p) => p.problem.code !== 'UNKNOWN_SCHEME')).toEqual([]);
  });

  it("Xuchang's star mappings name grades of the stars ladder ('5'…'0' in @domain/credit grade-ladder.ts), so they fire once the scheme is published", () => {
    const xuchang: KnownScheme = {
      schemeId: 'xuchang-taxi-stars',
      version: 1,
      ladderId: 'stars',
      grades: ['5', '4', '3', '2', '1', '0'],
      sectors: ['taxi'],
      regions: ['411000'],
    };
    const check = checkShippedConfiguration(schemeCatalogue([xuchang]));
    const mappings = check.measureCatalogue.mappings.filter((m) => m.id.startsWith('xuchang.'));
    expect(mappings.map((m) => [m.id, m.status])).toEqual([
      ['xuchang.charging.5-star', 'active'],
      ['xuchang.charging.4-star', 'active'],
      ['xuchang.charging.3-star-or-below', 'active'],
      ['xuchang.dispatch.high-stars', 'active'],
    ]);
  });
});

/*
 * The Henan mappings of branch henan-cities, checked against the schemes' ladders: they must be
 * active once evaluation publishes the schemes (seed 002 案例1, 案例2, 案例8, 案例10).
 */
describe('the shipped Henan city mappings (seed 002 案例1/2/8/10)', () => {
  const henan: KnownScheme = {
    schemeId: 'henan-passenger-hazardous-codes',
    version: 1,
    ladderId: 'traffic-light',
    grades: ['green', 'yellow', 'red'],
    sectors: ['road-passenger', 'hazardous-goods'],
    regions: ['410000'],
  };
  const luohe: KnownScheme = {
    schemeId: 'luohe-bus-captain-stars',
    version: 1,
    ladderId: 'stars',
    grades: ['5', '4', '3', '2', '1', '0'],
    sectors: ['bus'],
    regions: ['411100'],
  };
  const puyang: KnownScheme = {
    schemeId: 'puyang-taxi-firm',
    version: 1,
    ladderId: 'AAA-B',
    grades: ['AAA', 'AA', 'A', 'B'],
    sectors: ['taxi'],
    regions: ['410900'],
  };
  const check = checkShippedConfiguration(schemeCatalogue([henan, luohe, puyang]));
  const status = (prefix: string) => check.measureCatalogue.mappings.filter((m) => m.id.startsWith(prefix)).map((m) => [m.id, m.status]);

  it('Pingdingshan: below 800 (red) and yellow → joint on-site inspection; red → no new business; yellow → restricted; green → no visits (案例8)', () => {
    expect(status('pingdingshan.')).toEqual([
      ['pingdingshan.red.inspection.on-site', 'active'],
      ['pingdingshan.yellow.inspection.on-site', 'active'],
      ['pingdingshan.green.visits.exempt', 'active'],
      ['pingdingshan.red.new-business.denied', 'active'],
      ['pingdingshan.yellow.new-business.restricted', 'active'],
    ]);
  });

  it('Henan 两客一危: red loses honours and policy funding, green is first for them (案例1)', () => {
    expect(status('henan.passenger-hazardous.')).toEqual([
      ['henan.passenger-hazardous.red.no-support', 'active'],
      ['henan.passenger-hazardous.green.support', 'active'],
    ]);
  });

  it('Luohe: 1–5★ bus captains get 300/700/1200/1800/2500 元 (案例2)', () => {
    const mappings = check.measureCatalogue.mappings.filter((m) => m.id.startsWith('luohe.'));
    expect(mappings.map((m) => [m.item.when, m.item.value?.amount, m.status])).toEqual([
      [{ grade: { schemeId: 'luohe-bus-captain-stars', grades: ['1'] } }, 300, 'active'],
      [{ grade: { schemeId: 'luohe-bus-captain-stars', grades: ['2'] } }, 700, 'active'],
      [{ grade: { schemeId: 'luohe-bus-captain-stars', grades: ['3'] } }, 1200, 'active'],
      [{ grade: { schemeId: 'luohe-bus-captain-stars', grades: ['4'] } }, 1800, 'active'],
      [{ grade: { schemeId: 'luohe-bus-captain-stars', grades: ['5'] } }, 2500, 'active'],
    ]);
  });

  it('Puyang: AAA and AA taxi firms first for operating rights; the draw plan checks fewer good firms than bad (案例10)', () => {
    expect(status('puyang.')).toEqual([
      ['puyang.taxi.capacity.aaa', 'active'],
      ['puyang.taxi.capacity.aa', 'active'],
    ]);
    const plan = check.drawPlans.find((p) => p.id === 'puyang.taxi')!;
    expect(plan.status).toBe('active');
    expect(plan.item.ratios.AAA).toBeLessThan(plan.item.ratios.B!);
  });
});
