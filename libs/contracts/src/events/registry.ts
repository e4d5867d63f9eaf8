/**
 * The subject registry (主体库), owned by collection: who the subjects are, independent of any
 * record about them. Each event carries the subject's whole current registration (not a diff), so
 * a consumer keeps its own copy by upserting on `revision` (higher wins; an older revision that
 * arrives late is ignored).
 */

/** Where a registration came from: the registry API, a batch import, or a licence record. */
export type RegistrySource = 'api' | 'import' | 'licence-record';

export interface RegistryLicenceV1 {
  /** e.g. 道路运输经营许可证 number. */
  number: string;
  /** Sector codes of @domain/credit SECTORS this licence's business scope covers. */
  sectors: string[];
  validFrom: string | null;
  validUntil: string | null;
  authority: string | null;
}

/** Payload of `credit.registry.enterprises.changed` v1. */
export interface RegistryEnterpriseChangedV1 {
  uscc: string;
  name: string;
  /** GB/T 2260 code of the registering authority's place. */
  region: string;
  /** Union of the sectors of the enterprise's licences in force, plus any declared directly. */
  sectors: string[];
  licences: RegistryLicenceV1[];
  /** Date the enterprise was registered (成立/取得经营许可), YYYY-MM-DD; tenure rules count from it. */
  registeredOn: string | null;
  /** Credit registration (信用注册), commitment (信用承诺) and self-assessment (信用自评) status. */
  credit: { registered: boolean; committed: boolean; selfAssessed: boolean };
  /** Deregistered (注销) enterprises stay in the registry with active = false. */
  active: boolean;
  revision: number;
  source: RegistrySource;
  changedAt: string;
}

/** Payload of `credit.registry.vehicles.changed` v1. */
export interface RegistryVehicleChangedV1 {
  /** Normalised plate, e.g. 豫A12345. */
  plate: string;
  /** 车牌颜色: blue, yellow, green, yellow-green, white, black. */
  plateColour: string;
  /** The owning carrier, null when it has none in the registry. */
  carrierUscc: string | null;
  /** The carrier before this change, when it moved (so fleet counts can move with it). */
  previousCarrierUscc: string | null;
  region: string;
  /** e.g. tractor, semi-trailer, bus, taxi, tanker. */
  vehicleType: string;
  axles: number | null;
  /** 道路运输证号. */
  transportCertificate: string | null;
  active: boolean;
  revision: number;
  source: RegistrySource;
  changedAt: string;
}

/** Payload of `credit.registry.drivers.changed` v1. The citizen id never leaves internal services unmasked. */
export interface RegistryDriverChangedV1 {
  citizenId: string;
  name: string;
  /** 从业资格证号. */
  qualificationCertificate: string | null;
  /** 从业资格类别, e.g. taxi, road-passenger, hazardous-goods. */
  qualificationSectors: string[];
  employerUscc: string | null;
  previousEmployerUscc: string | null;
  region: string;
  /** Date the driver first held the qualification, YYYY-MM-DD (tenure rules). */
  qualifiedOn: string | null;
  active: boolean;
  revision: number;
  source: RegistrySource;
  changedAt: string;
}

/** Payload of `credit.registry.vessels.changed` v1. */
export interface RegistryVesselChangedV1 {
  /** 船舶识别号 (CN + 11 digits), as @domain/identifiers normalises it. */
  vesselId: string;
  name: string;
  ownerUscc: string | null;
  previousOwnerUscc: string | null;
  region: string;
  vesselType: string | null;
  grossTonnage: number | null;
  active: boolean;
  revision: number;
  source: RegistrySource;
  changedAt: string;
}
