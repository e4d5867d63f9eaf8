import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PermitIssuedV1 } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { PoisonMessageError } from '@platform/messaging';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { RecordWriterPort } from '../../records/application/records.tokens';
import { assertMaySubmit } from '../../records/application/submission-policy';
import { validateSubmission, type RawSubmission } from '../../records/domain/record-submission';

export const LICENCE_RECORD_TYPE = 'administrative-licence';

/** The permit's name (62号令 第十三条: 超限运输车辆通行证). */
const LICENCE_NAME = '超限运输车辆通行证';

/**
 * An issued oversize transport permit → one `administrative-licence` record (行政许可, 双公示:
 * published within 7 working days like any licence), written like any submission: the same
 * validation, region policy and writer. The source is the issuing authority (`permits:<its USCC>`)
 * and the source record id is the permit number, so a re-delivery stores nothing new.
 */
@Injectable()
export class RecordPermitLicenceHandler {
  constructor(
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
  ) {}

  async execute(manager: EntityManager, event: PermitIssuedV1): Promise<'stored' | 'replayed'> {
    const principal: Principal = {
      clientId: `permits:${event.issuedBy.authorityUscc}`,
      kind: 'integrator',
      scopes: [Scopes.RecordsWrite],
      region: event.issuedBy.region,
    };
    let submission;
    try {
      submission = validateSubmission(licenceSubmissionOf(event), this.catalogues.current());
      assertMaySubmit(principal, submission);
    } catch (error) {
      if (error instanceof DomainError) throw new PoisonMessageError(JSON.stringify({ code: error.code, errors: error.violations }));
      throw error;
    }
    const written = await this.writer.write(manager, principal.clientId, [submission]);
    return written.length === 1 ? 'stored' : 'replayed';
  }
}

/**
 * The 行政许可 record of a permit: 普通许可 (《行政许可法》第十二条(一)), the permit number as the
 * certificate and document number, the time window as the validity (Beijing dates), the class,
 * trips and route provinces as its content. Plates are not published (the public verification masks them).
 */
export function licenceSubmissionOf(event: PermitIssuedV1): RawSubmission {
  const provinces = [...new Set(event.route.segments.map((s) => s.province))];
  const payload = {
    decisionDocumentName: `${LICENCE_NAME}（${event.permitNo}）`,
    licenceCategory: 'ordinary',
    licenceName: LICENCE_NAME,
    licenceNumber: event.permitNo,
    content: `超限运输车辆行驶公路许可：${event.permitClass}类，${event.trips === 'multi' ? '多次' : '单次'}通行，途经省份${provinces.join('、')}`,
    validFrom: chinaDateOf(new Date(event.validFrom)),
    validUntil: chinaDateOf(new Date(event.validUntil)),
    authority: event.issuedBy.authority,
    authorityUscc: event.issuedBy.authorityUscc,
  };
  return {
    recordType: LICENCE_RECORD_TYPE,
    subject: { kind: 'org', id: event.carrier.uscc, name: event.carrier.name },
    region: event.issuedBy.region,
    // Not dishonesty: the type takes 'minor' only (catalogue v1).
    severity: 'minor',
    decisionDate: chinaDateOf(new Date(event.issuedAt)),
    documentNumber: event.permitNo,
    sourceRecordId: event.permitNo,
    payloadJson: JSON.stringify(payload),
    idempotencyKey: '',
  };
}
