import { defineFactory } from './factory';

describe('defineFactory', () => {
  const subject = defineFactory((n) => ({ id: `s${n}`, name: 'x', address: { city: '郑州', region: '410100' }, tags: ['a'] }));

  it('numbers each build and deep-merges overrides', () => {
    const a = subject();
    const b = subject({ address: { region: '410102' }, tags: ['b'] });
    expect(a.id).not.toBe(b.id);
    expect(b.address).toEqual({ city: '郑州', region: '410102' });
    expect(b.tags).toEqual(['b']);
  });
});
