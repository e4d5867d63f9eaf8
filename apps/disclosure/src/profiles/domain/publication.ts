import { publicityWindow, Severity } from '@domain/credit';

/**
 * Record types the public profile shows, and under which heading (DOMAIN.md §6: "published
 * licences and penalties, commitments"). A commitment broken is shown with the commitments it
 * concerns: the public sees both the promise and that it was not kept.
 */
export const PUBLISHED_SECTIONS: Readonly<Record<string, 'penalties' | 'licences' | 'commitments'>> = {
  'administrative-penalty': 'penalties',
  'administrative-licence': 'licences',
  'credit-commitment': 'commitments',
  'commitment-broken': 'commitments',
};

/**
 * Whether a record goes on the public profile: a public record of a published type about an
 * enterprise. Records about individuals (drivers, practitioners) are not published on profiles:
 * the profile and search are keyed by USCC, and looking a person up by ID number would defeat the
 * masking DOMAIN.md §6 requires. Individuals appear only on the published lists (不良驾驶员名单),
 * name and ID masked (lists/domain/public-lists.ts). ADR 0031.
 */
export function publishedOnProfile(record: { isPublic: boolean; recordType: string; subject: { kind: string } }): boolean {
  return record.isPublic && PUBLISHED_SECTIONS[record.recordType] !== undefined && record.subject.kind === 'org';
}

/**
 * A penalty or licence is visible from publication until its maximum publicity period ends,
 * counted from the decision date (国家发展改革委令2025年第36号; see @domain/credit). Repair can end it
 * earlier; that arrives with the repair service.
 */
export function publicationWindow(decisionDate: string, severity: Severity, publishedAt: Date): { from: Date; until: Date } {
  const { maxEndsOn } = publicityWindow(decisionDate, severity);
  // The last day is inclusive: visible until the end of maxEndsOn, China time (UTC+8).
  const until = new Date(`${maxEndsOn}T23:59:59.999+08:00`);
  return { from: publishedAt, until };
}
