import type { permitsV1 } from '@contracts';
import type { PendingApprovalView } from '../application/pending-approval.view';

export function toPermitApprovalRequestView(v: PendingApprovalView): permitsV1.PermitApprovalRequestView {
  return {
    applicationId: v.applicationId,
    originProvince: v.originProvince,
    province: v.province,
    state: v.state,
    carrierUscc: v.carrierUscc,
    permitClass: v.permitClass ?? '',
    vehicle: {
      ...v.vehicle,
      tractorPlateColour: v.vehicle.tractorPlateColour ?? '',
      trailerPlateColour: v.vehicle.trailerPlateColour ?? '',
      axleLoadsKg: [...v.vehicle.axleLoadsKg],
    },
    cargo: { ...v.cargo },
    dimensions: { ...v.dimensions },
    origin: v.origin,
    destination: v.destination,
    segments: v.segments.map((s) => ({ province: s.province, points: s.geometry.coordinates.map(([lon, lat]) => ({ lon, lat })) })),
    windowFrom: v.window.from,
    windowTo: v.window.to,
    deadline: v.deadline ?? '',
    overdue: v.overdue,
    escalatedAt: v.escalatedAt ?? '',
  };
}
