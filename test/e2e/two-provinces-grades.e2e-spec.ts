import { usccCheckCharacter } from '@domain/identifiers';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';
import { startHubeiFollowing } from '../support/two-provinces';

interface PartnerGrade {
  partner: { region: string; name: string };
  scheme: { id: string; name: string };
  grade: string;
  gradeLabel: string;
  cycle: string;
  version: number;
  status: string;
  recognition: { outcome: string; agreement: string | null; reason: string; recognitionTableId: string | null };
  equivalent: { tableId: string; schemeId: string; grade: string; basis: string[] } | null;
  changeId: string;
  withdrawal: { at: string; reason: string } | null;
}
interface DecisionReason {
  kind: string;
  mappingId: string;
  schemeId?: string;
  grade?: string;
  recognisedFrom?: { partnerRegion: string; partnerName: string; schemeId: string; grade: string; gradeLabel: string; tableId: string; explanation: string };
}
type Json = Record<string, unknown> & {
  code?: string;
  grades?: PartnerGrade[];
  items?: { changeId: string; reasonCode: string; reason: string }[];
  measures?: { mappingId: string }[];
  reasons?: DecisionReason[];
};

const HENAN_CODES = 'henan-passenger-hazardous-codes';
const HEBI_FLEET = 'hebi-fleet';
const AUTHORITY_FIRST17 = '11410600005252717';

/*
 * Mutual recognition of grades between two provinces (issue 20: "imported grades … are applied with
 * provenance under the agreement"; ADR 0085). Henan (410000) and Hubei (420000) each run their own
 * platform; Hubei follows Henan's signed change feed. Hubei's agreement with Henan recognises
 * Henan's 两客一危 codes (about any enterprise: Henan's feed carries only grades of enterprises
 * registered in Hubei), read on Hubei's ladder by the shipped table henan-codes-to-yangtze-four-colour
 * (each colour as itself); it does not name Hebi's fleet grades.
 *
 * A Wuhan-registered passenger carrier gets one general administrative penalty from Hebi (410600),
 * which both Henan schemes grade (ADR 0044: road-passenger is in both schemes' sectors; 410600 lies
 * in 410000):
 * - Henan codes: 1000 − 30 = 970 ≥ 900 → green (DOMAIN.md §3; seed 002 案例1, 4; shipped-schemes.ts);
 * - Hebi fleet: 1000 − 50 = 950 ≥ 850 → AAA (seed 002 案例6; shipped-schemes.ts).
 * Moved to general cargo, it leaves the codes' sectors (withdrawn, ADR 0046) but not Hebi's.
 */
