import { WorkingDayCalendar } from '@domain/calendar';
import { SERVICE_CONFIG } from '@platform/service';
import type { JointMeasuresConfig } from '../../joint-measures.definition';
import { ListPolicies } from '../domain/list-policy';

export const LIST_CALENDAR = Symbol('LIST_CALENDAR');
export const LIST_POLICIES = Symbol('LIST_POLICIES');

/**
 * Notice periods are counted in working days. A year whose holiday arrangement is not published yet
 * is counted Monday to Friday rather than stopping the rule engine: the end of notice is shown to
 * the subject and a person confirms the entry after it, so a later correction is possible.
 */
export const listCalendarProvider = { provide: LIST_CALENDAR, useFactory: () => new WorkingDayCalendar({ unknownYears: 'weekdays' }) };

export const listPoliciesProvider = {
  provide: LIST_POLICIES,
  inject: [SERVICE_CONFIG],
  useFactory: (config: JointMeasuresConfig) => new ListPolicies(config.LIST_POLICIES),
};
