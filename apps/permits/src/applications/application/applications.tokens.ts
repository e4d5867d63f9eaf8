import { loadHolidayArrangements, WorkingDayCalendar } from '@domain/calendar';
import { SERVICE_CONFIG } from '@platform/service';
import type { PermitsConfig } from '../../permits.definition';
import { JointMeasuresCreditCheck } from '../infrastructure/joint-measures-credit-check';
import { ISSUING_AUTHORITIES, issuingAuthorityProblems, type IssuingAuthority } from '../domain/issuing-authority';
import { CREDIT_CHECK } from './credit-check.port';

export { CREDIT_CHECK };

/** Joint measures over gRPC in the service; handler tests provide their own CreditCheckPort. */
export const creditCheckProvider = {
  provide: CREDIT_CHECK,
  inject: [SERVICE_CONFIG],
  useFactory: (config: PermitsConfig) => new JointMeasuresCreditCheck(config.JOINT_MEASURES_GRPC_URL, config.PERMITS_CREDIT_CHECK_DEADLINE_MS),
};

export const ISSUING_AUTHORITY_TABLE = Symbol('ISSUING_AUTHORITY_TABLE');

/** The shipped issuing authorities, checked when loaded: a broken table stops the service from starting. */
export const issuingAuthoritiesProvider = {
  provide: ISSUING_AUTHORITY_TABLE,
  useFactory: (): readonly IssuingAuthority[] => {
    const problems = issuingAuthorityProblems(ISSUING_AUTHORITIES);
    if (problems.length > 0) throw new Error(`ISSUING_AUTHORITIES: ${problems.join('; ')}`);
    return ISSUING_AUTHORITIES;
  },
};

export const PERMIT_CALENDAR = Symbol('PERMIT_CALENDAR');

/**
 * Decision deadlines count working days by the packaged arrangements plus those ops load from
 * HOLIDAY_ARRANGEMENTS_FILE (docs/ops.md); a year with neither is provisional, never Monday–Friday.
 */
export const permitCalendarProvider = { provide: PERMIT_CALENDAR, useFactory: () => new WorkingDayCalendar({ arrangements: loadHolidayArrangements() }) };
