import type { RepairRecord } from '../../records/domain/repair-record';

/**
 * Whether a penalty's fine was paid, checked against the payment data collection received
 * (`fine-payment` records, catalogue v2) instead of a receipt from the subject (seed 004 天津:
 * "通过系统数据对“承诺书”与缴纳罚款凭证进行比对核验"; DOMAIN.md §5 "fine payment checked against
 * payment data instead of receipts"):
 * - `no-fine`: the penalty imposes no fine (its `penaltyCategories` lack `fine`);
 * - `verified`: payments naming the penalty's document number, in force, cover `fineAmountFen`;
 * - `receipt-attached`: no matching payment data; the evidence is for the deciding unit to check;
 * - `missing`: neither: `missing` says what is (the amount still unpaid in the data, the receipt).
 */
export type FinePaymentStatus = 'no-fine' | 'verified' | 'receipt-attached' | 'missing';

export interface FinePaymentCheck {
  status: FinePaymentStatus;
  /** The payment records that cover the fine (verified), or that were found short of it. */
  paymentRecordIds: string[];
  /** What is missing (Chinese, for the subject); empty unless `missing`. */
  missing: string;
}

export const FINE_PAYMENT_RECORD_TYPE = 'fine-payment';

export function checkFinePayment(penalty: RepairRecord, payments: readonly RepairRecord[], evidence: readonly string[]): FinePaymentCheck {
  const fineFen = fineOf(penalty);
  if (fineFen === null) return { status: 'no-fine', paymentRecordIds: [], missing: '' };
  const matching = payments.filter(
    (p) =>
      p.recordType === FINE_PAYMENT_RECORD_TYPE &&
      p.subjectId === penalty.subjectId &&
      p.payload['penaltyDocumentNumber'] === penalty.documentNumber &&
      (p.status === 'active' || p.status === 'corrected'),
  );
  const paidFen = matching.reduce((sum, p) => sum + (typeof p.payload['amountFen'] === 'number' ? p.payload['amountFen'] : 0), 0);
  const paymentRecordIds = matching.map((p) => p.recordId);
  if (paidFen >= fineFen) return { status: 'verified', paymentRecordIds, missing: '' };
  if (evidence.length > 0) return { status: 'receipt-attached', paymentRecordIds, missing: '' };
  const owed = yuan(fineFen - paidFen);
  return {
    status: 'missing',
    paymentRecordIds,
    missing: `未查询到${penalty.documentNumber}罚款（${yuan(fineFen)}元）的缴纳信息${paidFen > 0 ? `，尚差${owed}元` : ''}：请提交缴纳罚款凭证，或待缴款信息归集后由认定单位核验`,
  };
}

/** The fine in fen, or null when the penalty imposes none. */
function fineOf(penalty: RepairRecord): number | null {
  const categories = penalty.payload['penaltyCategories'];
  const fine = penalty.payload['fineAmountFen'];
  if (!Array.isArray(categories) || !categories.includes('fine') || typeof fine !== 'number' || fine <= 0) return null;
  return fine;
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
