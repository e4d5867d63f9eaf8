import { permitVerificationUrl, qrFormatOf } from './permit-qr-code';

describe("a permit's QR code (issue 18 item 6: the QR opens the public verification)", () => {
  it('names the public verification route on the public base URL, whatever trailing slash it is configured with', () => {
    expect(permitVerificationUrl('https://credit.example.invalid', '410000-2026-000001')).toBe('https://credit.example.invalid/#/permits/410000-2026-000001');
    expect(permitVerificationUrl('https://credit.example.invalid/', '410000-2026-000001')).toBe('https://credit.example.invalid/#/permits/410000-2026-000001');
  });

  it('escapes a permit number that is not URL-safe', () => {
    expect(permitVerificationUrl('https://x.invalid', '豫 1/2')).toBe('https://x.invalid/#/permits/%E8%B1%AB%201%2F2');
  });

  it('is SVG unless PNG is asked for; any other format is refused', () => {
    expect([qrFormatOf(''), qrFormatOf('PNG'), qrFormatOf('svg'), qrFormatOf('gif')]).toEqual(['svg', 'png', 'svg', undefined]);
  });

  it('refuses the names every object inherits (constructor, __proto__…): they are not formats', () => {
    expect(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'].map(qrFormatOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
