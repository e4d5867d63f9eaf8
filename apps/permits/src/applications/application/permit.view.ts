/** A permit as officers read it (GET /api/v1/permits/{permitNo}). */
export interface PermitView {
  permitNo: string;
  applicationId: string;
  region: string;
  carrierUscc: string;
  carrierName: string;
  permitClass: 'I' | 'II' | 'III';
  vehicle: { tractorPlate: string; trailerPlate: string; axleCount: number };
  route: { origin: string; destination: string; provinces: string[] };
  dimensions: { heightM: number; widthM: number; lengthM: number; grossMassKg: number };
  validFrom: string;
  validUntil: string;
  trips: 'single' | 'multi';
  issuedAt: string;
  /** Null while in force; set once by the issuing authority. */
  revocation: PermitRevocation | null;
}

export interface PermitRevocation {
  reason: string;
  /** The application gave false materials (62号令: the carrier may not apply for a year). */
  falseMaterials: boolean;
  revokedBy: string;
  revokedAt: string;
}
