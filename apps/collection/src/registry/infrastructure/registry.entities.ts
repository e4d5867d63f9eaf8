import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@domain/credit';
import type { PlateColour } from '@domain/identifiers';
import type { RegistrySource } from '@contracts';
import type { Licence } from '../domain/enterprise';

/** Columns every registration carries: its revision and where the last change came from. */
abstract class Revisioned {
  @Column({ type: 'boolean' }) active: boolean;
  /** 1 for the first registration, +1 for each change of content (never for a write that changes nothing). */
  @Column({ type: 'int' }) revision: number;
  @Column({ type: 'text' }) source: RegistrySource;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
  /** The client (or `system:licence-records`) whose write made this revision. */
  @Column({ name: 'changed_by', type: 'text' }) changedBy: string;
}

@Entity({ name: 'registry_enterprises' })
export class RegistryEnterpriseEntity extends Revisioned {
  @PrimaryColumn('text') uscc: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) region: string;
  @Column({ name: 'declared_sectors', type: 'text', array: true }) declaredSectors: Sector[];
  /** Derived when written: sectors of the licences then in force plus the declared ones (what the event carried). */
  @Column({ type: 'text', array: true }) sectors: Sector[];
  /** When `sectors` must be recomputed because a licence comes into force or ends (null: never). */
  @Column({ name: 'sectors_next_change', type: 'date', nullable: true }) sectorsNextChange: string | null;
  @Column({ type: 'jsonb' }) licences: Licence[];
  @Column({ name: 'registered_on', type: 'date', nullable: true }) registeredOn: string | null;
  @Column({ name: 'credit_registered', type: 'boolean' }) creditRegistered: boolean;
  @Column({ name: 'credit_committed', type: 'boolean' }) creditCommitted: boolean;
  @Column({ name: 'credit_self_assessed', type: 'boolean' }) creditSelfAssessed: boolean;
}

@Entity({ name: 'registry_vehicles' })
export class RegistryVehicleEntity extends Revisioned {
  @PrimaryColumn('text') plate: string;
  @PrimaryColumn({ name: 'plate_colour', type: 'text' }) plateColour: PlateColour;
  @Column({ name: 'carrier_uscc', type: 'text', nullable: true }) carrierUscc: string | null;
  @Column({ type: 'text' }) region: string;
  @Column({ name: 'vehicle_type', type: 'text' }) vehicleType: string;
  @Column({ type: 'int', nullable: true }) axles: number | null;
  @Column({ name: 'transport_certificate', type: 'text', nullable: true }) transportCertificate: string | null;
}

@Entity({ name: 'registry_drivers' })
export class RegistryDriverEntity extends Revisioned {
  @PrimaryColumn({ name: 'citizen_id', type: 'text' }) citizenId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'qualification_certificate', type: 'text', nullable: true }) qualificationCertificate: string | null;
  @Column({ name: 'qualification_sectors', type: 'text', array: true }) qualificationSectors: Sector[];
  @Column({ name: 'employer_uscc', type: 'text', nullable: true }) employerUscc: string | null;
  @Column({ type: 'text' }) region: string;
  @Column({ name: 'qualified_on', type: 'date', nullable: true }) qualifiedOn: string | null;
}

@Entity({ name: 'registry_vessels' })
export class RegistryVesselEntity extends Revisioned {
  @PrimaryColumn({ name: 'vessel_id', type: 'text' }) vesselId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'owner_uscc', type: 'text', nullable: true }) ownerUscc: string | null;
  @Column({ type: 'text' }) region: string;
  @Column({ name: 'vessel_type', type: 'text', nullable: true }) vesselType: string | null;
  @Column({ name: 'gross_tonnage', type: 'double precision', nullable: true }) grossTonnage: number | null;
}
