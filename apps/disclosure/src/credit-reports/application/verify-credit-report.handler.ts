import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/errors';
import type { SubjectProfile } from '../../profiles/application/get-subject-profile.query';
import { CreditReportErrorCode } from '../domain/credit-report-errors';
import { LaterLogEntry, reportChanges, reportedPublicationIds } from '../domain/report-changes';
import { parseReportCode } from '../domain/report-code';
import { reportHash } from './report-hash';
import { CreditReportVerificationView, VerifyCreditReportQuery } from './verify-credit-report.query';

/**
 * `GET /public/v1/reports/{code}`: what an issued report showed, re-hashed to prove it is unchanged,
 * and whether it is still current — what the publication log recorded since about the facts it
 * showed (corrected, withdrawn after a repair or revocation, expired, delisted).
 */
@Injectable()
export class VerifyCreditReportHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ code: rawCode }: VerifyCreditReportQuery): Promise<CreditReportVerificationView> {
    const code = parseReportCode(rawCode);
    const notFound = DomainError.notFound(CreditReportErrorCode.NotFound, 'No credit report has this verification code.');
    if (!code) throw notFound;
    const [row] = await this.dataSource.query(
      `SELECT r.code, r.uscc, r.subject_name, r.issued_at, r.profile, r.content_hash, r.log_seq,
              EXISTS (SELECT 1 FROM publication_log l WHERE l.seq = r.log_seq AND l.content->>'contentHash' = r.content_hash) AS logged
         FROM credit_reports r WHERE r.code = $1`,
      [code],
    );
    if (!row) throw notFound;
    const profile = row.profile as SubjectProfile;
    // Recomputed, not trusted: a stored profile edited afterwards no longer matches its hash.
    const intact = reportHash(row.code, row.issued_at, profile) === row.content_hash;
    const changes = reportChanges(await this.laterEntries(reportedPublicationIds(profile), row.log_seq));
    return {
      code: row.code,
      uscc: row.uscc,
      name: row.subject_name,
      issuedAt: row.issued_at.toISOString(),
      contentHash: row.content_hash,
      intact,
      logSeq: String(row.log_seq),
      penalties: profile.penalties.length,
      licences: profile.licences.length,
      profileJson: JSON.stringify(profile),
      logged: row.logged === true,
      current: changes.length === 0,
      changes,
    };
  }

  /** Log entries about these items after the report's own entry (the log's item index answers it). */
  private laterEntries(publicationIds: string[], afterSeq: string): Promise<LaterLogEntry[]> {
    if (publicationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(`SELECT seq::text AS seq, content FROM publication_log WHERE publication_id = ANY($1::uuid[]) AND seq > $2 ORDER BY seq`, [
      publicationIds,
      afterSeq,
    ]);
  }
}
