import type { PermitViolationDetectedV1 } from '@contracts';
import type { Deficiency } from './application-errors';

const REASON_MAX = 500;

/** What is wrong with a revocation request (the reason is required, and a sentence, not an essay). */
export function revocationViolations(reason: string | undefined): Deficiency[] {
  const text = reason?.trim() ?? '';
  if (!text) return [{ field: 'reason', reason: 'required' }];
  if (text.length > REASON_MAX) return [{ field: 'reason', reason: `at most ${REASON_MAX} characters` }];
  return [];
}

export interface FalseMaterialsFacts {
  permitNo: string;
  region: string;
  carrier: { uscc: string; name: string };
  tractorPlate: string;
  plateColour: string;
  reason: string;
  authority: { name: string; uscc: string };
  revokedAt: string;
}

/**
 * A permit obtained with false materials (隐瞒有关情况或者提供虚假材料, 62号令) as the violation
 * collection records: about the carrier, found in review of the application, severe (交办公路〔2017〕8号
 * lists it as serious dishonesty), one per permit (the episode is the permit number), so joint
 * measures' entry rule `false-materials-in-permit-application` bans the carrier for a year.
 */
export function falseMaterialsViolation(f: FalseMaterialsFacts): PermitViolationDetectedV1 {
  return {
    episodeId: `false-materials-${f.permitNo}`,
    subject: { kind: 'org', id: f.carrier.uscc, name: f.carrier.name },
    region: f.region,
    severity: 'severe',
    violationType: 'false-materials',
    permitNumber: f.permitNo,
    detectedAt: f.revokedAt,
    detectedBy: 'application-review',
    plate: f.tractorPlate,
    plateColour: f.plateColour,
    description: f.reason,
    foundBy: f.authority,
  };
}
