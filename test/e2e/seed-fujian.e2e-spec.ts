import { chinaToday } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string };
interface Item {
  ruleId: string;
  recordId?: string;
  points: number;
  note?: string;
}
interface Evaluation {
  schemeId: string;
  grade: string;
  score: number;
  triggers: string[];
  explanation: { items: Item[]; adjustments: { id: string; from: string; to: string }[] };
}

const SCHEME = 'fujian-construction-market';
const FUZHOU = '350100';

/*
 * Seed 004 案例11 (福建): assessor units score the units building a project; the province weights
 * them by responsibility and computes the comprehensive score; a responsible accident grades C or
 * D directly; AA after 3 sections won (A after 2) bids as B (DOMAIN.md §3). Played through the
 * gateway with Fujian's client: contractors registered, assessor scores, accidents and bid awards
 * in as records → grade, explanation and trigger out.
 *
 * Numbers follow fujian-construction-market (shipped-schemes.ts): the seed gives no weights, so
 * this version's placeholders are 主管部门 0.25, 质量监督 0.2, 造价管理 0.1, 项目业主 0.3, 设计咨询 0.1,
 * 设计审查专家 0.05; a unit that has not assessed drops out (reweight); AA ≥ 90, A 80–<90 (placeholder).
 */
describe('seed 004 案例11: Fujian grades construction units from several assessors’ weighted scores', () => {
  let platform: RunningPlatform;
  let fujian: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation']);
    fujian = await platform.token('fujian');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => fujian,
  );
  const today = chinaToday();
  let serial = 0;

  const register = async (uscc: string) => {
    const res = await api(`/api/v1/registry/enterprises/${uscc}`, { method: 'PUT', body: { name: '福建某路桥工程有限公司', region: FUZHOU } });
    expect([200, 201]).toContain(res.status);
  };
  const record = (contractor: string, recordType: string, payload: Record<string, unknown>, severity = 'minor') => ({
    ...creditRecordBody(),
    recordType,
    subject: { kind: 'org', id: contractor, name: '福建某路桥工程有限公司' },
    region: FUZHOU,
    severity,
    decisionDate: today,
    documentNumber: `闽交建考〔${today.slice(0, 4)}〕${++serial}号`,
    payload,
  });
  const assessment = (contractor: string, assessorRole: string, assessor: string, score: number) =>
    record(contractor, 'credit-assessment', { assessorRole, assessor, project: '莆炎高速公路永泰梧桐至尤溪中仙段', contractSection: 'A3合同段', score });
  const submit = async (body: Record<string, unknown>) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect({ status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
    return created.body.id as string;
  };
  /** The contractor's Fujian result once it accounts for every record listed. */
  const graded = (contractor: string, recordIds: string[]) =>
    eventually(
      () => api(`/api/v1/subjects/${contractor}/evaluations`).then((r) => ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === SCHEME)),
      (e) => !!e && recordIds.every((id) => e.explanation.items.some((i) => i.recordId === id)),
    );

  it('project owner 92, regulator 88, quality supervision 85, the other units silent: (27.6 + 22 + 17) / 0.75 = 88.8 → A, line by line', async () => {
    const contractor = makeUscc(FUZHOU);
    await register(contractor);
    const owner = await submit(assessment(contractor, 'project-owner', '福建省高速公路集团有限公司', 92));
    const regulator = await submit(assessment(contractor, 'competent-authority', '福州市交通运输局', 88));
    const quality = await submit(assessment(contractor, 'quality-supervision', '福建省交通建设质量安全中心', 85));

    const result = (await graded(contractor, [owner, regulator, quality]))!;
    expect({ grade: result.grade, score: result.score }).toEqual({ grade: 'A', score: 88.8 });
    // Each assessor's line: 100 × weight × score / 100 / (0.3 + 0.25 + 0.2).
    expect(result.explanation.items.filter((i) => i.recordId).map((i) => [i.recordId, i.points])).toEqual([
      [regulator, 29.333],
      [quality, 22.667],
      [owner, 36.8],
    ]);
    const silent = result.explanation.items.filter((i) => !i.recordId && i.ruleId.startsWith('comprehensive-assessment/'));
    expect(silent.map((i) => i.ruleId)).toEqual([
      'comprehensive-assessment/cost-management',
      'comprehensive-assessment/design-consultant',
      'comprehensive-assessment/design-review-expert',
    ]);
    expect(silent.every((i) => i.points === 0 && i.note?.includes('drops out'))).toBe(true);
  });

  it('a fatal accident with main responsibility grades the contractor D directly, whatever its score', async () => {
    const contractor = makeUscc(FUZHOU);
    await register(contractor);
    // Owner 95 alone: 0.3 × 95 / 0.3 = 95 → AA by score.
    const owner = await submit(assessment(contractor, 'project-owner', '福建省高速公路集团有限公司', 95));
    const accident = await submit(
      record(
        contractor,
        'accident',
        {
          occurredAt: `${today}T09:30:00+08:00`,
          location: '莆炎高速公路A3合同段隧道进口',
          accidentGrade: 'ordinary',
          responsibility: 'main',
          deaths: 1,
          injuries: 0,
          description: '隧道初期支护坍塌',
          determinedBy: '福州市应急管理局',
        },
        'severe',
      ),
    );
    const result = (await eventually(
      () => graded(contractor, [owner]),
      (e) => !!e && e.explanation.adjustments.length > 0,
    ))!;
    expect({ grade: result.grade, score: result.score }).toEqual({ grade: 'D', score: 95 });
    expect(result.explanation.adjustments.map((a) => [a.id, a.from, a.to])).toEqual([
      ['responsible-accident', 'AA', 'C'],
      ['fatal-main-responsibility-accident', 'C', 'D'],
    ]);
    expect(accident).toEqual(expect.any(String));
  });

  it('an AA contractor that has won 3 sections with its AA credit bids as B from then on', async () => {
    const contractor = makeUscc(FUZHOU);
    await register(contractor);
    const owner = await submit(assessment(contractor, 'project-owner', '福建省高速公路集团有限公司', 95));
    const award = (n: number) =>
      record(contractor, 'bid-award', {
        project: `福建省普通国省干线公路项目${n}`,
        contractSection: `C${n}标段`,
        tenderer: '福建省公路事业发展中心',
        creditGradeUsed: 'AA',
      });
    const first = [await submit(award(1)), await submit(award(2))];
    const two = (await graded(contractor, [owner]))!;
    expect({ grade: two.grade, triggers: two.triggers }).toEqual({ grade: 'AA', triggers: [] });

    const third = await submit(award(3));
    const three = await eventually(
      () => graded(contractor, [owner]),
      (e) => !!e && e.triggers.length > 0,
    );
    expect({ grade: three!.grade, triggers: three!.triggers }).toEqual({ grade: 'AA', triggers: ['bid-credit-as-b'] });
    expect([...first, third]).toHaveLength(3);
  });

  it('refuses an assessment outside the 100-point scale or from an unknown unit, naming the field, and stores nothing', async () => {
    const contractor = makeUscc(FUZHOU);
    const over = await api('/api/v1/credit-records', { method: 'POST', body: assessment(contractor, 'project-owner', '业主', 101) });
    expect({ status: over.status, code: over.body.code }).toEqual({ status: 400, code: 'RECORD.INVALID' });
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'payload.score' })]);
    const unknown = await api('/api/v1/credit-records', { method: 'POST', body: assessment(contractor, 'regulator', '某单位', 80) });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'payload.assessorRole' })]);
    expect(await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records WHERE subject_id = $1`, [contractor])).toEqual([{ n: 0 }]);
  });
});
