// The demo clients of `npm start`: one per region a seed system belongs to (../shared/DOMAIN.md,
// seeds/), each with the system it lets you exercise. The one table: stack.mjs writes it into
// .data/demo-clients.json, the gateway registers it at boot (ClientSeeder → ClientRegistry, the
// one code path that hashes a secret), the README lists it, and test/e2e/demo-clients checks all three.
'use strict';
const { randomBytes } = require('node:crypto');

/** What an integrator demo client may do: everything but the exchange and administration. */
const INTEGRATOR_SCOPES = ['records:write', 'records:read', 'evaluations:read', 'measures:decide', 'permits:write'];

const integrator = (clientId, name, region, seedSystem) => ({ clientId, name, kind: 'integrator', region, scopes: INTEGRATOR_SCOPES, seedSystem });

/** By region code. `seedSystem` names the system and where it is described (seed file, case). */
const DEMO_CLIENTS = [
  integrator('demo-beijing', '北京市交通委员会（演示）', '110000', 'Beijing commuter-bus credit grades (seed 004, case 1)'),
  integrator('demo-tianjin', '天津市交通运输委员会（演示）', '120000', 'Tianjin credit repair and reminders (seed 003; seed 004, case 2)'),
  integrator('demo-jiangsu', '江苏省交通运输厅（演示）', '320000', 'Jiangsu road-operator grades and cross-city recognition (seed 004, cases 3–4)'),
  integrator('demo-suzhou', '苏州市交通运输局（演示）', '320500', 'Suzhou graded road-transport safety supervision (seed 003)'),
  integrator('demo-taicang', '太仓海事局（演示）', '320585', 'Taicang green fast lane for trustworthy container ships (seed 003)'),
  integrator('demo-zhejiang', '浙江省交通运输厅（演示）', '330000', 'Zhejiang ship grading (seed 003; seed 004, case 6)'),
  integrator('demo-hangzhou', '杭州市交通运输局（演示）', '330100', 'Hangzhou "credit+" services and inspection ratios by grade (seed 004, case 5)'),
  integrator('demo-fujian', '福建省交通运输厅（演示）', '350000', 'Fujian construction-market weighted scoring (seed 004, case 11)'),
  integrator('demo-shandong', '山东省交通运输厅（演示）', '370000', 'Shandong safety-production credit (seed 003; seed 004, case 8)'),
  integrator(
    'demo-henan',
    '河南省交通运输厅（演示）',
    '410000',
    'Henan oversize-transport credit and two-passenger-one-hazardous codes (seed 000; seed 002, case 1)',
  ),
  integrator('demo-zhengzhou', '郑州市交通运输局（演示）', '410100', 'Zhengzhou taxi-driver stars (seed 002, case 9)'),
  integrator('demo-pingdingshan', '平顶山市交通运输局（演示）', '410400', 'Pingdingshan credit action plan and carrier grading (seed 001; seed 002, case 8)'),
  integrator('demo-hebi', '鹤壁市交通运输局（演示）', '410600', 'Hebi driving schools and repair shops (seed 002, case 6)'),
  integrator('demo-xinxiang', '新乡市交通运输局（演示）', '410700', 'Xinxiang oversize commitments and remote inspection (seed 002, case 7)'),
  integrator('demo-jiaozuo', '焦作市交通运输局（演示）', '410800', 'Jiaozuo passenger, hazardous and general-cargo codes (seed 002, case 4)'),
  integrator('demo-puyang', '濮阳市交通运输局（演示）', '410900', 'Puyang "credit+taxi" (seed 002, case 10)'),
  integrator('demo-xuchang', '许昌市交通运输局（演示）', '411000', 'Xuchang taxi stars and incentives (seed 002, case 3)'),
  integrator('demo-luohe', '漯河市交通运输局（演示）', '411100', 'Luohe "credit+bus" (seed 002, case 2)'),
  integrator('demo-nanyang', '南阳市交通运输局（演示）', '411300', 'Nanyang no-touch approval, driver grades and taxi firms (seed 000)'),
  integrator('demo-jiyuan', '济源示范区交通运输局（演示）', '419001', 'Jiyuan driving-school grades and inspection ratios (seed 002, case 5)'),
  // The Yangtze system is no administrative division's: its authority, the Changjiang Shipping
  // Administration, sits in Wuhan, and the platform already keys its grades as region 420000
  // (evaluation's yangtze-four-colour-to-henan-codes recognition table). See ADR 0041.
  integrator('demo-yangtze', '交通运输部长江航务管理局（演示）', '420000', 'Yangtze four-colour credit codes (seed 004, case 19)'),
  {
    clientId: 'demo-partner-hubei',
    name: '湖北省交通运输厅（演示伙伴）',
    kind: 'partner',
    region: '420000',
    scopes: ['exchange:read', 'exchange:write'],
    seedSystem: 'a partner province on the exchange API (ARCHITECTURE.md §1)',
  },
  integrator('demo-zhuhai', '珠海市交通运输局（演示）', '440400', 'Zhuhai "credit butler" repair checklist (seed 003; seed 004, case 12)'),
  integrator('demo-guangxi', '广西壮族自治区交通运输厅（演示）', '450000', 'Guangxi ship-lock credit points (seed 004, case 13)'),
  integrator('demo-sichuan', '四川省交通运输厅（演示）', '510000', 'Sichuan two-passenger-one-hazardous risk portraits (seed 004, case 15)'),
  integrator('demo-kunming', '昆明市交通运输局（演示）', '530100', 'Kunming taxi-driver credit (seed 003; seed 004, case 16)'),
  {
    clientId: 'demo-admin',
    name: '平台管理员（演示）',
    kind: 'admin',
    region: '410000',
    scopes: ['admin'],
    seedSystem: 'platform administration (clients, configuration)',
  },
  {
    clientId: 'demo-suzhou-regulator',
    name: '苏州市交通运输局（管理，演示）',
    kind: 'admin',
    region: '320500',
    scopes: ['admin'],
    seedSystem: 'Suzhou grade appeals decided and quarters closed by the scheme owner (seed 004 苏州; ADR 0054)',
  },
];

/**
 * The demo-clients file for the table: a client already in `existing` (an earlier start's file)
 * keeps its secret, a new one gets a fresh secret; clients not in the table are kept as they were.
 */
function demoClientsFile(existing = [], newSecret = () => randomBytes(24).toString('base64url')) {
  const known = new Map(existing.map((c) => [c.clientId, c]));
  const fromTable = DEMO_CLIENTS.map(({ clientId, name, kind, region, scopes }) => ({
    clientId,
    name,
    kind,
    region,
    scopes,
    clientSecret: known.get(clientId)?.clientSecret ?? newSecret(),
  }));
  const ids = new Set(fromTable.map((c) => c.clientId));
  return { clients: [...fromTable, ...existing.filter((c) => !ids.has(c.clientId))] };
}

module.exports = { DEMO_CLIENTS, INTEGRATOR_SCOPES, demoClientsFile };
