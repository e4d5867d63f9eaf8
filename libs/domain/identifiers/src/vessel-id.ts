import { fail, ok, type Result } from './result';
import { normaliseCode } from './normalise';

/**
 * Ship identification number (船舶识别号) granted by the China Maritime Safety Administration:
 * "CN" followed by 11 digits (keel-laying year, serial, check digit). The check-digit algorithm is
 * not published in our sources, so only the shape is validated.
 */
export type VesselId = string & { readonly __brand: 'VesselId' };

export type VesselIdFailureReason = 'FORMAT';

export function parseVesselId(input: string): Result<VesselId, VesselIdFailureReason> {
  const id = normaliseCode(input).replace(/\s+/g, '');
  if (!/^CN\d{11}$/.test(id)) {
    return fail('FORMAT', `a ship identification number is "CN" and 11 digits, got "${id}"`);
  }
  return ok(id as VesselId);
}

export function isValidVesselId(input: string): boolean {
  return parseVesselId(input).ok;
}
