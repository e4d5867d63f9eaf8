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
