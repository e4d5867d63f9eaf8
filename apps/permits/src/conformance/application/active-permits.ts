import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PermitIssuedV1, PermitRevokedV1 } from '@contracts';
import { SERVICE_CONFIG } from '@platform/service';
import { CorridorIndex, type ActivePermitRoute } from '../domain/corridor-index';
import type { PermitsConfig } from '../../permits.definition';

/** How long after its window a permit is still kept: travel on its route then is wrong-time. */
const KEEP_AFTER_WINDOW = '1 day';

interface PermitRow {
  permit_no: string;
  plate: string;
  plate_colour: string;
  route: ActivePermitRoute['route'];
  valid_from: Date;
  valid_until: Date;
  carrier: ActivePermitRoute['carrier'];
  issued_by_region: string;
}

/**
 * The corridors of the permits in force, from permits' events (issued / revoked), as one
 * in-memory index per instance: rebuilt after a change this instance applied, and at most
 * ROUTE_CONFORMANCE_REFRESH_MS old otherwise (another replica may have applied the event).
 */
@Injectable()
export class ActivePermits {
  private index: Promise<CorridorIndex> | undefined;
  private loadedAt = 0;
  private loadedFingerprint = '';

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PermitsConfig,
  ) {}

  async issued(manager: EntityManager, permit: PermitIssuedV1): Promise<void> {
    await manager.query(
      `INSERT INTO conformance_permits (permit_no, plate, plate_colour, route, valid_from, valid_until, carrier, issued_by_region)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (permit_no) DO UPDATE SET plate = EXCLUDED.plate, plate_colour = EXCLUDED.plate_colour, route = EXCLUDED.route,
         valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, carrier = EXCLUDED.carrier,
         issued_by_region = EXCLUDED.issued_by_region, changed_at = now()`,
      [
        permit.permitNo,
        permit.vehicle.tractorPlate,
        permit.vehicle.tractorPlateColour,
        JSON.stringify(permit.route),
        permit.validFrom,
        permit.validUntil,
        JSON.stringify(permit.carrier),
        permit.issuedBy.region,
      ],
    );
    this.invalidate();
  }

  async revoked(manager: EntityManager, revocation: PermitRevokedV1): Promise<void> {
    await manager.query(`UPDATE conformance_permits SET revoked_at = $2, changed_at = now() WHERE permit_no = $1 AND revoked_at IS NULL`, [
      revocation.permitNo,
      revocation.revokedAt,
    ]);
    this.invalidate();
  }

  /**
   * The index of the permits in force (and those whose window ended less than a day ago). Past
   * ROUTE_CONFORMANCE_REFRESH_MS a cheap fingerprint (count and last change) decides whether to reload.
   */
  async current(): Promise<CorridorIndex> {
    if (this.index && Date.now() - this.loadedAt > this.config.ROUTE_CONFORMANCE_REFRESH_MS) {
      this.loadedAt = Date.now();
      if ((await this.fingerprint()) !== this.loadedFingerprint) this.index = undefined;
    }
    if (!this.index) {
      this.loadedAt = Date.now();
      const loading = this.load();
      this.index = loading;
      loading.catch(() => {
        if (this.index === loading) this.index = undefined;
      });
    }
    return this.index;
  }

  private async fingerprint(): Promise<string> {
    const [row]: { n: string; last: Date | null }[] = await this.dataSource.query(`SELECT count(*) AS n, max(changed_at) AS last FROM conformance_permits`);
    return `${row.n}|${row.last?.toISOString() ?? ''}`;
  }

  invalidate(): void {
    this.index = undefined;
  }

  private async load(): Promise<CorridorIndex> {
    this.loadedFingerprint = await this.fingerprint();
    const rows: PermitRow[] = await this.dataSource.query(
      `SELECT permit_no, plate, plate_colour, route, valid_from, valid_until, carrier, issued_by_region
         FROM conformance_permits WHERE revoked_at IS NULL AND valid_until > now() - interval '${KEEP_AFTER_WINDOW}'
        ORDER BY permit_no`,
    );
    return new CorridorIndex(
      rows.map((row) => ({
        permitNo: row.permit_no,
        plate: row.plate,
        plateColour: row.plate_colour,
        route: row.route,
        validFrom: row.valid_from.getTime(),
        validUntil: row.valid_until.getTime(),
        carrier: row.carrier,
        issuedByRegion: row.issued_by_region,
      })),
      this.config.ROUTE_CORRIDOR_WIDTH_M,
    );
  }
}
