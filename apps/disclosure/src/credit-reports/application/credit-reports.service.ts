import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import canonicalize from 'canonicalize';
import { createHash, randomUUID } from 'node:crypto';
import { disclosureV1 } from '@contracts';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import type { DisclosureConfig } from '../../disclosure.definition';
import { GetSubjectProfileQuery, SubjectProfile } from '../../profiles/application/get-subject-profile.query';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { newReportCode, parseReportCode } from '../domain/report-code';
import { renderReportPdf } from './report-pdf';

export const ReportErrorCode = { NotFound: 'PUBLIC.REPORT_NOT_FOUND' } as const;

/**
 * Credit reports: the public profile as of the moment of issue, as a PDF with a verification
 * code. What the report showed is stored and its hash appended to the publication log, so
 * `GET /public/v1/reports/{code}` can later prove what it said and when.
 */
@Injectable()
export class CreditReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: GetSubjectProfileQuery,
    private readonly log: PublicationLog,
    @Inject(SERVICE_CONFIG) private readonly config: DisclosureConfig,
  ) {}

  async issue(uscc: string): Promise<disclosureV1.IssueCreditReportResponse> {
    const issuedAt = new Date();
    const profile = await this.profiles.execute(uscc, issuedAt);
    const code = newReportCode();
    const contentHash = reportHash(code, issuedAt, profile);
    const reportId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const [seq] = await this.log.append(manager, [{ event: 'report-issued', publicationId: reportId, code, uscc: profile.uscc, contentHash, effectiveAt: issuedAt.toISOString() }], issuedAt);
      await manager.query(
        `INSERT INTO credit_reports (code, report_id, uscc, subject_name, issued_at, profile, content_hash, log_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [code, reportId, profile.uscc, profile.name, issuedAt, JSON.stringify(profile), contentHash, seq],
      );
    });
    const verifyUrl = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/public/v1/reports/${code}`;
    const pdf = await renderReportPdf({ code, issuedAt, contentHash, verifyUrl, profile }, { file: this.config.REPORT_FONT_FILE, family: this.config.REPORT_FONT_FAMILY || undefined });
    return { pdf, code, contentHash, issuedAt: issuedAt.toISOString() };
  }

  async verify(rawCode: string): Promise<disclosureV1.VerifyCreditReportResponse> {
    const code = parseReportCode(rawCode);
    const notFound = DomainError.notFound(ReportErrorCode.NotFound, 'No credit report has this verification code.');
    if (!code) throw notFound;
    const [row] = await this.dataSource.query(`SELECT code, uscc, subject_name, issued_at, profile, content_hash, log_seq FROM credit_reports WHERE code = $1`, [code]);
    if (!row) throw notFound;
    const profile = row.profile as SubjectProfile;
    // Recomputed, not trusted: a stored profile edited afterwards no longer matches its hash.
    const intact = reportHash(row.code, row.issued_at, profile) === row.content_hash;
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
    };
  }
}

function reportHash(code: string, issuedAt: Date, profile: SubjectProfile): string {
  return createHash('sha256').update(canonicalize({ code, issuedAt: issuedAt.toISOString(), profile }) as string, 'utf8').digest('hex');
}
