import { Injectable } from '@nestjs/common';
import { DataSource, Like } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { RegistryErrorCode } from '../domain/registry-errors';
import { parseEnterpriseKey } from '../domain/enterprise';
import { RegistryDriverEntity, RegistryVehicleEntity } from '../infrastructure/registry.entities';
import { driverOfRow, vehicleOfRow } from '../infrastructure/registry-rows';
import { driverView, RegistrationView, vehicleView } from './registration-view';

export interface ListCarrierSubjectsQuery {
  uscc: string;
  kind: 'vehicle' | 'driver';
  cursor: string;
  limit: number;
}

export interface ListCarrierSubjectsResult {
  items: RegistrationView[];
  nextCursor: string;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * A carrier's vehicles (owned) or drivers (employed): the drill-down from an enterprise to its
 * vehicles and drivers (Sichuan risk portraits, DOMAIN.md §3): those naming the carrier whose
 * region lies in the caller's subtree (the region rule for reads, ADR 0041), whether or not the
 * carrier itself is registered or visible.
 * The cursor is an opaque offset: a driver's citizen ID never appears in it.
 */
@Injectable()
export class ListCarrierSubjectsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: ListCarrierSubjectsQuery): Promise<ListCarrierSubjectsResult> {
    assertScope(principal, Scopes.RecordsRead);
    const limit = query.limit === 0 ? DEFAULT_LIMIT : query.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw DomainError.validation(RegistryErrorCode.InvalidLimit, [{ field: 'limit', message: `1 to ${MAX_LIMIT}`, code: 'OUT_OF_RANGE' }]);
    }
    const offset = decodeOffset(query.cursor);
    const { uscc, violation } = parseEnterpriseKey(query.uscc);
    if (!uscc) throw DomainError.validation(RegistryErrorCode.InvalidKey, [violation!], 'Not a valid enterprise key.');
    // Vehicles and drivers may name a carrier the registry does not know (yet), or one outside the
    // caller's region (which reads as absent, ADR 0041): either way the items that lie in the
    // caller's subtree are listed, and nothing else.
    const pattern = regionPattern(principal.region);
    const page = { skip: offset, take: limit + 1 };
    const items =
      query.kind === 'vehicle'
        ? (
            await this.dataSource.getRepository(RegistryVehicleEntity).find({
              where: { carrierUscc: uscc, region: Like(pattern) },
              order: { plate: 'ASC', plateColour: 'ASC' },
              ...page,
            })
          ).map((row) => vehicleView(vehicleOfRow(row), row))
        : (
            await this.dataSource.getRepository(RegistryDriverEntity).find({
              where: { employerUscc: uscc, region: Like(pattern) },
              order: { citizenId: 'ASC' },
              ...page,
            })
          ).map((row) => driverView(driverOfRow(row), row));
    const more = items.length > limit;
    return { items: items.slice(0, limit), nextCursor: more ? encodeOffset(offset + limit) : '' };
  }
}

function regionPattern(region: string): string {
  const code = parseRegionCode(region);
  if (!code.ok) throw new DomainError(PlatformErrorCode.RegionForbidden, 'forbidden', `${region} is not a GB/T 2260 region code.`);
  return `${regionPrefix(code.value)}%`;
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

function decodeOffset(cursor: string): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown };
    if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw DomainError.validation(RegistryErrorCode.InvalidCursor, [{ field: 'cursor', message: 'is not a cursor this list returned', code: 'INVALID' }]);
}
