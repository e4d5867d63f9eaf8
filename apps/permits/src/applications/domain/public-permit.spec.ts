import { maskPlate, validityOn } from './public-permit';

describe('public permit verification', () => {
  it('masks plates between the office letter and the last two characters', () => {
    expect(maskPlate('豫A12345')).toBe('豫A***45');
    expect(maskPlate('豫A6789挂')).toBe('豫A***9挂');
    expect(maskPlate('豫A1')).toBe('***');
  });

  it('is valid inside its window, both ends included', () => {
    expect(validityOn('2026-12-09', '2026-12-10', '2026-12-12')).toBe('not-yet-valid');
    expect(validityOn('2026-12-10', '2026-12-10', '2026-12-12')).toBe('valid');
    expect(validityOn('2026-12-12', '2026-12-10', '2026-12-12')).toBe('valid');
    expect(validityOn('2026-12-13', '2026-12-10', '2026-12-12')).toBe('expired');
  });

  it('a revoked permit reads revoked, inside its window or not', () => {
    expect(validityOn('2026-12-11', '2026-12-10', '2026-12-12', true)).toBe('revoked');
    expect(validityOn('2026-12-09', '2026-12-10', '2026-12-12', true)).toBe('revoked');
  });
});
