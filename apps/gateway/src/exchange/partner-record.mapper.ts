import type { collectionV1 } from '@contracts';
import { DomainError } from '@platform/errors';
import { ExchangeErrorCode } from './domain/exchange-errors';
import type { RecordAcceptance } from './domain/recognition-agreement';
import type { PushPartnerRecordDto } from './partner-record.dto';

/** POST /exchange/v1/records: the stored record, marked as the partner's. */
export interface PartnerRecordBody {
  id: string;
  status: string;
  provenance: { partnerRegion: string; sourceReference: string; agreement: string };
}

/**
 * A partner's record as a submission on the one submission path (ADR 0069): the same request our
 * own records use, with `partner` set. Refused (422 EXCHANGE.OUTSIDE_AGREEMENT, field `subject.id`)
 * when the agreement with the sender does not accept it: a record is never stored "not applied".
 */
export function toPartnerSubmission(body: PushPartnerRecordDto, acceptance: RecordAcceptance): collectionV1.SubmitRecordRequest {
  if (!acceptance.accepted) {
    throw new DomainError(ExchangeErrorCode.OutsideAgreement, 'precondition', acceptance.reason, [
      { field: 'subject.id', message: acceptance.reason, code: 'OUTSIDE_AGREEMENT' },
    ]);
  }
  return {
    recordType: body.recordType,
    subject: { kind: body.subject.kind, id: body.subject.id, name: body.subject.name },
    region: body.region,
    severity: body.severity,
    decisionDate: body.decisionDate,
    documentNumber: body.documentNumber,
    // Collection derives both from the partner reference; nothing of the caller's own applies.
    sourceRecordId: '',
    idempotencyKey: '',
    payloadJson: JSON.stringify(body.payload ?? {}),
    partner: { region: body.provenance.partnerRegion, sourceReference: body.provenance.sourceReference, agreement: acceptance.agreement },
  };
}

export function toPartnerRecordBody(accepted: collectionV1.SubmitRecordResponse, request: collectionV1.SubmitRecordRequest): PartnerRecordBody {
  return {
    id: accepted.id,
    status: accepted.status,
    provenance: {
      partnerRegion: request.partner?.region ?? '',
      sourceReference: request.partner?.sourceReference ?? '',
      agreement: request.partner?.agreement ?? '',
    },
  };
}
