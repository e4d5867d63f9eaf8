import type { permitsV1 } from '@contracts';
import type { VehiclePositionsDto } from './vehicle-positions.dto';

export function toIngestPositionsRequest(body: VehiclePositionsDto): permitsV1.IngestPositionsRequest {
  return {
    foundBy: { name: body.foundBy.name, uscc: body.foundBy.uscc },
    reports: body.reports.map((r) => ({
      plate: r.plate,
      plateColour: r.plateColour,
      longitude: r.longitude,
      latitude: r.latitude,
      speedKmh: r.speedKmh,
      recordedAt: r.recordedAt,
      source: r.source ?? 'gnss',
      oversize: r.oversize ?? false,
    })),
  };
}

/** The answer: how many points were taken, which were flagged (by index) and the episodes opened. */
export interface VehiclePositionsView {
  accepted: number;
  flagged: { index: number; flags: string[] }[];
  reportedEpisodeIds: string[];
}

export function toVehiclePositionsView(response: permitsV1.IngestPositionsResponse): VehiclePositionsView {
  return {
    accepted: response.accepted,
    flagged: (response.flagged ?? []).map((f) => ({ index: f.index, flags: f.flags ?? [] })),
    reportedEpisodeIds: response.reportedEpisodeIds ?? [],
  };
}
