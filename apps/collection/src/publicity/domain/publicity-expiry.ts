import { addMonths } from '@domain/calendar';
import type { Severity } from '@domain/credit';
import type { CatalogueDocument, RecordTypeDefinition } from '../../catalogue/domain/record-type-definition';

/**
 * When a record's publication ends by itself (DOMAIN.md §5, 国家发展改革委令2025年第36号): the
 * clock starts at the decision date and publication stops at the maximum period of its severity,
 * as the catalogue version the record was validated against says (types without dishonesty use
 * that version's local period).
 */
export interface PublicityExpiryRule {
  catalogueVersion: number;
  recordType: string;
  severity: Severity;
  maxMonths: number;
  basis: string;
}

/** Every (version, type, severity) with a publicity period, from the stored catalogue versions. */
export function publicityExpiryRules(catalogues: readonly CatalogueDocument[]): PublicityExpiryRule[] {
  return catalogues.flatMap((catalogue) =>
    catalogue.recordTypes.flatMap((type) =>
      type.publicity
        ? Object.entries(type.publicity.monthsBySeverity).map(([severity, period]) => ({
            catalogueVersion: catalogue.version,
            recordType: type.code,
            severity: severity as Severity,
            maxMonths: period!.max,
            basis: type.publicity!.basis,
          }))
        : [],
    ),
  );
}

/**
 * Last day of a record's publication under its type's definition in the catalogue version it was
 * validated against, or null when the type has no publicity period (not published). Dishonesty
 * types carry the national periods of the repair rule (DOMAIN.md §5); other public information
 * (licences, commitments, commendations) the catalogue's own period — never the repair rule's
 * "minor: at most 3 months" for its placeholder severity (issue 16).
 */
export function recordPublicityEndsOn(type: Pick<RecordTypeDefinition, 'publicity'>, severity: Severity, decisionDate: string): string | null {
  const period = type.publicity?.monthsBySeverity[severity];
  return period ? publicityEndsOn(decisionDate, period.max) : null;
}

/** Last day of publication: the decision date plus the maximum period (《民法典》第二百零二条). */
export function publicityEndsOn(decisionDate: string, maxMonths: number): string {
  return addMonths(decisionDate, maxMonths);
}

/** Publication is over from the day after its last day. */
export function isPublicityOver(decisionDate: string, maxMonths: number, today: string): boolean {
  return today > publicityEndsOn(decisionDate, maxMonths);
}
