import { isValidVesselId, parseVesselId } from './vessel-id';

describe('parseVesselId', () => {
  it('accepts CN and 11 digits, normalised', () => {
    expect(parseVesselId('CN20151234567')).toEqual({ ok: true, value: 'CN20151234567' });
    expect(parseVesselId(' cn 2015 123 4567 ')).toEqual({ ok: true, value: 'CN20151234567' });
    expect(parseVesselId('ＣＮ２０１５１２３４５６７')).toEqual({ ok: true, value: 'CN20151234567' });
  });

  it.each(['', 'CN2015123456', 'CN201512345678', 'US20151234567', '豫信航1688', 'CN2015123456X'])('rejects %p', (id) => {
    expect(parseVesselId(id)).toMatchObject({ ok: false, reason: 'FORMAT' });
    expect(isValidVesselId(id)).toBe(false);
  });
});