describe('two provinces: Henan’s grades at Hubei, as Henan’s', () => {
  let henan: RunningPlatform;
  let hubei: RunningPlatform;
  let hebi: string;
  let hubeiAdmin: string;
  let yangtze: string;

  beforeAll(async () => {
    henan = await startPlatform(['gateway', 'collection', 'joint-measures', 'evaluation', 'disclosure']);
    // Hubei runs what applying each kind of change of Henan's feed needs, so no change of another kind holds the page back.
    hubei = await startHubeiFollowing(henan, ['gateway', 'collection', 'joint-measures', 'evaluation'], {
      lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 }],
      grades: { schemes: [{ schemeId: HENAN_CODES, subjects: 'any', effect: 'apply', recognitionTable: 'henan-codes-to-yangtze-four-colour' }] },
    });
    [hebi, hubeiAdmin, yangtze] = await Promise.all([henan.token('hebi'), hubei.token('yangtze-regulator'), hubei.token('yangtze')]);
  }, 240_000);

  afterAll(async () => {
    await hubei?.stop();
    await henan?.stop();
  }, 120_000);

  const atHubei = gatewayApi<Json>(
    () => hubei,
    () => hubeiAdmin,
  );
  const partnerGradesAtHubei = async (uscc: string) => (await atHubei(`/api/v1/subjects/${uscc}/partner-grades`)).body.grades ?? [];
  const ofScheme = (grades: PartnerGrade[], schemeId: string) => grades.find((g) => g.scheme.id === schemeId);
  // 信用长江 at Hubei asks for the tank-cleaning discount (shipped mapping yangtze.green.tank-cleaning: a green ship of the four-colour scheme, any region).
  const tankCleaningAtHubei = (uscc: string) =>
    gatewayApi<Json>(
      () => hubei,
      () => yangtze,
    )('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: uscc, scene: 'incentive.discount', region: '420100' } });
  const TANK_CLEANING = 'yangtze.green.tank-cleaning';

  it('Henan’s grade of a Hubei carrier is held at Hubei as Henan’s, with its mapping; Hebi’s, outside the agreement, is not applied; a Hubei decision follows the recognised green code, naming Henan; Henan’s withdrawal withdraws it', async () => {
    const uscc = makeUscc('420100');
    await registerSubjects(henan, [{ kind: 'org', id: uscc, sectors: ['road-passenger'] }]);
    const penalty = creditRecordBody({
      subject: { kind: 'org', id: uscc, name: '武汉跨省评级测试客运有限公司' },
      region: '410600',
      documentNumber: `鹤交执罚〔2026〕${uscc.slice(-6)}号`,
      payload: { authority: '鹤壁市交通运输局', authorityUscc: AUTHORITY_FIRST17 + usccCheckCharacter(AUTHORITY_FIRST17) },
    });
    const created = await gatewayApi<Json>(
      () => henan,
      () => hebi,
    )('/api/v1/credit-records', { method: 'POST', body: penalty });
    expect(created.status).toBe(201);

    const held = await eventually(
      () => partnerGradesAtHubei(uscc),
      (grades) => ofScheme(grades, HENAN_CODES)?.grade === 'green' && ofScheme(grades, HEBI_FLEET)?.grade === 'AAA',
      90_000,
    );
    expect(ofScheme(held, HENAN_CODES)).toMatchObject({
      partner: { region: '410000', name: '河南省交通运输厅' },
      scheme: { id: HENAN_CODES, name: '河南省“两客一危”经营者安全生产信用“红黄绿”码' },
      grade: 'green',
      gradeLabel: '绿码',
      status: 'applied',
      recognition: { outcome: 'applied', agreement: 'henan-demo', recognitionTableId: 'henan-codes-to-yangtze-four-colour' },
      // The table reads Henan's green as the Yangtze four-colour green (each colour as itself).
      equivalent: { tableId: 'henan-codes-to-yangtze-four-colour', schemeId: 'yangtze-shipping-four-colour', grade: 'green' },
      changeId: expect.stringMatching(new RegExp(`^grade:${uscc}:${HENAN_CODES}:v\\d+$`)),
      withdrawal: null,
    });
    expect(ofScheme(held, HEBI_FLEET)).toMatchObject({
      partner: { region: '410000' },
      grade: 'AAA',
      status: 'not-applied',
      recognition: { outcome: 'not-applied', agreement: 'henan-demo', reason: expect.stringContaining(`does not recognise grades of ${HEBI_FLEET}`) },
      equivalent: null,
    });
    // Never Hubei's own grade: Hubei's evaluation holds no standing of the carrier.
    const own = await atHubei(`/api/v1/subjects/${uscc}/evaluations`);
    expect(own.status === 404 || ((own.body.evaluations as unknown[] | undefined) ?? []).length === 0).toBe(true);
    // Outside the agreement: dead-lettered with the reason, for review.
    const letters = (await atHubei('/api/v1/admin/partner-feeds/dead-letters')).body.items ?? [];
    expect(letters.filter((l) => l.changeId.startsWith(`grade:${uscc}:${HEBI_FLEET}:`)).map((l) => l.reasonCode)).toEqual(['not-applied']);

    // ADR 0090: Hubei has no four-colour grade of the carrier, so Henan's green code, recognised as the
    // four-colour green, counts in Hubei's decisions as the mapping says — and the reason says it is Henan's.
    const decided = await eventually(
      () => tankCleaningAtHubei(uscc),
      (d) => d.status === 200 && (d.body.measures ?? []).some((m) => m.mappingId === TANK_CLEANING),
      60_000,
    );
    expect(decided.status).toBe(200);
    expect(decided.body.measures?.map((m) => m.mappingId)).toContain(TANK_CLEANING);
    expect(decided.body.reasons?.find((r) => r.mappingId === TANK_CLEANING)).toMatchObject({
      kind: 'grade',
      schemeId: 'yangtze-shipping-four-colour',
      grade: 'green',
      recognisedFrom: { partnerRegion: '410000', partnerName: '河南省交通运输厅', schemeId: HENAN_CODES, grade: 'green', gradeLabel: '绿码' },
    });
    expect(decided.body.reasons?.find((r) => r.mappingId === TANK_CLEANING)?.recognisedFrom?.explanation).toMatch(/^河南省交通运输厅评定/);

    // The passenger licence is gone at Henan: the codes no longer grade the carrier; Hebi's fleet grades still do.
    const heldVersion = ofScheme(held, HENAN_CODES)!.version;
    await registerSubjects(henan, [{ kind: 'org', id: uscc, sectors: ['general-cargo'] }]);
    const after = await eventually(
      () => partnerGradesAtHubei(uscc),
      (grades) => ofScheme(grades, HENAN_CODES)?.status === 'withdrawn',
      90_000,
    );
    expect(ofScheme(after, HENAN_CODES)).toMatchObject({
      status: 'withdrawn',
      grade: 'green',
      withdrawal: { at: expect.any(String), reason: expect.any(String) },
    });
    expect(ofScheme(after, HENAN_CODES)!.version).toBeGreaterThan(heldVersion);
    expect(ofScheme(after, HEBI_FLEET)).toMatchObject({ grade: 'AAA', status: 'not-applied' });

    // Withdrawn by Henan: it no longer counts at Hubei (no grade of the carrier: unknown, or no green measure).
    const undecided = await eventually(
      () => tankCleaningAtHubei(uscc),
      (d) => !(d.body.measures ?? []).some((m) => m.mappingId === TANK_CLEANING),
      60_000,
    );
    expect(undecided.body.measures ?? []).not.toContainEqual(expect.objectContaining({ mappingId: TANK_CLEANING }));
    expect([200, 404]).toContain(undecided.status);
  }, 240_000);
});
