import type { LicenceExpiringV1 } from '@contracts';

export interface ListLicenceRemindersQuery {
  /** GB/T 2260 code within the caller's region; '' for the caller's own. */
  region: string;
  /** The cursor of the last page read; '' for the start of the feed. */
  after: string;
  /** 0 for the default. */
  limit: number;
}

/** A reminder as announced (the event's payload), with its position in the feed. */
export interface LicenceReminderView extends LicenceExpiringV1 {
  position: string;
}

export interface LicenceRemindersPage {
  reminders: LicenceReminderView[];
  /** Where to continue from: the last reminder's position, or the cursor given when nothing is new. */
  nextCursor: string;
}
