import { writeFileSync } from 'node:fs';
import { readPdf } from '@platform/testing';
import type { PublishedItem, SubjectProfile } from '../../profiles/application/get-subject-profile.query';
import { publicBaseUrlIssue } from '@platform/config';
import { reportVerifyUrl } from '../domain/report-code';
import { renderReportPdf } from './report-pdf';

const FONT = { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };
const BASE_URL = 'https://credit.example.invalid';

const item = (overrides: Partial<PublishedItem>): PublishedItem => ({
  recordType: 'administrative-penalty',
  documentNumber: '郑交执罚〔2026〕101号',
  decisionDate: '2026-11-02',
  severity: 'general',
  summary: '未按规定携带道路运输证',
  publishedFrom: '2026-11-03T00:00:00.000Z',
  publishedUntil: '2027-11-02T15:59:59.999Z',
  publicationId: '00000000-0000-4000-8000-000000000001',
  status: 'in-force',
  ...overrides,
});

/** Everything the profile shows (issue 21 item 1): the report must contain each part. */
const PROFILE: SubjectProfile = {
  uscc: '91410100MA46B0XK1E',
  name: '郑州报告测试运输有限公司',
  region: '410100',
  regionName: '河南省郑州市',
  penalties: [
    // General, decided 2026-11-02: repairable the day after its 3-month minimum (国家发展改革委令2025年第36号,
    // DOMAIN.md §5), 2027-02-03, by commitment; the report is issued before that.
    item({ repair: { earliestDate: '2027-02-03', mode: 'repair-commitment', modeBasis: '超限运输' } }),
    // A notice whose earliest date has passed by the report's date reads "already".
    item({
      documentNumber: '郑交执罚〔2026〕102号',
      status: 'under-objection',
      severity: 'severe',
      repair: { earliestDate: '2026-11-20', mode: 'closed-loop', modeBasis: '未列入清单' },
    }),
    item({ documentNumber: '郑交执罚〔2026〕103号', status: 'corrected', severity: 'minor' }),
    // Decided by a partner province and shared with us (ADR 0086): shown as its, never as ours.
    item({ documentNumber: '鄂交执罚〔2026〕7号', partner: { region: '420000', name: '湖北省' } }),
  ],
  licences: [item({ recordType: 'administrative-licence', documentNumber: '豫交运管许可〔2026〕7号', severity: 'minor', summary: '道路货物运输经营许可' })],
  commitments: [
    item({ recordType: 'credit-commitment', documentNumber: '郑交承诺〔2026〕1号', severity: 'minor', summary: '承诺所报车辆技术参数真实' }),
    item({ recordType: 'commitment-broken', documentNumber: '郑交违诺〔2026〕2号', severity: 'general', summary: '' }),
  ],
  grades: [
    {
      schemeId: 'beijing-road-freight',
      schemeVersion: 1,
      schemeName: '北京市道路运输企业信用评价',
      schemeNameEn: 'Beijing road freight',
      grade: 'A',
      gradeLabel: 'A',
      tier: '良',
      score: 86.5,
      cycle: '2026-Q4',
      evaluatedAt: '2026-11-20T02:00:00.000Z',
    },
  ],
  lists: [
    {
      listType: 'key-watch',
      listName: '重点关注名单',
      subject: { kind: 'org', id: '91410100MA46B0XK1E', name: '郑州报告测试运输有限公司' },
      region: '410100',
      grounds: '一年内两次超限运输',
      documentNumber: '郑交重点〔2026〕9号',
      startsOn: '2026-11-10',
      endsOn: '',
      publicationId: '00000000-0000-4000-8000-000000000009',
      partner: { region: '320500', name: '苏州市交通运输局' },
    },
  ],
  asOf: '2026-11-21T00:00:00.000Z',
};

