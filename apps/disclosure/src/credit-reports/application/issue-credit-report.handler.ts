import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { SERVICE_CONFIG } from '@platform/service';
import type { DisclosureConfig } from '../../disclosure.definition';
import { GetSubjectProfileHandler } from '../../profiles/application/get-subject-profile.handler';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { newReportCode, reportVerifyUrl } from '../domain/report-code';
import { IssueCreditReportCommand, IssueCreditReportResult } from './issue-credit-report.command';
import { reportHash } from './report-hash';
import { renderReportPdf } from './report-pdf';

/**
 * Issues a credit report: the public profile as of the moment of issue, as a PDF with a
 * verification code. What the report showed is stored and its hash appended to the publication
 * log, so `GET /public/v1/reports/{code}` can later prove what it said and when.
 */
@Injectable()
export class IssueCreditReportHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: GetSubjectProfileHandler,
    private readonly log: PublicationLog,
    @Inject(SERVICE_CONFIG) private readonly config: DisclosureConfig,
  ) {}

  async execute({ uscc }: IssueCreditReportCommand): Promise<IssueCreditReportResult> {
    const issuedAt = new Date();
    const profile = await this.profiles.execute({ uscc }, issuedAt);
    const code = newReportCode();
    const contentHash = reportHash(code, issuedAt, profile);
    const reportId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const [seq] = await this.log.append(
        manager,
        [{ event: 'report-issued', publicationId: reportId, code, uscc: profile.uscc, contentHash, effectiveAt: issuedAt.toISOString() }],
        issuedAt,
      );
      await manager.query(
        `INSERT INTO credit_reports (code, report_id, uscc, subject_name, issued_at, profile, content_hash, log_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [code, reportId, profile.uscc, profile.name, issuedAt, JSON.stringify(profile), contentHash, seq],
      );
    });
    const verifyUrl = reportVerifyUrl(this.config.PUBLIC_BASE_URL, code);
    const pdf = await renderReportPdf(
      { code, issuedAt, contentHash, verifyUrl, profile },
      { file: this.config.REPORT_FONT_FILE, family: this.config.REPORT_FONT_FAMILY || undefined },
    );
    return { pdf, code, contentHash, issuedAt: issuedAt.toISOString() };
  }
}
