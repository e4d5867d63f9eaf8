import { EntityManager } from 'typeorm';
import { PublicItem } from './public-items';

/** A subject as a created record shows it. */
export interface PublicSubjectRow {
  uscc: string;
  name: string;
  region: string;
}

/** A public record as a created record projects it. */
export interface PublicRecordRow {
  recordId: string;
  uscc: string;
  recordType: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  summary: string;
  publishedFrom: Date;
  publishedUntil: Date;
  /** The deciding authority's region. */
  region: string;
  /** A partner province's record (ADR 0069): its region; null on ours. */
  partnerRegion: string | null;
}

/**
 * Upserts many subjects with one statement. Rows are in stream order; a subject given twice keeps
 * its last name and region, as upserting them one after another would.
 */
export async function upsertPublicSubjects(manager: EntityManager, rows: readonly PublicSubjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO public_subjects (uscc, name, region, updated_at)
     SELECT DISTINCT ON (uscc) uscc, name, region, now()
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t (uscc, name, region, ord)
      ORDER BY uscc, ord DESC
     ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, updated_at = EXCLUDED.updated_at`,
    [rows.map((r) => r.uscc), rows.map((r) => r.name), rows.map((r) => r.region)],
  );
}

/**
 * Upserts many public records with one statement, each withdrawn if `record_withdrawals` holds it
 * (a revocation handled first still wins). Rows are in stream order; a record given twice keeps
 * its last facts. Returns, for every row in order, the item as `findPublicItem` would have read it
 * right after that row was upserted on its own: that row's facts, the record's publication id and
 * withdrawal (which no row of the batch changes).
 */
export async function upsertPublicRecords(manager: EntityManager, rows: readonly PublicRecordRow[]): Promise<PublicItem[]> {
  if (rows.length === 0) return [];
  return manager.query(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
         WITH ORDINALITY AS t (record_id, uscc, record_type, document_number, decision_date, severity, summary, published_from, published_until, region, partner_region, ord)
     ), upserted AS (
       INSERT INTO public_records (record_id, uscc, record_type, document_number, decision_date, severity, summary, published_from, published_until, withdrawn_at, withdrawn_reason,
                                   region, partner_region)
       SELECT i.record_id, i.uscc, i.record_type, i.document_number, i.decision_date, i.severity, i.summary, i.published_from, i.published_until, w.withdrawn_at, w.reason,
              i.region, i.partner_region
         FROM (SELECT DISTINCT ON (record_id) * FROM input ORDER BY record_id, ord DESC) i
         LEFT JOIN record_withdrawals w ON w.record_id = i.record_id
       ON CONFLICT (record_id) DO UPDATE SET
         uscc = EXCLUDED.uscc, record_type = EXCLUDED.record_type, document_number = EXCLUDED.document_number,
         decision_date = EXCLUDED.decision_date, severity = EXCLUDED.severity, summary = EXCLUDED.summary,
         published_from = EXCLUDED.published_from, published_until = EXCLUDED.published_until,
         region = EXCLUDED.region, partner_region = EXCLUDED.partner_region,
         withdrawn_at = CASE WHEN EXCLUDED.withdrawn_at IS NULL THEN public_records.withdrawn_at ELSE EXCLUDED.withdrawn_at END,
         withdrawn_reason = CASE WHEN EXCLUDED.withdrawn_at IS NULL THEN public_records.withdrawn_reason ELSE EXCLUDED.withdrawn_reason END
       RETURNING record_id, publication_id, withdrawn_at
     )
     SELECT u.publication_id AS "publicationId", i.uscc::char(18) AS uscc, i.record_type AS "recordType", i.document_number AS "documentNumber",
            to_char(i.decision_date, 'YYYY-MM-DD') AS "decisionDate", i.severity, i.published_until AS "publishedUntil", u.withdrawn_at AS "withdrawnAt"
       FROM input i JOIN upserted u ON u.record_id = i.record_id
      ORDER BY i.ord`,
    [
      rows.map((r) => r.recordId),
      rows.map((r) => r.uscc),
      rows.map((r) => r.recordType),
      rows.map((r) => r.documentNumber),
      rows.map((r) => r.decisionDate),
      rows.map((r) => r.severity),
      rows.map((r) => r.summary),
      rows.map((r) => r.publishedFrom),
      rows.map((r) => r.publishedUntil),
      rows.map((r) => r.region),
      rows.map((r) => r.partnerRegion),
    ],
  );
}
