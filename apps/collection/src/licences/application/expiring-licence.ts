import type { SubjectKind } from '../../records/domain/credit-record';
import { daysBetween } from '../domain/expiry-warning';

/** The columns of a licence record that both the expiry announcement and the expiring list read. */
export interface LicenceRow {
  id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  subject_name: string;
  region: string;
  source_client_id: string;
  payload: Record<string, unknown>;
  valid_until: string;
}

/** A licence as integrators see it announced or listed: who holds it, what it is, how long it has left on `today`. */
export function expiringLicenceOf(row: LicenceRow, today: string) {
  return {
    recordId: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id, name: row.subject_name },
    region: row.region,
    licenceName: stringField(row.payload, 'licenceName'),
    licenceNumber: stringField(row.payload, 'licenceNumber'),
    authority: stringField(row.payload, 'authority'),
    sourceClientId: row.source_client_id,
    validUntil: row.valid_until,
    daysLeft: daysBetween(today, row.valid_until),
  };
}

function stringField(payload: Record<string, unknown>, key: string): string {
  const value = payload[key];
  return typeof value === 'string' ? value : '';
}
