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
 * A published item is visible from publication until the end of its last day of publication. The
 * producer (collection, which owns the catalogue) says which day that is (`publicityEndsOn`): the
 * repair rule's maximum for dishonesty (国家发展改革委令2025年第36号; see @domain/credit), the
 * catalogue's own period for licences and commitments (issue 16: they used to leave after the
 * 3 months of "minor" dishonesty). An event from before that field falls back to the national
 * period of its severity. Repair can end it earlier.
 */
export function publicationWindow(decisionDate: string, severity: Severity, publishedAt: Date, publicityEndsOn?: string | null): { from: Date; until: Date } {
  const lastDay = publicityEndsOn ?? publicityWindow(decisionDate, severity).maxEndsOn;
  // The last day is inclusive: visible until the end of that day, China time (UTC+8).
  const until = new Date(`${lastDay}T23:59:59.999+08:00`);
  return { from: publishedAt, until };
}
