import { randomBytes } from 'node:crypto';
import { citizenIdCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

type Body = Record<string, unknown> & { code?: string };
interface Entry {
  listType: string;
  status: string;
  ruleId: string | null;
  basis: { kind: string; schemeId?: string; cycle?: string; grade?: string; pointsDeducted?: number }[];
}

const SCHEME = 'nanyang-driver-grades';
const NANYANG = '411300';

/*
 * Seed 000 南阳: 驾驶员信誉评定分为3A、2A、A、B级……两个周期内连续B级或一个周期内连续扣满20分的列入不良驾驶员名单
 * (DOMAIN.md §3). Played through the gateway with Nanyang's client: drivers registered, records
 * in for two yearly cycles, the cycles closed, and the bad-driver list proposes an entry (prior
 * notice first, DOMAIN.md §4) for the driver graded B twice running and for the one who lost 20
 * points in one cycle, and for no one else.
 *
 * Points follow nanyang-driver-grades (placeholder bands and steps, shipped-schemes.ts): base 20;
 * a complaint −1/−5/−10 by severity; AAA ≥ 20, AA 15–<20, A 10–<15, B < 10.
 */
describe('seed 000 南阳: drivers graded B twice running or losing 20 points in a cycle go on the bad-driver list', () => {
  let platform: RunningPlatform;
  let nanyang: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    nanyang = await platform.token('nanyang');
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Body>(
    () => platform,
    () => nanyang,
  );

  const year = Number(chinaToday().slice(0, 4));
  const [earlier, lastYear] = [String(year - 2), String(year - 1)];

  /** A valid citizen ID of someone born in 1985 and registered in Nanyang's Wancheng district (411302). */
  function driverId(): string {
    const first17 = `41130219850101${String(100 + (randomBytes(2).readUInt16BE() % 900))}`;
    return first17 + citizenIdCheckCharacter(first17);
  }
  /** A complaint confirmed after 12328 handling, decided in `cycle` (a year): −5 general, −10 severe. */
  const complaint = (driver: string, cycle: string, severity: 'general' | 'severe', n: number) => ({
    recordType: 'confirmed-complaint',
    subject: { kind: 'person', id: driver, name: '李师傅' },
    region: NANYANG,
    severity,
    decisionDate: `${cycle}-0${n + 3}-15`,
    documentNumber: `宛交投${randomBytes(3).toString('hex')}`,
    payload: {
      hotline: '12328',
      complaintNumber: `GD${randomBytes(4).toString('hex')}`,
      content: '乘客反映出租汽车在南阳站拒载、绕道',
      confirmedBy: '南阳市交通运输综合行政执法支队',
    },
  });
  const entriesOf = async (driver: string) => ((await api(`/api/v1/subjects/${driver}/list-entries`)).body.entries ?? []) as Entry[];

  it('proposes a bad-driver entry for two B cycles running and for 20 points in one cycle, and for no one else', async () => {
    const drivers = {
      // Both years −15 (three general complaints): 20 − 15 = 5 < 10 → B, B → 两个周期内连续B级.
      twoB: { id: driverId(), records: { [earlier]: ['general', 'general', 'general'], [lastYear]: ['general', 'general', 'general'] } },
      // Last year −20 (two severe complaints) → 一个周期内扣满20分.
      twenty: { id: driverId(), records: { [lastYear]: ['severe', 'severe'] } },
      // B only last year (−15): one B cycle is not two.
      oneB: { id: driverId(), records: { [lastYear]: ['general', 'general', 'general'] } },
      // −5 last year: 15 → AA.
      clean: { id: driverId(), records: { [lastYear]: ['general'] } },
    } as const;
    const all = Object.values(drivers);
    await registerSubjects(
      platform,
      all.map((d) => ({ kind: 'person' as const, id: d.id, sectors: ['taxi'], region: NANYANG })),
    );
    let count = 0;
    for (const driver of all) {
      for (const [cycle, severities] of Object.entries(driver.records)) {
        for (const [n, severity] of (severities as readonly ('general' | 'severe')[]).entries()) {
          const created = await api('/api/v1/credit-records', { method: 'POST', body: complaint(driver.id, cycle, severity, n) });
          expect({ status: created.status, code: created.body.code }).toEqual({ status: 201, code: undefined });
          count += 1;
        }
      }
    }
    await eventually(
      () =>
        recordsHeld(
          platform,
          all.map((d) => d.id),
        ),
      (n) => n >= count,
    );

    const first = await closeCycle(platform, regulator, SCHEME, earlier);
    expect(first.ranked.get(drivers.twoB.id)).toMatchObject({ grade: 'B', score: 5 });
    // One B cycle puts no one on the list yet.
    await eventually(
      () => platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.subject_grades WHERE subject_id = $1`, [drivers.twoB.id]),
      (rows) => rows[0].n >= 1,
    );
    expect(await entriesOf(drivers.twoB.id)).toEqual([]);

    const second = await closeCycle(platform, regulator, SCHEME, lastYear);
    expect(second.ranked.get(drivers.twoB.id)).toMatchObject({ grade: 'B', score: 5 });
    expect(second.ranked.get(drivers.twenty.id)).toMatchObject({ grade: 'B', score: 0 });
    expect(second.ranked.get(drivers.oneB.id)).toMatchObject({ grade: 'B', score: 5 });
    expect(second.ranked.get(drivers.clean.id)).toMatchObject({ grade: 'AA', score: 15 });

    const twoB = await eventually(
      () => entriesOf(drivers.twoB.id),
      (entries) => entries.length > 0,
    );
    expect(twoB).toEqual([
      expect.objectContaining({
        listType: 'bad-driver',
        status: 'proposed',
        ruleId: 'driver-two-consecutive-b-cycles',
        basis: [
          expect.objectContaining({ kind: 'grade', schemeId: SCHEME, cycle: earlier, grade: 'B' }),
          expect.objectContaining({ cycle: lastYear, grade: 'B' }),
        ],
      }),
    ]);
    const twenty = await eventually(
      () => entriesOf(drivers.twenty.id),
      (entries) => entries.length > 0,
    );
    expect(twenty).toEqual([
      expect.objectContaining({
        listType: 'bad-driver',
        status: 'proposed',
        ruleId: 'driver-20-points-in-one-cycle',
        basis: [expect.objectContaining({ kind: 'grade', schemeId: SCHEME, cycle: lastYear, pointsDeducted: 20 })],
      }),
    ]);
    // Joint measures holds the last cycle's grades of the others, and lists neither.
    await eventually(
      () =>
        platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.subject_grades WHERE subject_id = ANY($1) AND cycle = $2`, [
          [drivers.oneB.id, drivers.clean.id],
          lastYear,
        ]),
      (rows) => rows[0].n >= 2,
    );
    expect(await entriesOf(drivers.oneB.id)).toEqual([]);
    expect(await entriesOf(drivers.clean.id)).toEqual([]);
  }, 180_000);
});
