import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { permitsDefinition } from '../permits.definition';
import type { CreditCheckPort } from './application/credit-check.port';
import { AttachmentFilesHandler } from './application/attachment-files.handler';
import { CorrectApplicationHandler } from './application/correct-application.handler';
import { DecideApplicationHandler } from './application/decide-application.handler';
import { DrawRemoteInspectionsJob } from './application/draw-remote-inspections.job';
import { GetApplicationHandler } from './application/get-application.handler';
import { GetPermitHandler } from './application/get-permit.handler';
import { RevokePermitHandler } from './application/revoke-permit.handler';
import { SubmitApplicationHandler } from './application/submit-application.handler';
import type { CreditCheck } from './domain/credit-path';
import type { PermitApplicationDraft } from './domain/permit-application';
import { zhengzhouToWuhan } from './domain/permit-application.fixture';
import { dailyDrawSeed, drawRemoteInspections } from './domain/remote-inspection-draw';
import { putRegistryCarriers } from './infrastructure/registry-carriers.repository';

/*
 * Applications against real PostgreSQL, joint measures behind the CreditCheckPort (issue 18 items 1–4).
 * Numbers: DOMAIN.md §7 (class II ≤ 4.5 m × 3.75 m × 28 m, ≤ 100 t; cross-province 10 working days;
 * Henan's key-watch list closes the commitment path, seed 002).
 */
