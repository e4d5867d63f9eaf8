import type { PermitViolationDetectedV1 } from '@contracts';
import type { Episode } from './episodes';

/** Who found it and where: the monitoring authority of the region the positions came from. */
export interface DetectionContext {
  region: string;
  foundBy: { name: string; uscc: string };
}

const DESCRIPTION: Record<Episode['kind'], string> = {
  'off-route': '车辆行驶轨迹偏离许可路线通行走廊',
  'wrong-time': '车辆在许可时间以外沿许可路线行驶',
  'no-permit': 'ETC门架检测为超限车辆，无有效超限运输许可',
};

/**
 * The violation event of an episode (PermitViolationDetectedV1 = the oversize-transport-violation
 * payload). About the carrier when the permit names it, else the vehicle. Severity 'general': 62号令
 * (seed 000, 002) grades no trajectory finding; the finding unit may re-grade — a placeholder.
 */
export function violationOf(episode: Episode, context: DetectionContext): PermitViolationDetectedV1 {
  const carrier = episode.permit?.carrier;
  return {
    episodeId: episode.episodeId,
    subject: carrier ? { kind: 'org', id: carrier.uscc, name: carrier.name } : { kind: 'vehicle', id: episode.plate, name: episode.plate },
    region: context.region,
    severity: 'general',
    violationType: episode.kind,
    ...(episode.permitNo ? { permitNumber: episode.permitNo } : {}),
    detectedAt: new Date(episode.startedAt).toISOString(),
    detectedBy: episode.first.source === 'gantry' ? 'etc-gantry' : 'trajectory-comparison',
    location: `${episode.first.longitude.toFixed(6)},${episode.first.latitude.toFixed(6)}`,
    plate: episode.plate,
    plateColour: episode.plateColour,
    description: DESCRIPTION[episode.kind],
    foundBy: context.foundBy,
  };
}
