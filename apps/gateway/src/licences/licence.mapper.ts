import { collectionV1 } from '@contracts';

/** GET /api/v1/licences/expiring. */
export interface ExpiringLicencesBody {
  window: { from: string; until: string; days: number; basis: string };
  licences: collectionV1.ExpiringLicence[];
  /** null on the last page (empty on the wire). */
  nextCursor: string | null;
}

export function toExpiringLicencesBody(result: collectionV1.ListExpiringLicencesResponse): ExpiringLicencesBody {
  return {
    window: { from: result.windowFrom, until: result.windowUntil, days: result.windowDays, basis: result.windowBasis },
    licences: result.licences,
    nextCursor: result.nextCursor || null,
  };
}

/** GET /api/v1/licences/reminders: the reminders as announced, and where to continue from. */
export interface LicenceRemindersBody {
  reminders: collectionV1.LicenceReminder[];
  nextCursor: string;
}
