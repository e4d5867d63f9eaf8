import { isWithinRegion, Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { ExchangeErrorCode } from './exchange-errors';

/** What a partner sends must lie in its own region: a token speaks for its own province only (ADR 0067). */
export function assertSender(principal: Principal, region: string, field: string): void {
  if (isWithinRegion(principal, region)) return;
  throw new DomainError(ExchangeErrorCode.ProvinceNotSender, 'forbidden', `Region ${region} is not the sender's (${principal.region}).`, [
    { field, message: `not within the sending partner's region ${principal.region}`, code: 'PROVINCE_NOT_SENDER' },
  ]);
}
