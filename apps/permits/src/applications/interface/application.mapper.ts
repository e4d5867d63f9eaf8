import type { permitsV1 } from '@contracts';
import type { PermitApplicationView } from '../application/permit-application.view';
import type { PermitView } from '../application/permit.view';
import type { PermitApplicationDraft, TrailerType } from '../domain/permit-application';

/** The proto draft as the domain reads it; absent nested messages become empty values the check reports. */
export function fromApplicationDraft(d: permitsV1.ApplicationDraft | undefined): PermitApplicationDraft {
  const vehicle = d?.vehicle;
  return {
    carrierUscc: d?.carrierUscc ?? '',
    vehicle: {
      tractorPlate: vehicle?.tractorPlate ?? '',
      trailerPlate: vehicle?.trailerPlate ?? '',
      axleCount: vehicle?.axleCount ?? 0,
      configuration: (vehicle?.configuration ?? '') as 'truck' | 'combination',
      driveAxle: (vehicle?.driveAxle ?? '') as 'single' | 'tandem',
      trailerType: (vehicle?.trailerType ?? '') as TrailerType,
      axleLoadsKg: vehicle?.axleLoadsKg ?? [],
      tractorPlateColour: vehicle?.tractorPlateColour || undefined,
      trailerPlateColour: vehicle?.trailerPlateColour || undefined,
    },
    cargo: { description: d?.cargo?.description ?? '', divisible: d?.cargo?.divisible ?? false },
    dimensions: {
      heightM: d?.dimensions?.heightM ?? 0,
      widthM: d?.dimensions?.widthM ?? 0,
      lengthM: d?.dimensions?.lengthM ?? 0,
      grossMassKg: d?.dimensions?.grossMassKg ?? 0,
    },
    route: {
      origin: d?.origin ?? '',
      destination: d?.destination ?? '',
      segments: (d?.segments ?? []).map((s) => ({
        province: s.province,
        geometry: { type: 'LineString', coordinates: (s.points ?? []).map((p): [number, number] => [p.lon, p.lat]) },
      })),
    },
    window: { from: d?.windowFrom ?? '', to: d?.windowTo ?? '' },
    speedKmh: d?.speedKmh ?? 0,
    trips: (d?.trips ?? '') as 'single' | 'multi',
    escortPlan: d?.escortPlan || undefined,
    commitment: d?.commitment ?? false,
    attachments: (d?.attachments ?? []).map((a) => ({ kind: a.kind, sha256: a.sha256, sizeBytes: a.sizeBytes, mediaType: a.mediaType })),
  };
}

export function toPermitApplication(view: PermitApplicationView): permitsV1.PermitApplication {
  return {
    id: view.id,
    region: view.region,
    carrierUscc: view.carrierUscc,
    status: view.status,
    permitClass: view.permitClass ?? '',
    crossProvince: view.crossProvince,
    workingDays: view.workingDays ?? undefined,
    receivedOn: view.receivedOn,
    acceptedOn: view.acceptedOn ?? '',
    remoteInspection: view.remoteInspection ?? '',
    deadline: view.deadline ?? '',
    deadlineProvisional: view.deadlineProvisional,
    path: view.path,
    inspection: view.inspection,
    pathReasons: view.pathReasons,
    creditDecisionId: view.creditDecisionId ?? '',
    reasons: view.reasons,
    deficiencies: view.deficiencies,
    approvals: view.approvals.map((a) => ({
      province: a.province,
      state: a.state,
      reason: a.reason ?? '',
      answeredAt: a.answeredAt ?? '',
      overdue: a.overdue,
      escalatedAt: a.escalatedAt ?? '',
    })),
    decision: view.decision ?? '',
    decisionReason: view.decisionReason ?? '',
    permitNo: view.permitNo ?? '',
  };
}

export function toPermit(p: PermitView): permitsV1.Permit {
  return {
    permitNo: p.permitNo,
    applicationId: p.applicationId,
    region: p.region,
    carrierUscc: p.carrierUscc,
    carrierName: p.carrierName,
    permitClass: p.permitClass,
    tractorPlate: p.vehicle.tractorPlate,
    trailerPlate: p.vehicle.trailerPlate,
    axleCount: p.vehicle.axleCount,
    origin: p.route.origin,
    destination: p.route.destination,
    provinces: p.route.provinces,
    dimensions: p.dimensions,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    trips: p.trips,
    issuedAt: p.issuedAt,
    revokedAt: p.revocation?.revokedAt ?? '',
    revocationReason: p.revocation?.reason ?? '',
    falseMaterials: p.revocation?.falseMaterials ?? false,
  };
}
