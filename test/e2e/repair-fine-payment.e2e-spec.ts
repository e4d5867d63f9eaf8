import { addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Body = Record<string, unknown> & { code?: string; id?: string; status?: string };

/*
 * Fine payment verified against payment data (issue 19 item 4; DOMAIN.md §5 "fine payment checked
 * against payment data instead of receipts"; seed 004 天津: "企业可以通过提交“已缴纳罚款承诺书”，代替提交
 * 已缴费凭证，两部门通过系统数据对“承诺书”与缴纳罚款凭证进行比对核验"). The payment arrives through
 * collection as a non-public `fine-payment` record (catalogue v2); the penalty (the test body's fine
 * of 5,000 yuan, 罚款人民币伍仟元) is then repaired on the commitment alone. Without payment data the
 * application says what is missing.
 */
describe('repair: the fine checked against payment data, no receipt needed', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'repair']);
    zhengzhou = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );
  const COMMITMENT = '本单位已缴纳罚款，特此承诺（已缴纳罚款承诺书）';

  async function penalty(uscc: string) {
    const body = creditRecordBody({ subject: { kind: 'org', id: uscc, name: '郑州缴款核验测试运输有限公司' }, decisionDate: addMonths(today, -4) });
    body.payload = { ...body.payload, violationType: '超限运输' };
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return { recordId: created.body.id as string, documentNumber: body.documentNumber };
  }

  const apply = (recordId: string) =>
    eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );

  it('a payment of the whole fine received through collection: the application is filed without a receipt, the fine verified', async () => {
    const uscc = makeUscc('410100');
    const { recordId, documentNumber } = await penalty(uscc);
    const payment = creditRecordBody({ subject: { kind: 'org', id: uscc, name: '郑州缴款核验测试运输有限公司' }, severity: 'minor', decisionDate: today });
    const paid = await api('/api/v1/credit-records', {
      method: 'POST',
      body: {
        ...payment,
        recordType: 'fine-payment',
        documentNumber: `缴款书${payment.documentNumber}`,
        payload: { penaltyDocumentNumber: documentNumber, amountFen: 500_000, paidAt: `${today}T09:30:00+08:00`, payee: '郑州市交通运输局' },
      },
    });
    expect(paid.status).toBe(201);
    // Repair keeps its copy of the payment (from credit.records.created), as of every record.
    await eventually(
      () => platform.db.query(`SELECT 1 FROM repair.repair_records WHERE record_id = $1`, [paid.body.id]),
      (rows) => rows.length === 1,
      30_000,
    );

    const filed = await apply(recordId);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', evidence: [], finePayment: { status: 'verified', paymentRecordIds: [paid.body.id] } });
  }, 90_000);

  it('no payment data and no receipt: filed, and the application says the 5,000-yuan fine is what is missing', async () => {
    const { recordId, documentNumber } = await penalty(makeUscc('410100'));
    const filed = await apply(recordId);
    expect(filed.status).toBe(201);
    const finePayment = filed.body.finePayment as { status: string; missing: string };
    expect(finePayment.status).toBe('missing');
    expect(finePayment.missing).toContain(documentNumber);
    expect(finePayment.missing).toContain('5000.00元');
  }, 90_000);
});
