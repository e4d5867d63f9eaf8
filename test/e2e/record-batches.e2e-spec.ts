import { daysAhead } from '@platform/testing';
import { creditRecordBody } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface BatchStatus {
  status: string;
  lineCount: number;
  processed: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: { line: number; field: string; code: string }[];
}

/** Collection issue: NDJSON batches, per-line outcomes, limits, and recovery from a crash mid-batch. */
describe('NDJSON batches', () => {
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection'], { BATCH_CHUNK_SIZE: '250', BATCH_LEASE_SECONDS: '2', BATCH_POLL_MS: '100' });
    token = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const submit = (ndjson: string, idempotencyKey?: string) =>
    fetch(`${platform.gatewayUrl}/api/v1/credit-records/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body: ndjson,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { batchId: string; lineCount: number; code?: string } }));

  const status = (batchId: string) =>
    fetch(`${platform.gatewayUrl}/api/v1/credit-records/batches/${batchId}`, { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.json() as Promise<BatchStatus>,
    );

  const completed = (batchId: string, timeoutMs = 60_000) =>
    eventually(
      () => status(batchId),
      (s) => s.status === 'completed',
      timeoutMs,
    );

  const count = async (sql: string, params: unknown[]) => (await platform.db.query<{ n: number }>(sql, params))[0].n;

  it('stores exactly the good lines and reports every bad one with its line, field and code', async () => {
    const existing = creditRecordBody();
    expect(
      (
        await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(existing),
        })
      ).status,
    ).toBe(201);
    const tomorrow = daysAhead(1);
    const twin = creditRecordBody();
    const lines = [
      JSON.stringify(creditRecordBody()), // 1 good
      '{"recordType": "administrative-penalty",', // 2 bad JSON
      JSON.stringify(creditRecordBody({ recordType: 'parking-ticket' })), // 3 unknown type
      JSON.stringify(creditRecordBody({ subject: { id: '91350100M000100Y44' } })), // 4 bad USCC
      JSON.stringify({ ...creditRecordBody(), decisionDate: undefined }), // 5 missing decision date
      JSON.stringify(creditRecordBody({ decisionDate: tomorrow })), // 6 future date
      JSON.stringify(creditRecordBody({ payload: { penaltyCategories: ['not-a-category'] } })), // 7 payload schema
      JSON.stringify({ ...existing, sourceRecordId: 'another-id' }), // 8 duplicate of a stored record
      '', // 9 blank: skipped, keeps numbering
      JSON.stringify(twin), // 10 good
      JSON.stringify({ ...twin, sourceRecordId: 'twin-again' }), // 11 duplicate within the batch
      JSON.stringify(creditRecordBody({ region: '410300' })), // 12 another region
      JSON.stringify(creditRecordBody()), // 13 good
      JSON.stringify(creditRecordBody({ documentNumber: '郑交罚\u0000999号' })), // 14 NUL character (PostgreSQL cannot store it)
    ];
    const before = await count(`SELECT count(*)::int AS n FROM collection.credit_records`, []);
    const accepted = await submit(lines.join('\n'));
    expect(accepted.status).toBe(202);
    expect(accepted.body.lineCount).toBe(13);
    const result = await completed(accepted.body.batchId);
    expect(result).toMatchObject({ status: 'completed', lineCount: 13, processed: 13, accepted: 3, rejected: 8, duplicates: 2 });
    const byLine = (line: number) => result.errors.filter((e) => e.line === line).map((e) => `${e.field}:${e.code}`);
    expect(byLine(2)).toEqual(['(line):MALFORMED_JSON']);
    expect(byLine(3)).toEqual(['recordType:UNKNOWN_TYPE']);
    expect(byLine(4)).toEqual(['subject.id:USCC_CHECK_CHARACTER']);
    expect(byLine(5)).toEqual(['decisionDate:REQUIRED']);
    expect(byLine(6)).toEqual(['decisionDate:FUTURE_DATE']);
    expect(byLine(7)).toEqual(expect.arrayContaining([expect.stringMatching(/^payload\.penaltyCategories/)]));
    expect(byLine(12)).toEqual(['region:REGION_FORBIDDEN']);
    expect(byLine(14)).toEqual(['documentNumber:NUL_CHARACTER']);
    expect(result.errors.map((e) => e.line).filter((l) => [1, 8, 9, 10, 11, 13].includes(l))).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM collection.credit_records`, [])).toBe(before + 3);
    expect(
      await count(`SELECT count(*)::int AS n FROM collection.outbox WHERE envelope->'data'->>'documentNumber' = ANY($1)`, [
        [lines[0], lines[9], lines[12]].map((l) => JSON.parse(l).documentNumber),
      ]),
    ).toBe(3);
  }, 60_000);

  it('refuses a batch over 10,000 lines or 20 MiB whole, and replays a batch by Idempotency-Key', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM collection.batches`, []);
    const tooMany = await submit(Array.from({ length: 10_001 }, () => '{}').join('\n'));
    expect({ status: tooMany.status, code: tooMany.body.code }).toEqual({ status: 413, code: 'BATCH.TOO_MANY_LINES' });
    const padded = JSON.stringify(creditRecordBody({ payload: { note: 'x'.repeat(2100 * 1024) } }));
    const tooLarge = await submit(Array.from({ length: 10 }, () => padded).join('\n'));
    expect({ status: tooLarge.status, code: tooLarge.body.code }).toEqual({ status: 413, code: 'REQUEST.TOO_LARGE' });
    expect(await count(`SELECT count(*)::int AS n FROM collection.batches`, [])).toBe(before);
    // A retry sends the same body again (API.md); the same key with another body is refused (issue 15 item 4).
    const batch = JSON.stringify(creditRecordBody());
    const first = await submit(batch, 'batch-key-1');
    const again = await submit(batch, 'batch-key-1');
    expect(again).toEqual({ status: 202, body: first.body });
    const reused = await submit(JSON.stringify(creditRecordBody()), 'batch-key-1');
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' });
  });

  it('loses no accepted line and duplicates none when collection is killed mid-batch', async () => {
    const prefix = `crash-${Date.now()}`;
    const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(creditRecordBody({ sourceRecordId: `${prefix}-${i}` })));
    const accepted = await submit(lines.join('\n'));
    expect(accepted.status).toBe(202);
    const stored = () => count(`SELECT count(*)::int AS n FROM collection.credit_records WHERE source_record_id LIKE $1`, [`${prefix}-%`]);
    await eventually(stored, (n) => n > 0, 30_000);
    platform.processes.collection.kill('SIGKILL');
    await new Promise((resolve) => platform.processes.collection.once('exit', resolve));
    const atCrash = await stored();
    expect(atCrash).toBeLessThan(10_000);
    await platform.restart('collection');
    const result = await completed(accepted.body.batchId, 120_000);
    expect(result).toMatchObject({ status: 'completed', processed: 10_000, accepted: 10_000, rejected: 0, duplicates: 0 });
    expect(await stored()).toBe(10_000);
    expect(
      await count(`SELECT count(DISTINCT source_record_id)::int AS n FROM collection.credit_records WHERE source_record_id LIKE $1`, [`${prefix}-%`]),
    ).toBe(10_000);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM collection.outbox WHERE envelope->'data'->>'recordId' IN (SELECT id::text FROM collection.credit_records WHERE source_record_id LIKE $1)`,
        [`${prefix}-%`],
      ),
    ).toBe(10_000);
  }, 180_000);
});
