import { regionName } from './region-names';

/*
 * Expected names are GB/T 2260 as published (国家统计局 统计用区划代码, 民政部 行政区划代码), not the
 * table's output: a person reads the place from the province down.
 */
describe('regionName (GB/T 2260)', () => {
  it.each([
    ['410000', '河南省'],
    ['410100', '河南省郑州市'],
    ['410102', '河南省郑州市中原区'],
    ['420100', '湖北省武汉市'],
    ['411100', '河南省漯河市'],
    ['120000', '天津市'],
    ['120101', '天津市和平区'],
    ['320500', '江苏省苏州市'],
  ])('%s is %s', (code, name) => {
    expect(regionName(code)).toBe(name);
  });

  it('skips the standard’s placeholder levels: 仙桃市 is directly under 湖北省', () => {
    expect(regionName('429004')).toBe('湖北省仙桃市');
  });

  it('names a municipality’s prefecture level (no entry of its own) by the municipality', () => {
    expect(regionName('120100')).toBe('天津市');
  });

  it('reads full-width digits as the identifiers do', () => {
    expect(regionName('４１０１００')).toBe('河南省郑州市');
  });

  it('knows nothing of what is not a code', () => {
    expect(regionName('41')).toBeUndefined();
    expect(regionName('990000')).toBeUndefined();
    expect(regionName('abcdef')).toBeUndefined();
  });
});
