import { inProvinceExtent, PROVINCE_EXTENTS } from './province-extents';

/* Approximate province extents (ADR 0063): capitals inside their own province, far cities outside. */
describe('province extents (approximate)', () => {
  it('every provincial-level division of GB/T 2260 has an extent (34)', () => {
    expect(Object.keys(PROVINCE_EXTENTS)).toHaveLength(34);
  });

  it.each([
    ['410000', [113.62, 34.75], '郑州'],
    ['420000', [114.3, 30.59], '武汉'],
    ['320000', [120.62, 31.3], '苏州'],
    ['330000', [120.15, 30.27], '杭州'],
    ['650000', [87.62, 43.83], '乌鲁木齐'],
    ['460000', [110.35, 20.02], '海口'],
  ] as const satisfies readonly (readonly [string, readonly [number, number], string])[])('%s contains %s (%s)', (province, point, _city) => {
    expect(inProvinceExtent(province, point)).toBe(true);
  });

  it('Wuhan is not in Henan, Zhengzhou is not in Hubei, Beijing is not in Guangdong', () => {
    expect(inProvinceExtent('410000', [114.3, 30.59])).toBe(false);
    expect(inProvinceExtent('420000', [113.62, 34.75])).toBe(false);
    expect(inProvinceExtent('440000', [116.4, 39.9])).toBe(false);
  });

  it('a code that names no province answers undefined (the code check reports it)', () => {
    expect(inProvinceExtent('990000', [114, 30])).toBeUndefined();
  });
});
