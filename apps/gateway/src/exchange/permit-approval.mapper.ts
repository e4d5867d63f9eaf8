import type { permitsV1 } from '@contracts';

/** What a partner province reads to decide (API.md "Permits", exchange). */
export interface PermitApprovalBody {
  applicationId: string;
  originProvince: string;
  province: string;
  state: string;
  carrierUscc: string;
  permitClass: string | null;
  vehicle: permitsV1.ApplicationVehicle | null;
  cargo: permitsV1.ApplicationCargo | null;
  dimensions: permitsV1.ApplicationDimensions | null;
  route: {
    origin: string;
    destination: string;
    segments: { province: string; geometry: { type: 'LineString'; coordinates: [number, number][] } }[];
  };
  window: { from: string; to: string };
  deadline: string | null;
  overdue: boolean;
  escalatedAt: string | null;
}

export function toPermitApprovalBody(v: permitsV1.PermitApprovalRequestView): PermitApprovalBody {
  return {
    applicationId: v.applicationId,
    originProvince: v.originProvince,
    province: v.province,
    state: v.state,
    carrierUscc: v.carrierUscc,
    permitClass: v.permitClass || null,
    vehicle: v.vehicle ?? null,
    cargo: v.cargo ?? null,
    dimensions: v.dimensions ?? null,
    route: {
      origin: v.origin,
      destination: v.destination,
      segments: v.segments.map((s) => ({
        province: s.province,
        geometry: { type: 'LineString' as const, coordinates: s.points.map((p): [number, number] => [p.lon, p.lat]) },
      })),
    },
    window: { from: v.windowFrom, to: v.windowTo },
    deadline: v.deadline || null,
    overdue: v.overdue,
    escalatedAt: v.escalatedAt || null,
  };
}
