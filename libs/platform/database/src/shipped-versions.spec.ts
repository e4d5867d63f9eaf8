import { canonicalJson, contentHash, decideShippedUpdate, SHIPPED_BY } from './shipped-versions';

describe('shipped versions (ADR 0047)', () => {
  const v = (version: number, uploadedBy: string, hash: string) => ({ version, uploadedBy, contentHash: hash });

  it('hashes content, not key order or undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1, c: undefined }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it('stores a first version, then only when the shipped document changed since the last shipped version', () => {
    expect(decideShippedUpdate('new', [])).toEqual({ action: 'store-first' });
    expect(decideShippedUpdate('h1', [v(1, SHIPPED_BY, 'h1')])).toEqual({ action: 'current' });
    expect(decideShippedUpdate('h2', [v(1, SHIPPED_BY, 'h1')])).toEqual({ action: 'store', version: 2, replacesShipped: 1 });
    // An operator's version before the last shipped one is not "since": the shipped change applies.
    expect(decideShippedUpdate('h3', [v(1, SHIPPED_BY, 'h1'), v(2, 'henan-regulator', 'x'), v(3, SHIPPED_BY, 'h2')])).toEqual({
      action: 'store',
      version: 4,
      replacesShipped: 3,
    });
  });

  it('never overrides an operator version uploaded since, unless it already carries the shipped content', () => {
    expect(decideShippedUpdate('h2', [v(1, SHIPPED_BY, 'h1'), v(2, 'henan-regulator', 'x')])).toEqual({
      action: 'held',
      shippedVersion: 1,
      operatorVersion: 2,
    });
    expect(decideShippedUpdate('h2', [v(1, SHIPPED_BY, 'h1'), v(2, 'henan-regulator', 'h2'), v(3, 'henan-regulator', 'y')])).toEqual({
      action: 'current',
    });
    // An id an operator created before the build shipped it.
    expect(decideShippedUpdate('h', [v(1, 'jiaozuo-regulator', 'x')])).toEqual({ action: 'held', shippedVersion: 0, operatorVersion: 1 });
  });
});
