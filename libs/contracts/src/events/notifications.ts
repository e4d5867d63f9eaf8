/**
 * Core NATS notifications (no stream, no storage, no redelivery): hints that something changed,
 * for caches. Losing one must only delay freshness (each cache keeps a short TTL backstop), never
 * break correctness of stored data. Subjects are logical; the messaging lib applies the namespace.
 */

/**
 * `disclosure.public-profiles.changed` v1: disclosure committed a change to what the public
 * profile of these enterprises shows (an item published, corrected, withdrawn — revoked or
 * repaired —, a grade, a list membership). Published after the commit, so a reader that re-reads
 * on receipt sees the change. Gateways drop their cached copies of these profiles. Deliberately
 * outside every stream's subjects (see STREAM_SUBJECTS): nothing stores it.
 */
export interface PublicProfilesChangedV1 {
  usccs: string[];
  at: string;
}

export const Notifications = {
  PublicProfilesChanged: { subject: 'disclosure.public-profiles.changed', version: 1 },
} as const;
