/**
 * Events of the permits service (oversize transport, DOMAIN.md §7; issue 18). Published through
 * permits' outbox on the PERMITS stream.
 */

/** A vehicle as a permit names it: the tractor and, for a combination, the trailer (plate + colour, GA 36). */
export interface PermitVehicleV1 {
  tractorPlate: string;
  tractorPlateColour: string;
  trailerPlate?: string;
  trailerPlateColour?: string;
}

/**
 * A permitted route: ordered segments, each a GeoJSON LineString in WGS-84/CGCS2000 degrees
 * ([longitude, latitude]) with the GB/T 2260 province code it lies in.
 */
export interface PermitRouteV1 {
  segments: { province: string; line: { type: 'LineString'; coordinates: [number, number][] } }[];
}

/**
 * Payload of `permits.permit.issued` v1: an oversize transport permit (超限运输车辆通行证) in force.
 * Route conformance keeps the permitted route and window of every active permit from it;
 * collection turns it into an `administrative-licence` record (双公示), so it is published on time.
 */
export interface PermitIssuedV1 {
  permitNo: string;
  applicationId: string;
  carrier: { uscc: string; name: string };
  vehicle: PermitVehicleV1;
  /** I | II | III (62号令 as amended by 2021年第12号). */
  permitClass: 'I' | 'II' | 'III';
  route: PermitRouteV1;
  /** Permitted dimensions (metres) and gross mass (kilograms) of the loaded vehicle. */
  dimensions: { heightM: number; widthM: number; lengthM: number; grossMassKg: number };
  /** ISO 8601 instants with offset: the time window the vehicle may travel in. */
  validFrom: string;
  validUntil: string;
  /** single | multi (multi-trip: at most 6 months, same vehicle, route, cargo and loading). */
  trips: 'single' | 'multi';
  /** The issuing (origin) province's authority: GB/T 2260 region, name and USCC (许可机关, 双公示). */
  issuedBy: { region: string; authority: string; authorityUscc: string };
  issuedAt: string;
}

/** Payload of `permits.permit.revoked` v1: a permit withdrawn (false materials, the carrier's request…). */
export interface PermitRevokedV1 {
  permitNo: string;
  applicationId: string;
  carrierUscc: string;
  reason: string;
  revokedBy: string;
  revokedAt: string;
}

/**
 * Payload of `permits.violations.detected` v1: an oversize transport violation found by a
 * checkpoint inspection, route conformance or review after the trip. Collection turns it into an
 * `oversize-transport-violation` record (catalogue v1; the fields below are that type's payload),
 * about the carrier when known, else the vehicle. `episodeId` is stable: a re-delivery or a
 * repeated detection of the same episode is one record (the record's sourceRecordId).
 */
export interface PermitViolationDetectedV1 {
  episodeId: string;
  subject: { kind: 'org' | 'vehicle'; id: string; name: string };
  /** GB/T 2260 code of where it was found (the record's region). */
  region: string;
  severity: 'minor' | 'general' | 'severe';
  violationType: 'no-permit' | 'off-route' | 'wrong-time' | 'mismatched-vehicle' | 'no-escort' | 'overweight' | 'false-materials' | 'other';
  /** Required unless violationType is no-permit. */
  permitNumber?: string;
  detectedAt: string;
  detectedBy: 'entry-weighing' | 'exit-check' | 'trajectory-comparison' | 'etc-gantry' | 'roadside-inspection' | 'application-review' | 'other';
  location?: string;
  plate: string;
  plateColour: string;
  description?: string;
  /** The unit that found it (the record's authority). */
  foundBy: { name: string; uscc: string };
}

/**
 * Payload of `permits.approvals.answered` v1 (integration event): a province on a cross-province
 * route answered its parallel approval (并联审批). A refusal refuses the application at once
 * (`applicationRefused`); approvals leave the issue to the accepting authority. Pull form:
 * `GET /api/v1/permit-applications/{applicationId}` (approvals[]).
 */
export interface PermitApprovalAnsweredV1 {
  applicationId: string;
  /** The accepting (origin) authority's region: whose supervisors follow the application. */
  acceptingRegion: string;
  /** GB/T 2260 code of the answering province. */
  province: string;
  decision: 'approved' | 'refused';
  /** The province's reason (required for a refusal). */
  reason?: string;
  applicationRefused: boolean;
  answeredBy: string;
  answeredAt: string;
}

/**
 * Payload of `permits.approvals.escalated` v1 (integration event): a province had not answered by
 * the cross-province deadline and was escalated, once. Pull form:
 * `GET /api/v1/permit-applications/{applicationId}` (approvals[].overdue, escalatedAt).
 */
export interface PermitApprovalEscalatedV1 {
  applicationId: string;
  acceptingRegion: string;
  province: string;
  /** The decision deadline the province missed (ISO date, China). */
  deadline: string;
  escalatedAt: string;
}
