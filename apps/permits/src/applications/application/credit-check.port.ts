import type { Principal } from '@platform/auth';
import type { CreditCheck } from '../domain/credit-path';

/**
 * Asks joint measures (DecisionService, scene `permit.application`) about a carrier. An adapter
 * that cannot get an answer in time returns `{ answered: false, why }`, never throws: the
 * application then takes the standard path and says so (issue 18 item 3).
 */
export interface CreditCheckPort {
  check(principal: Principal, carrierUscc: string, region: string): Promise<CreditCheck>;
}

export const CREDIT_CHECK = Symbol('CREDIT_CHECK');
