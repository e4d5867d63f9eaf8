import type { permitsV1 } from '@contracts';
import type { SubmitPermitApplicationDto } from './permit-application.dto';

export interface ProvinceApprovalBody {
  province: string;
  state: string;
  reason: string | null;
  /** When the province answered. */
  answeredAt: string | null;
  /** Still pending after the cross-province deadline. */
  overdue: boolean;
  /** When the overdue province was escalated. */
  escalatedAt: string | null;
}

/** An application as the API answers it (API.md "Permits"). */
export interface PermitApplicationBody {
  id: string;
  region: string;
  carrierUscc: string;
  status: string;
  permitClass: string | null;
  crossProvince: boolean;
  routeProvinces: string[];
  workingDays: number | null;
  receivedOn: string;
  acceptedOn: string | null;
  remoteInspection: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  path: string;
  inspection: string;
  pathReasons: string[];
  creditDecisionId: string | null;
  reasons: string[];
  deficiencies: { field: string; reason: string }[];
  approvals: ProvinceApprovalBody[];
  decision: string | null;
  decisionReason: string | null;
  permitNo: string | null;
}

/** A permit as officers read it. */
export interface PermitBody {
  permitNo: string;
  applicationId: string;
  region: string;
  carrier: { uscc: string; name: string };
  permitClass: string;
  vehicle: { tractorPlate: string; trailerPlate: string | null; axleCount: number };
  route: { origin: string; destination: string; provinces: string[] };
  dimensions: { heightM: number; widthM: number; lengthM: number; grossMassKg: number } | null;
  validFrom: string;
  validUntil: string;
  trips: string;
  issuedAt: string;
  revocation: { reason: string; falseMaterials: boolean; revokedAt: string } | null;
}

export function toPermitBody(p: permitsV1.Permit | undefined): PermitBody {
  if (!p) throw new Error('permits answered without a permit');
  return {
    permitNo: p.permitNo,
    applicationId: p.applicationId,
    region: p.region,
    carrier: { uscc: p.carrierUscc, name: p.carrierName },
    permitClass: p.permitClass,
    vehicle: { tractorPlate: p.tractorPlate, trailerPlate: p.trailerPlate || null, axleCount: p.axleCount },
    route: { origin: p.origin, destination: p.destination, provinces: p.provinces },
    dimensions: p.dimensions ?? null,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    trips: p.trips,
    issuedAt: p.issuedAt,
    revocation: p.revokedAt ? { reason: p.revocationReason, falseMaterials: p.falseMaterials, revokedAt: p.revokedAt } : null,
  };
}

export function toPermitApplicationBody(a: permitsV1.PermitApplication | undefined): PermitApplicationBody {
  if (!a) throw new Error('permits answered without an application');
  return {
    id: a.id,
    region: a.region,
    carrierUscc: a.carrierUscc,
    status: a.status,
    permitClass: a.permitClass || null,
    crossProvince: a.crossProvince,
    routeProvinces: a.approvals.map((p) => p.province),
    workingDays: a.workingDays ?? null,
    receivedOn: a.receivedOn,
    acceptedOn: a.acceptedOn || null,
    remoteInspection: a.remoteInspection || null,
    deadline: a.deadline || null,
    deadlineProvisional: a.deadlineProvisional,
    path: a.path,
    inspection: a.inspection,
    pathReasons: a.pathReasons,
    creditDecisionId: a.creditDecisionId || null,
    reasons: a.reasons,
    deficiencies: a.deficiencies,
    approvals: a.approvals.map((p) => ({
      province: p.province,
      state: p.state,
      reason: p.reason || null,
      answeredAt: p.answeredAt || null,
      overdue: p.overdue,
      escalatedAt: p.escalatedAt || null,
    })),
    decision: a.decision || null,
    decisionReason: a.decisionReason || null,
    permitNo: a.permitNo || null,
  };
}

export function toApplicationDraft(body: SubmitPermitApplicationDto): permitsV1.ApplicationDraft {
  return {
    carrierUscc: body.carrierUscc,
    vehicle: {
      ...body.vehicle,
      trailerPlate: body.vehicle.trailerPlate ?? '',
      tractorPlateColour: body.vehicle.tractorPlateColour ?? '',
      trailerPlateColour: body.vehicle.trailerPlateColour ?? '',
    },
    cargo: body.cargo,
    dimensions: body.dimensions,
    origin: body.route.origin,
    destination: body.route.destination,
    segments: body.route.segments.map((s) => ({
      province: s.province,
      // A point that is not two numbers becomes NaN, which the service reports as outside China.
      points: s.geometry.coordinates.map((c) => ({ lon: toNumber(c?.[0]), lat: toNumber(c?.[1]) })),
    })),
    windowFrom: body.window.from,
    windowTo: body.window.to,
    speedKmh: body.speedKmh,
    trips: body.trips,
    escortPlan: body.escortPlan ?? '',
    commitment: body.commitment,
    attachments: body.attachments ?? [],
  };
}

const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);
