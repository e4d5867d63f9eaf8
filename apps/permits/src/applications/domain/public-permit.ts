/**
 * What anyone may read of a permit (the public verification a QR code opens): the carrier, an
 * enterprise, in full, as its published administrative licences show it (双公示); plates masked
 * like other personal-adjacent identifiers on public output (GB/T 35273-2020 restricted display):
 * the province character and the issuing-office letter, then the last two characters.
 */
const MASK = '*';

export function maskPlate(plate: string): string {
  const chars = [...plate.trim()];
  if (chars.length <= 4) return MASK.repeat(chars.length);
  return chars.slice(0, 2).join('') + MASK.repeat(chars.length - 4) + chars.slice(-2).join('');
}

/** valid on a China date inside the window; not yet valid before it; expired after it; revoked whenever revoked. */
export type PermitValidity = 'valid' | 'not-yet-valid' | 'expired' | 'revoked';

export function validityOn(today: string, validFrom: string, validUntil: string, revoked = false): PermitValidity {
  if (revoked) return 'revoked';
  if (today < validFrom) return 'not-yet-valid';
  if (today > validUntil) return 'expired';
  return 'valid';
}