describe('permits: applications classified, on the credit path or not, stored once (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let submit: SubmitApplicationHandler;
  let get: GetApplicationHandler;
  let decide: DecideApplicationHandler;
  let revoke: RevokePermitHandler;
  let correct: CorrectApplicationHandler;
  let getPermit: GetPermitHandler;
  const answers = new Map<string, CreditCheck>();
  const creditCheck: CreditCheckPort = {
    check: async (_principal, uscc) => answers.get(uscc) ?? { answered: true, decisionId: 'd-allow', outcome: 'allow', measures: [] },
  };
  const window: Principal = { clientId: 'permit-window', kind: 'integrator', scopes: ['permits:write', 'measures:decide'], region: '410100' };
  const hubei: Principal = { clientId: 'hubei', kind: 'integrator', scopes: ['permits:write'], region: '420000' };
  // Monday 2025-12-01 (China time): 10 working days later is Monday 2025-12-15.
  const monday = new Date('2025-12-01T02:00:00Z');

  async function carrier(sectors = ['oversize-transport']): Promise<string> {
    const uscc = makeUscc('410100');
    await putRegistryCarriers(dataSource.manager, [
      { uscc, name: '郑州大件运输有限公司', region: '410100', sectors, active: true, revision: 1, changedAt: new Date().toISOString() },
    ]);
    return uscc;
  }

  const countRows = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM permit_applications`))[0].n);

  beforeAll(async () => {
    db = await cloneTestDatabase('permits-applications');
    dataSource = await db.dataSource(permitsDefinition);
    submit = new SubmitApplicationHandler(dataSource, creditCheck, new WorkingDayCalendar());
    get = new GetApplicationHandler(dataSource);
    decide = new DecideApplicationHandler(dataSource, new OutboxPublisher(permitsDefinition as ServiceDefinition));
    getPermit = new GetPermitHandler(dataSource);
    revoke = new RevokePermitHandler(dataSource, new OutboxPublisher(permitsDefinition as ServiceDefinition));
    correct = new CorrectApplicationHandler(dataSource, new WorkingDayCalendar());
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a clean committed carrier, Zhengzhou → Wuhan: class II, 10 working days, commitment path, Hubei pending', async () => {
    const carrierUscc = await carrier();
    const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc }) }, monday);
    expect(application).toMatchObject({
      status: 'accepted',
      permitClass: 'II',
      crossProvince: true,
      workingDays: 10,
      receivedOn: '2025-12-01',
      deadline: '2025-12-15',
      deadlineProvisional: false,
      path: 'commitment',
      inspection: 'remote-if-drawn',
      approvals: [
        { province: '410000', state: 'origin', reason: null },
        { province: '420000', state: 'pending', reason: null },
      ],
    });
    expect(await get.execute(window, { id: application.id })).toEqual(application);
  });

  it('a carrier on the key-watch list: the standard path with inspection, and the reason', async () => {
    const carrierUscc = await carrier();
    answers.set(carrierUscc, {
      answered: true,
      decisionId: 'd-deny',
      outcome: 'deny',
      measures: [
        {
          code: 'commitment-path.denied',
          name: '不适用信用承诺（告知承诺）办理',
          legalBasis: 'LOCAL: 河南（重点关注名单）',
          grounds: ['列入重点关注名单（2026-11-01起）'],
        },
      ],
    });
    const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc }) }, monday);
    expect(application).toMatchObject({ status: 'accepted', path: 'standard', inspection: 'on-site', creditDecisionId: 'd-deny' });
    expect(application.pathReasons[0]).toContain('不适用信用承诺');
  });

  it('joint measures not answering in time: standard path, and says so', async () => {
    const carrierUscc = await carrier();
    answers.set(carrierUscc, { answered: false, why: 'deadline: DEADLINE_EXCEEDED' });
    const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc }) }, monday);
    expect(application).toMatchObject({ path: 'standard', inspection: 'on-site', creditDecisionId: null });
    expect(application.pathReasons[0]).toContain('联合奖惩未能答复');
  });

  it('a carrier not licensed for oversize transport is not accepted (stored with the reason)', async () => {
    const carrierUscc = await carrier(['general-cargo']);
    const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc }) }, monday);
    expect(application).toMatchObject({ status: 'not-accepted', reasons: ['carrier-not-licensed'], deadline: null });
  });

  it('an unknown carrier: 400 PERMIT_APPLICATION.UNKNOWN_CARRIER on carrierUscc, nothing written', async () => {
    const before = await countRows();
    const error = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc: makeUscc('410100') }) }, monday).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'PERMIT_APPLICATION.UNKNOWN_CARRIER', kind: 'validation', violations: [{ field: 'carrierUscc' }] });
    expect(await countRows()).toBe(before);
  });

  it('bad input: every item at once, nothing written', async () => {
    const before = await countRows();
    const draft = zhengzhouToWuhan({ carrierUscc: await carrier(), window: { from: '2026-12-12', to: '2026-12-10' } });
    draft.dimensions.heightM = 420;
    await expect(submit.execute(window, { draft }, monday)).rejects.toMatchObject({
      code: 'PERMIT_APPLICATION.INVALID',
      violations: [{ field: 'dimensions.heightM' }, { field: 'window.to' }],
    });
    expect(await countRows()).toBe(before);
  });

  it("a route that does not start in the accepting client's province is refused", async () => {
    await expect(submit.execute(hubei, { draft: zhengzhouToWuhan({ carrierUscc: await carrier() }) }, monday)).rejects.toMatchObject({
      code: 'PERMIT_APPLICATION.ORIGIN_OUTSIDE_REGION',
      violations: [{ field: 'route.segments[0].province' }],
    });
  });

  it('a duplicate submission with the same Idempotency-Key answers the first application; a different body is refused', async () => {
    const draft = zhengzhouToWuhan({ carrierUscc: await carrier() });
    const first = await submit.execute(window, { draft, idempotencyKey: 'apply-1' }, monday);
    const before = await countRows();
    const again = await submit.execute(window, { draft, idempotencyKey: 'apply-1' }, monday);
    expect(again).toEqual({ application: first.application, replayed: true });
    expect(await countRows()).toBe(before);
    await expect(submit.execute(window, { draft: { ...draft, speedKmh: 50 }, idempotencyKey: 'apply-1' }, monday)).rejects.toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
    });
  });

  it("another region's client does not see the application", async () => {
    const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc: await carrier() }) }, monday);
    await expect(get.execute(hubei, { id: application.id })).rejects.toMatchObject({ code: 'PERMIT_APPLICATION.NOT_FOUND' });
    await expect(get.execute(window, { id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'PERMIT_APPLICATION.NOT_FOUND' });
  });

  describe('the accepting authority decides', () => {
    const withinHenan = async (colours: Pick<PermitApplicationDraft['vehicle'], 'tractorPlateColour' | 'trailerPlateColour'> = {}) => {
      const draft = zhengzhouToWuhan({ carrierUscc: await carrier() });
      draft.route.segments = [draft.route.segments[0]];
      Object.assign(draft.vehicle, colours);
      return (await submit.execute(window, { draft }, monday)).application;
    };

    it('issues a single-province application: a numbered permit, stored, announced as permits.permit.issued', async () => {
      const application = await withinHenan();
      const result = await decide.execute(window, { id: application.id, outcome: 'issue' }, monday);
      expect(result.permit).toMatchObject({
        permitNo: expect.stringMatching(/^410000-2025-\d{6}$/),
        carrierUscc: application.carrierUscc,
        carrierName: '郑州大件运输有限公司',
        permitClass: 'II',
        vehicle: { tractorPlate: '豫A12345', trailerPlate: '豫A6789挂', axleCount: 6 },
        route: { origin: '郑州市', destination: '武汉市', provinces: ['410000'] },
        validFrom: '2026-12-10',
        validUntil: '2026-12-12',
      });
      expect(result.application).toMatchObject({ decision: 'issued', permitNo: result.permit!.permitNo });
      expect(await getPermit.execute(window, { permitNo: result.permit!.permitNo })).toEqual(result.permit);
      const events: { envelope: { data: { permitNo: string; permitClass: string; carrier: { uscc: string } } } }[] = await dataSource.query(
        `SELECT envelope FROM permits.outbox WHERE subject = 'permits.permit.issued' AND envelope->>'subjectId' = $1`,
        [application.carrierUscc],
      );
      expect(events.map((e) => e.envelope.data)).toEqual([
        expect.objectContaining({
          permitNo: result.permit!.permitNo,
          permitClass: 'II',
          carrier: expect.objectContaining({ uscc: application.carrierUscc }),
          // The 许可机关 named on the licence record (双公示): Henan's configured authority, never an empty USCC;
          // the plates' colour is the application's, yellow where it names none (GA 36-2018, large vehicles).
          issuedBy: { region: '410100', authority: '河南省交通运输厅', authorityUscc: '11410000PH00000016' },
          vehicle: expect.objectContaining({ tractorPlateColour: 'yellow', trailerPlateColour: 'yellow' }),
        }),
      ]);
    });

    it('names the plate colours the application declares', async () => {
      const application = await withinHenan({ tractorPlateColour: 'blue' });
      const result = await decide.execute(window, { id: application.id, outcome: 'issue' }, monday);
      const [event]: { envelope: { data: { vehicle: Record<string, string> } } }[] = await dataSource.query(
        `SELECT envelope FROM permits.outbox WHERE subject = 'permits.permit.issued' AND envelope->'data'->>'permitNo' = $1`,
        [result.permit!.permitNo],
      );
      expect(event.envelope.data.vehicle).toMatchObject({ tractorPlateColour: 'blue', trailerPlateColour: 'yellow' });
    });

    it('decides once: a second decision is 409 PERMIT_APPLICATION.ALREADY_DECIDED', async () => {
      const application = await withinHenan();
      await decide.execute(window, { id: application.id, outcome: 'refuse', reason: '桥梁承载能力不足' }, monday);
      expect(await get.execute(window, { id: application.id })).toMatchObject({ decision: 'refused', decisionReason: '桥梁承载能力不足', permitNo: null });
      await expect(decide.execute(window, { id: application.id, outcome: 'issue' }, monday)).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.ALREADY_DECIDED',
      });
    });

    it('a cross-province application waits for every route province: 409 PERMIT_APPLICATION.APPROVALS_PENDING, nothing issued', async () => {
      const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc: await carrier() }) }, monday);
      await expect(decide.execute(window, { id: application.id, outcome: 'issue' }, monday)).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.APPROVALS_PENDING',
      });
      expect(await get.execute(window, { id: application.id })).toMatchObject({ decision: null, permitNo: null });
    });

    it('a refusal without a reason is 400 on reason; an unknown permit is 404', async () => {
      const application = await withinHenan();
      await expect(decide.execute(window, { id: application.id, outcome: 'refuse' }, monday)).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.INVALID',
        violations: [{ field: 'reason' }],
      });
      await expect(getPermit.execute(window, { permitNo: '410000-2025-999999' })).rejects.toMatchObject({ code: 'PERMIT.NOT_FOUND' });
    });
  });

  describe('the issuing authority revokes (issue 18 item 9)', () => {
    const issuedPermit = async () => {
      const draft = zhengzhouToWuhan({ carrierUscc: await carrier() });
      draft.route.segments = [draft.route.segments[0]];
      const application = (await submit.execute(window, { draft }, monday)).application;
      return (await decide.execute(window, { id: application.id, outcome: 'issue' }, monday)).permit!;
    };
    const announced = async (subject: string, permitNo: string) =>
      (
        await dataSource.query(
          `SELECT envelope->'data' AS data FROM permits.outbox WHERE subject = $1 AND (envelope->'data'->>'permitNo' = $2 OR envelope->'data'->>'permitNumber' = $2)`,
          [subject, permitNo],
        )
      ).map((r: { data: unknown }) => r.data);

    it('for false materials: revoked once, permits.permit.revoked and a severe false-materials violation found in application review', async () => {
      const permit = await issuedPermit();
      const revoked = await revoke.execute(window, { permitNo: permit.permitNo, reason: '申请材料中的车辆行驶证系伪造', falseMaterials: true }, monday);
      expect(revoked.revocation).toEqual({
        reason: '申请材料中的车辆行驶证系伪造',
        falseMaterials: true,
        revokedBy: 'permit-window',
        revokedAt: monday.toISOString(),
      });
      expect(await getPermit.execute(window, { permitNo: permit.permitNo })).toEqual(revoked);
      expect(await announced('permits.permit.revoked', permit.permitNo)).toEqual([
        expect.objectContaining({
          permitNo: permit.permitNo,
          carrierUscc: permit.carrierUscc,
          reason: '申请材料中的车辆行驶证系伪造',
          revokedBy: 'permit-window',
        }),
      ]);
      expect(await announced('permits.violations.detected', permit.permitNo)).toEqual([
        expect.objectContaining({
          episodeId: `false-materials-${permit.permitNo}`,
          subject: { kind: 'org', id: permit.carrierUscc, name: '郑州大件运输有限公司' },
          violationType: 'false-materials',
          detectedBy: 'application-review',
          severity: 'severe',
          foundBy: { name: '河南省交通运输厅', uscc: '11410000PH00000016' },
        }),
      ]);
      await expect(revoke.execute(window, { permitNo: permit.permitNo, reason: '再次撤销', falseMaterials: true }, monday)).rejects.toMatchObject({
        code: 'PERMIT.ALREADY_REVOKED',
      });
      expect(await announced('permits.violations.detected', permit.permitNo)).toHaveLength(1);
    });

    it('for another reason: revoked, no violation; no reason is 400 on reason; another region is 404; nothing half-written', async () => {
      const permit = await issuedPermit();
      await expect(revoke.execute(window, { permitNo: permit.permitNo, reason: ' ', falseMaterials: false }, monday)).rejects.toMatchObject({
        code: 'PERMIT.INVALID_REVOCATION',
        violations: [{ field: 'reason' }],
      });
      await expect(revoke.execute(hubei, { permitNo: permit.permitNo, reason: '承运人申请注销', falseMaterials: false }, monday)).rejects.toMatchObject({
        code: 'PERMIT.NOT_FOUND',
      });
      expect((await getPermit.execute(window, { permitNo: permit.permitNo })).revocation).toBeNull();
      await revoke.execute(window, { permitNo: permit.permitNo, reason: '承运人申请注销', falseMaterials: false }, monday);
      expect(await announced('permits.permit.revoked', permit.permitNo)).toHaveLength(1);
      expect(await announced('permits.violations.detected', permit.permitNo)).toEqual([]);
    });
  });

  describe('the applicant corrects a deficient application (《行政许可法》第三十二条)', () => {
    // Class III (4.8 m > 4.5 m), cross-province: 20 working days, once the outline drawing and escort plan are in.
    const classIII = async () => {
      const draft = zhengzhouToWuhan({ carrierUscc: await carrier(), dimensions: { heightM: 4.8, widthM: 3.5, lengthM: 22, grossMassKg: 51_000 } });
      return (await submit.execute(window, { draft }, monday)).application;
    };
    // The outline drawing is uploaded first (ADR 0076): a reference names a stored file.
    const drawing = Buffer.from('%PDF-1.7\n% outline drawing\n%%EOF\n', 'latin1');
    let outline: { kind: string; sha256: string; sizeBytes: number; mediaType: string };
    beforeAll(async () => {
      const stored = await new AttachmentFilesHandler(dataSource).upload(window, drawing);
      outline = { kind: 'outline-drawing', sha256: stored.sha256, sizeBytes: stored.sizeBytes, mediaType: stored.mediaType };
    });
    const nextMonday = new Date('2025-12-08T02:00:00Z');

    it('a partial correction gets one new notice of what is still missing; the complete one is accepted that day, the deadline counted from it', async () => {
      const application = await classIII();
      expect(application).toMatchObject({ status: 'deficient', acceptedOn: null, deadline: null });
      const { application: partial } = await correct.execute(window, { id: application.id, attachments: [outline] }, nextMonday);
      expect(partial).toMatchObject({ status: 'deficient', deficiencies: [{ field: 'escortPlan' }], acceptedOn: null, deadline: null });
      const { application: complete } = await correct.execute(
        window,
        { id: application.id, attachments: [], escortPlan: '前后各一辆护送车，限速40公里/小时' },
        nextMonday,
      );
      // Received Mon 1 Dec 2025, complete Mon 8 Dec: 20 working days from 8 Dec are 6 Jan 2026 (元旦 1–3 Jan off,
      // Sun 4 Jan a make-up working day), not 29 Dec 2025 as counted from the first receipt.
      expect(complete).toMatchObject({ status: 'accepted', receivedOn: '2025-12-01', acceptedOn: '2025-12-08', deadline: '2026-01-06', deficiencies: [] });
      expect(await get.execute(window, { id: application.id })).toEqual(complete);
      await expect(correct.execute(window, { id: application.id, attachments: [outline] }, nextMonday)).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.NOT_DEFICIENT',
      });
    });

    it('a correction retried with its Idempotency-Key answers the first correction; another body under the key is refused', async () => {
      const application = await classIII();
      const complete = { id: application.id, attachments: [outline], escortPlan: '前后各一辆护送车', idempotencyKey: `correct-${application.id}` };
      const first = await correct.execute(window, complete, nextMonday);
      expect(first).toMatchObject({ replayed: false, application: { status: 'accepted' } });
      // Without the key the retry would be 409 NOT_DEFICIENT (the application is accepted now); with it, the first answer.
      expect(await correct.execute(window, complete, nextMonday)).toEqual({ application: first.application, replayed: true });
      await expect(correct.execute(window, { ...complete, escortPlan: '另一方案' }, nextMonday)).rejects.toMatchObject({
        code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
      });
    });

    it('an attachment that names no uploaded file, or relabels one, is refused (400 naming each field), nothing stored', async () => {
      const application = await classIII();
      const notUploaded = { ...outline, sha256: 'e'.repeat(64) };
      const relabelled = { ...outline, kind: 'escort-plan', mediaType: 'image/png', sizeBytes: outline.sizeBytes + 1 };
      await expect(
        correct.execute(window, { id: application.id, attachments: [notUploaded, relabelled], escortPlan: '护送' }, nextMonday),
      ).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.INVALID',
        violations: [{ field: 'attachments[0].sha256' }, { field: 'attachments[1].sizeBytes' }, { field: 'attachments[1].mediaType' }],
      });
      expect(await get.execute(window, { id: application.id })).toMatchObject({ status: 'deficient' });
      // The uploader reads it back; a client of another region does not see it.
      expect((await new AttachmentFilesHandler(dataSource).read(window, outline.sha256)).content.equals(drawing)).toBe(true);
      await expect(new AttachmentFilesHandler(dataSource).read({ ...hubei, scopes: ['permits:write'] }, outline.sha256)).rejects.toMatchObject({
        code: 'FILE.NOT_FOUND',
      });
    });

    it('an invalid attachment in the correction: 400 naming it, nothing stored; another region sees no application', async () => {
      const application = await classIII();
      await expect(
        correct.execute(window, { id: application.id, attachments: [{ ...outline, mediaType: 'application/x-msdownload' }], escortPlan: '护送' }, nextMonday),
      ).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.INVALID',
        violations: expect.arrayContaining([expect.objectContaining({ field: 'attachments[0].mediaType' })]),
      });
      expect(await get.execute(window, { id: application.id })).toMatchObject({
        status: 'deficient',
        deficiencies: [{ field: 'attachments.outline-drawing' }, { field: 'escortPlan' }],
      });
      await expect(correct.execute(hubei, { id: application.id, attachments: [outline] }, nextMonday)).rejects.toMatchObject({
        code: 'PERMIT_APPLICATION.NOT_FOUND',
      });
    });
  });

  describe('the daily remote-inspection draw (seed 002 案例7: 按照每天的申报数量不低于10%的比例随机进行抽查)', () => {
    let draws: DrawRemoteInspectionsJob;
    beforeAll(() => {
      draws = new DrawRemoteInspectionsJob(dataSource, { PERMIT_REMOTE_DRAW_INTERVAL_MS: 60_000, PERMIT_REMOTE_DRAW_PERCENT: 10 });
    });
    const saturday = new Date('2025-12-06T02:00:00Z');

    it("draws a finished day's commitment applications once, at least 10 %, reproducibly from the day's seed, and each application says so", async () => {
      const mine: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const draft = zhengzhouToWuhan({ carrierUscc: await carrier() });
        mine.push((await submit.execute(window, { draft }, saturday)).application.id);
      }
      expect((await get.execute(window, { id: mine[0] })).remoteInspection).toBeNull();
      // Saturday 23:00 in Beijing: the earlier days of this file are drawn, Saturday is not over yet.
      await draws.runOnce(new Date('2025-12-06T15:00:00Z'));
      expect((await get.execute(window, { id: mine[0] })).remoteInspection).toBeNull();
      // Sunday 00:30 in Beijing: Saturday is drawn, once.
      expect(await draws.runOnce(new Date('2025-12-06T16:30:00Z'))).toBe(1);
      expect(await draws.runOnce(new Date('2025-12-06T17:00:00Z'))).toBe(0);
      const pool: { id: string }[] = await dataSource.query(
        `SELECT id FROM permit_applications WHERE region = '410100' AND received_on = '2025-12-06' AND path = 'commitment'`,
      );
      const rerun = drawRemoteInspections(
        pool.map((r) => r.id),
        dailyDrawSeed('410100', '2025-12-06'),
        10,
      );
      // 12 applications: ceil(12 × 10 %) = 2 drawn (不低于10%).
      expect(rerun.drawn).toHaveLength(Math.ceil((pool.length * 10) / 100));
      for (const id of mine) {
        expect((await get.execute(window, { id })).remoteInspection).toBe(rerun.drawn.includes(id) ? 'drawn' : 'not-drawn');
      }
      const [kept]: { seed: number; pool: number; drawn: string[] }[] = await dataSource.query(
        `SELECT seed, pool, drawn FROM remote_inspection_draws WHERE region = '410100' AND day = '2025-12-06'`,
      );
      expect(kept).toEqual({ seed: dailyDrawSeed('410100', '2025-12-06'), pool: pool.length, drawn: rerun.drawn });
    });
  });
});
