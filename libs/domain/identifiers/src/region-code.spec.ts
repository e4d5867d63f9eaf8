import fc from 'fast-check';
import {
  cityOf,
  isValidRegionCode,
  parseRegionCode,
  PROVINCE_NAMES,
  PROVINCE_PREFIXES,
  provinceNameOf,
  provinceOf,
  regionContains,
  regionLevel,
  regionPrefix,
  type RegionCode,
} from './region-code';
import { regionCodeArb } from './arbitraries.fixture';

function region(code: string): RegionCode {
  const parsed = parseRegionCode(code);
  if (!parsed.ok) throw new Error(`test setup: ${code} is invalid (${parsed.reason})`);
  return parsed.value;
}

describe('parseRegionCode (GB/T 2260)', () => {
  it.each(['110000', '410000', '410100', '410102', '419001', '650000', '710000', '810000', '820000'])('accepts %s', (code) => {
    expect(parseRegionCode(code)).toEqual({ ok: true, value: code });
  });

  it('normalises full-width digits and surrounding whitespace', () => {
    expect(parseRegionCode(' ４１０１００ ')).toEqual({ ok: true, value: '410100' });
  });

  it.each(['41010', '4101000', '41A100', '', '410 100'])('rejects %p as FORMAT', (code) => {
    expect(parseRegionCode(code)).toMatchObject({ ok: false, reason: 'FORMAT' });
  });

  it.each(['100000', '160000', '240000', '380000', '470000', '550000', '660000', '720000', '830000', '000000'])('rejects %s as PROVINCE', (code) => {
    expect(parseRegionCode(code)).toMatchObject({ ok: false, reason: 'PROVINCE' });
    expect(isValidRegionCode(code)).toBe(false);
  });

  it('failures carry a message', () => {
    const result = parseRegionCode('990000');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/99/);
  });
});

describe('region levels and prefixes', () => {
  it.each([
    ['410000', 'province', '41'],
    ['410100', 'city', '4101'],
    ['410102', 'county', '410102'],
    ['419001', 'county', '419001'],
  ] as const)('%s is a %s with prefix %s', (code, level, prefix) => {
    expect(regionLevel(region(code))).toBe(level);
    expect(regionPrefix(region(code))).toBe(prefix);
  });

  it('provinceOf and cityOf', () => {
    expect(provinceOf(region('410102'))).toBe('410000');
    expect(provinceOf(region('410000'))).toBe('410000');
    expect(cityOf(region('410102'))).toBe('410100');
    expect(cityOf(region('410100'))).toBe('410100');
    expect(cityOf(region('410000'))).toBeUndefined();
  });
});

describe('regionContains', () => {
  it('follows the hierarchy', () => {
    expect(regionContains(region('410000'), region('410102'))).toBe(true);
    expect(regionContains(region('410000'), region('410100'))).toBe(true);
    expect(regionContains(region('410100'), region('410102'))).toBe(true);
    expect(regionContains(region('410100'), region('410200'))).toBe(false);
    expect(regionContains(region('410100'), region('410000'))).toBe(false);
    expect(regionContains(region('410000'), region('420100'))).toBe(false);
    expect(regionContains(region('410102'), region('410103'))).toBe(false);
    expect(regionContains(region('410102'), region('410102'))).toBe(true);
  });

  it('is reflexive', () => {
    fc.assert(fc.property(regionCodeArb, (code) => regionContains(region(code), region(code))));
  });

  it('agrees with the significant prefix', () => {
    fc.assert(
      fc.property(regionCodeArb, regionCodeArb, (scope, code) => {
        const expected = code.startsWith(regionPrefix(region(scope)));
        expect(regionContains(region(scope), region(code))).toBe(expected);
      }),
    );
  });

  it('places every code inside its province and city', () => {
    fc.assert(
      fc.property(regionCodeArb, (code) => {
        const c = region(code);
        expect(regionContains(provinceOf(c), c)).toBe(true);
        const city = cityOf(c);
        if (city !== undefined) expect(regionContains(city, c)).toBe(true);
      }),
    );
  });

  it('is transitive', () => {
    const sixDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 });
    // Build b inside a and c inside b, so the premise always holds.
    const inside = (scope: RegionCode, fill: string) => {
      const prefix = regionPrefix(scope);
      return region(prefix + fill.slice(prefix.length));
    };
    fc.assert(
      fc.property(regionCodeArb, sixDigits, sixDigits, (a, fillB, fillC) => {
        const ra = region(a);
        const rb = inside(ra, fillB);
        const rc = inside(rb, fillC);
        expect(regionContains(ra, rb) && regionContains(rb, rc)).toBe(true);
        expect(regionContains(ra, rc)).toBe(true);
      }),
    );
  });

  it('is antisymmetric: mutual containment means the same code', () => {
    fc.assert(
      fc.property(regionCodeArb, regionCodeArb, (a, b) => {
        if (regionContains(region(a), region(b)) && regionContains(region(b), region(a))) {
          expect(a).toBe(b);
        }
      }),
    );
  });
});

describe('provinceNameOf (GB/T 2260 province-level names)', () => {
  it.each([
    ['410000', '河南省'],
    ['410100', '河南省'],
    ['420000', '湖北省'],
    ['120000', '天津市'],
    ['450000', '广西壮族自治区'],
    ['820000', '澳门特别行政区'],
  ])('%s lies in %s', (code, name) => {
    expect(provinceNameOf(region(code))).toBe(name);
  });

  it('names all 34 province-level divisions, each once', () => {
    expect(PROVINCE_PREFIXES).toHaveLength(34);
    expect(new Set(Object.values(PROVINCE_NAMES)).size).toBe(34);
  });
});