describe('the credit report PDF, read back as text (pdf-parse, Mozilla PDF.js)', () => {
  let text: string;
  let firstPagePng: Buffer;
  const code = '7K2M9Q4T0111';

  beforeAll(async () => {
    const pdf = await renderReportPdf(
      { code, issuedAt: new Date('2026-11-21T00:00:00Z'), contentHash: 'ab'.repeat(32), verifyUrl: reportVerifyUrl(BASE_URL, code), profile: PROFILE },
      FONT,
    );
    ({ text, firstPagePng } = readPdf(pdf));
  }, 30_000);

  it('states identity, grades (scheme, grade and tier, cycle, score, date) and list memberships (basis, dates)', () => {
    expect(text).toContain('郑州报告测试运输有限公司');
    expect(text).toContain('统一社会信用代码：91410100MA46B0XK1E');
    expect(text).toContain('行政区划：河南省郑州市（410100）');
    expect(text).toContain('北京市道路运输企业信用评价：A（良）');
    expect(text).toMatch(/评价周期 2026-Q4 得分 86\.5 评价日期 2026\/11\/20/);
    expect(text).toContain('重点关注名单');
    expect(text).toContain('列入依据：一年内两次超限运输');
    expect(text).toContain('来源：苏州市交通运输局（行政区划 320500）共享的名单信息');
    expect(text).toMatch(/列入日期 2026\/11\/10 截止日期 长期/);
  });

  it('gives every record its status, and a severity only to dishonesty (国家发展改革委令2025年第36号)', () => {
    expect(text).toContain('郑交执罚〔2026〕101号 [公示中，一般失信]');
    expect(text).toContain('郑交执罚〔2026〕102号 [异议处理中，严重失信]');
    expect(text).toContain('郑交执罚〔2026〕103号 [已更正，轻微失信]');
    expect(text).toContain('豫交运管许可〔2026〕7号 [公示中]');
    expect(text).toContain('郑交承诺〔2026〕1号 [公示中]');
    expect(text).toContain('郑交违诺〔2026〕2号 [公示中，一般失信]');
    expect(text).toContain('履约情况：未履行承诺（违诺）');
  });

  it('names the partner province that decided a shared record', () => {
    expect(text).toContain('来源：湖北省（行政区划 420000）作出并共享的信用信息');
  });

  it('says beside each repairable record from when and how it can be repaired (可修复), as of the report date', () => {
    const unwrapped = text.replace(/\s*\n\s*/g, '');
    expect(unwrapped).toContain('可修复：自 2027/2/3 起可申请信用修复（承诺修复：纠正失信行为、履行法定义务后，作出信用承诺即可申请），向作出决定的单位提出。');
    expect(unwrapped).toContain('可修复：报告时点已可申请信用修复（闭环修复：须先整改到位，提交整改证明后申请）');
    // Only the two records with a notice carry the entry.
    expect(text.match(/可修复：/g)).toHaveLength(2);
    // … and the legal basis says where those dates come from (DOMAIN.md §5: 谁认定、谁修复).
    expect(unwrapped).toContain('可以向作出认定的单位申请信用修复（谁认定、谁修复）');
  });

  it('states the legal basis of the publication periods and how to verify, at the configured public address', () => {
    expect(text).toContain('国家发展改革委令2025年第36号');
    expect(text).toContain('验证码：7K2M9Q4T0111');
    const unwrapped = text.replace(/\s*\n\s*/g, ''); // long lines wrap
    expect(unwrapped).toContain(`内容哈希（SHA-256）：${'ab'.repeat(32)}`);
    expect(unwrapped).toContain('https://credit.example.invalid/#/reports/7K2M9Q4T0111');
    expect(text).not.toContain('localhost');
    expect(text).not.toMatch(/null|undefined|NaN/);
  });

  it('renders its first page as an image (the visual check; REPORT_PREVIEW=<file.png> keeps it to look at)', () => {
    expect(firstPagePng.subarray(1, 4).toString('latin1')).toBe('PNG');
    if (process.env.REPORT_PREVIEW) writeFileSync(process.env.REPORT_PREVIEW, firstPagePng);
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('may not be a loopback address in production: a printed report must verify from any phone', () => {
    expect(publicBaseUrlIssue('production', 'http://localhost:8080')).toMatch(/loopback/);
    expect(publicBaseUrlIssue('production', 'http://127.0.0.1:8080')).toMatch(/loopback/);
    expect(publicBaseUrlIssue('production', BASE_URL)).toBeUndefined();
    expect(publicBaseUrlIssue('development', 'http://localhost:8080')).toBeUndefined();
  });
});
