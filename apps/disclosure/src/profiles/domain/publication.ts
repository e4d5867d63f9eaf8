import { publicityWindow, Severity } from '@domain/credit';

/** Record types the public profile shows, and under which heading (DOMAIN.md §6). */
export const PUBLISHED_SECTIONS: Readonly<Record<string, 'penalties' | 'licences'>> = {
  'administrative-penalty': 'penalties',
  'administrative-licence': 'licences',
};

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
