import { EntityManager } from 'typeorm';
import { assertRegionScope, Principal } from '@platform/auth';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import type { CreditRecord } from '../domain/credit-record';
import { CreditRecordEntity } from '../infrastructure/credit-record.entity';
import { RecordErrorCode } from '../domain/record-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record, locked for the rest of the transaction, if it exists in the caller's region.
 * A record outside the region reads as absent: existence is not leaked across regions.
 */
export async function lockRecordInScope(manager: EntityManager, principal: Principal, id: string): Promise<CreditRecord> {
  const notFound = DomainError.notFound(RecordErrorCode.NotFound, `No credit record ${id}.`);
  if (!UUID.test(id)) throw notFound;
  const record = await lockRecord(manager, id);
  if (!record || !inRegionScope(principal, record.region)) throw notFound;
  return record;
}

/** The record, locked for the rest of the transaction, or null if there is none (any region: for events, not callers). */
export async function lockRecord(manager: EntityManager, id: string): Promise<CreditRecord | null> {
  if (!UUID.test(id)) return null;
  return manager.getRepository(CreditRecordEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export function inRegionScope(principal: Principal, region: string): boolean {
  try {
    assertRegionScope(principal, region);
    return true;
  } catch {
    return false;
  }
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `LIKE` pattern of the regions the caller may see ("41%" for a province, "4101%" for a city). */
export function regionPattern(principal: Principal): string {
  return regionPatternOf(principal.region);
}

/** `LIKE` pattern of a region and everything below it. */
export function regionPatternOf(region: string): string {
  const code = parseRegionCode(region);
  if (!code.ok) throw new DomainError(PlatformErrorCode.RegionForbidden, 'forbidden', `${region} is not a GB/T 2260 region code.`);
  return `${regionPrefix(code.value)}%`;
}
