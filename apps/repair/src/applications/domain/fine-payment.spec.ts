import type { RepairRecord } from '../../records/domain/repair-record';
import { checkFinePayment } from './fine-payment';

/*
 * seed 004 天津: the subject signs "已缴纳罚款承诺书" instead of uploading the receipt; the units
 * compare it with the 缴纳罚款凭证 data collected (catalogue v2 `fine-payment`). The penalty below
 * imposes a fine of 5,000 yuan (500,000 fen, the test body's fineAmountFen).
 */
const penalty: RepairRecord = {
  recordId: '00000000-0000-4000-8000-000000000010',
  recordType: 'administrative-penalty',
  subjectKind: 'org',
  subjectId: '91120000MA0000000X',
  subjectName: '天津某运输有限公司',
  region: '120000',
  severity: 'general',
  decisionDate: '2026-06-01',
  documentNumber: '津交罚〔2026〕118号',
  publicityEndsOn: '2027-06-01',
  payload: { penaltyCategories: ['fine'], fineAmountFen: 500_000 },
  status: 'active',
  version: 1,
  changedAt: '2026-06-01T00:00:00Z',
  partner: null,
};

const payment = (id: string, amountFen: number, overrides: Partial<RepairRecord> = {}): RepairRecord => ({
  ...penalty,
  recordId: id,
  recordType: 'fine-payment',
  severity: 'minor',
  documentNumber: `缴款书-${id}`,
  payload: { penaltyDocumentNumber: penalty.documentNumber, amountFen, paidAt: '2026-06-10T10:00:00+08:00' },
  ...overrides,
});

describe('fine payment checked against payment data (seed 004 天津 数据核验)', () => {
  it('verified when payments naming the penalty cover the fine: no receipt needed', () => {
    expect(checkFinePayment(penalty, [payment('p1', 300_000), payment('p2', 200_000)], [])).toEqual({
      status: 'verified',
      paymentRecordIds: ['p1', 'p2'],
      missing: '',
    });
  });

  it('ignores payments for another penalty, of another subject, or revoked', () => {
    const others = [
      payment('p3', 500_000, { payload: { penaltyDocumentNumber: '津交罚〔2026〕119号', amountFen: 500_000 } }),
      payment('p4', 500_000, { subjectId: '91120000MA0000001X' }),
      payment('p5', 500_000, { status: 'revoked' }),
    ];
    expect(checkFinePayment(penalty, others, []).status).toBe('missing');
  });

  it('missing says what is missing (the fine, the amount short), unless a receipt is attached', () => {
    expect(checkFinePayment(penalty, [], []).missing).toContain('5000.00元');
    const short = checkFinePayment(penalty, [payment('p6', 200_000)], []);
    expect(short).toMatchObject({ status: 'missing', paymentRecordIds: ['p6'] });
    expect(short.missing).toContain('尚差3000.00元');
    expect(checkFinePayment(penalty, [], ['缴款凭证 2026-06-10']).status).toBe('receipt-attached');
  });

  it('a penalty without a fine needs no payment', () => {
    expect(checkFinePayment({ ...penalty, payload: { penaltyCategories: ['warning'] } }, [], []).status).toBe('no-fine');
  });
});
