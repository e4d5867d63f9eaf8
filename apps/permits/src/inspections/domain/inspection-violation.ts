import { createHash } from 'node:crypto';
import type { PermitViolationDetectedV1 } from '@contracts';
import type { CheckpointKind, Inspection, Mismatch, PermitUnderInspection } from './inspection';

const DETECTED_BY: Record<CheckpointKind, PermitViolationDetectedV1['detectedBy']> = {
  'entry-weighing': 'entry-weighing',
  'exit-check': 'exit-check',
  roadside: 'roadside-inspection',
};

/**
 * One inspection is one episode: the id hashes the checkpoint, the vehicle and the time, so a retried
 * or re-sent inspection is the same violation record downstream (collection's source record id).
 */
export function inspectionEpisodeId(inspection: Inspection): string {
  const c = inspection.checkpoint;
  const digest = createHash('sha256').update(`${c.region}|${c.kind}|${c.name}|${inspection.tractorPlate}|${inspection.inspectedAt}`).digest('hex');
  return `ci-${digest.slice(0, 32)}`;
}

/** The record's violation type: the first mismatch decides (no permit, then the vehicle, the size, the time, the route). */
function violationTypeOf(mismatches: Mismatch[]): PermitViolationDetectedV1['violationType'] {
  const first = mismatches[0];
  switch (first.kind) {
    case 'no-permit':
      return 'no-permit';
    case 'wrong-vehicle':
      return 'mismatched-vehicle';
    case 'oversize':
      return mismatches.every((m) => m.kind !== 'oversize' || m.field === 'measured.grossMassKg') ? 'overweight' : 'mismatched-vehicle';
    case 'outside-window':
      return 'wrong-time';
    case 'off-route':
      return 'off-route';
  }
}

/**
 * A refused inspection as the oversize-transport-violation payload: about the carrier when a permit
 * names it, else the vehicle; every mismatch in the description. Severity 'general': seed 000 and
 * 62号令 grade no checkpoint finding (placeholder; the inspecting unit may re-grade).
 */
export function inspectionViolation(
  inspection: Inspection,
  permit: PermitUnderInspection | undefined,
  mismatches: Mismatch[],
  episodeId: string,
): PermitViolationDetectedV1 {
  const plate = inspection.tractorPlate.trim();
  return {
    episodeId,
    subject: permit ? { kind: 'org', id: permit.carrier.uscc, name: permit.carrier.name } : { kind: 'vehicle', id: plate, name: plate },
    region: inspection.checkpoint.region,
    severity: 'general',
    violationType: violationTypeOf(mismatches),
    ...(permit ? { permitNumber: permit.permitNo } : {}),
    detectedAt: new Date(inspection.inspectedAt).toISOString(),
    detectedBy: DETECTED_BY[inspection.checkpoint.kind],
    location: `${inspection.checkpoint.name} (${inspection.checkpoint.longitude.toFixed(6)},${inspection.checkpoint.latitude.toFixed(6)})`,
    plate,
    // Plates of oversize tractors are yellow (GA 36-2018, large vehicles), as the permit announces them.
    plateColour: 'yellow',
    description: mismatches.map((m) => m.message).join('；'),
    foundBy: inspection.foundBy,
  };
}
