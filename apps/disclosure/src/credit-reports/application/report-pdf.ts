import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { chinaDateOf } from '@domain/calendar';
import type { PublicListEntryView } from '../../lists/application/get-public-list.query';
import type { PublishedGrade, PublishedItem, RecordRepair, SubjectProfile } from '../../profiles/application/get-subject-profile.query';

export interface ReportFont {
  file: string;
  /** Face inside a font collection (.ttc), e.g. NotoSansCJKsc-Regular. */
  family?: string;
}

export interface ReportFacts {
  code: string;
  issuedAt: Date;
  contentHash: string;
  /** The page a person opens to verify the report (the QR code's target), under PUBLIC_BASE_URL. */
  verifyUrl: string;
  profile: SubjectProfile;
}

const SEVERITY: Record<string, string> = { minor: '轻微', general: '一般', severe: '严重' };

/** A record's standing as the report states it (issue 21); reports before statuses read as in force. */
export const STATUS_LABEL: Record<string, string> = { 'in-force': '公示中', 'under-objection': '异议处理中', corrected: '已更正' };

/** How a record is repaired, as the repair service's checklist sorts it (DOMAIN.md §5; seed 003 珠海). */
export const REPAIR_MODE_LABEL: Record<string, string> = {
  'repair-commitment': '承诺修复：纠正失信行为、履行法定义务后，作出信用承诺即可申请',
  'closed-loop': '闭环修复：须先整改到位，提交整改证明后申请',
};

/**
 * Why each kind of information is published for as long as it is. Dishonesty periods: 国家发展改革委令
 * 2025年第36号 (DOMAIN.md §5); the others: the public catalogue's own period (issue 16).
 */
export const LEGAL_BASIS =
  '本报告内容为出具时点依法公示的信息。失信信息（行政处罚、违背信用承诺）的公示期限依《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2025年第36号）确定：' +
  '轻微失信不公示或最长公示3个月，一般失信最短3个月、最长1年，严重失信最短1年、最长3年，自决定之日起计算，期满自动停止公示；' +
  '行政许可、信用承诺等其他信息按公共信用信息公示目录规定的期限公示。' +
  '失信信息的最短公示期满后，失信主体纠正失信行为、履行法定义务并作出信用承诺的，可以向作出认定的单位申请信用修复（谁认定、谁修复），修复后停止公示；' +
  '各条记录旁“可修复”所示日期和方式即按上述最短期限和修复清单确定。';

const chinaTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const chinaDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
const civilDate = (day: string) => chinaDate(`${day}T00:00:00+08:00`);

type Doc = PDFKit.PDFDocument;

/**
 * The credit report as a PDF (A4, the CJK font embedded and subset by pdfkit): identity, grades,
 * list memberships, records by kind with their status, commitments, the legal basis of the
 * publication periods, and the verification code, content hash and a QR code of the verify page.
 */
export async function renderReportPdf(facts: ReportFacts, font: ReportFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `信用报告 ${facts.profile.name}`, Subject: facts.code, Producer: 'transport-credit disclosure' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.family);
  doc.font('cjk');
  const p = facts.profile;
  doc.fontSize(20).text('交通运输信用报告', { align: 'center' }).moveDown(0.5);
  doc
    .fontSize(10)
    .fillColor('#444')
    .text(`报告编号（验证码）：${facts.code}    出具时间：${chinaTime(facts.issuedAt)}`, { align: 'center' })
    .moveDown(1.2);
  heading(doc, '一、主体信息');
  doc.fontSize(12).text(p.name).moveDown(0.2);
  doc
    .fontSize(10)
    .text(`统一社会信用代码：${p.uscc}    行政区划：${regionShown(p)}`)
    .moveDown(1);
  gradesSection(doc, p.grades ?? []);
  listsSection(doc, p.lists ?? []);
  const issuedOn = chinaDateOf(facts.issuedAt);
  recordsSection(doc, '四、行政处罚', p.penalties, '报告时点无公示中的行政处罚信息。', issuedOn);
  recordsSection(doc, '五、行政许可', p.licences, '报告时点无公示中的行政许可信息。', issuedOn);
  recordsSection(doc, '六、信用承诺及履约情况', p.commitments ?? [], '报告时点无公示中的信用承诺信息。', issuedOn);
  heading(doc, '七、公示期限的法律依据');
  doc.fontSize(9).fillColor('#444').text(LEGAL_BASIS).moveDown(1);
  await verificationSection(doc, facts);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** 河南省郑州市（410100）; the code alone in a report issued before profiles carried the name. */
function regionShown(p: { region: string; regionName?: string }): string {
  return p.regionName ? `${p.regionName}（${p.region}）` : p.region;
}

function heading(doc: Doc, text: string): void {
  doc.fillColor('#000').fontSize(13).text(text).moveDown(0.3);
}

function gradesSection(doc: Doc, grades: PublishedGrade[]): void {
  heading(doc, `二、信用评价（${grades.length}）`);
  doc.fontSize(10);
  if (grades.length === 0) doc.fillColor('#444').text('报告时点无公示中的信用评价结果。');
  for (const g of grades) {
    const grade = g.tier ? `${g.gradeLabel || g.grade}（${g.tier}）` : g.gradeLabel || g.grade;
    doc.fillColor('#000').text(`${g.schemeName}：${grade}`);
    doc
      .fillColor('#444')
      .text(`评价周期 ${g.cycle}    得分 ${g.score}    评价日期 ${chinaDate(g.evaluatedAt)}`)
      .moveDown(0.5);
  }
  doc.moveDown(0.8);
}

function listsSection(doc: Doc, lists: PublicListEntryView[]): void {
  heading(doc, `三、名单信息（${lists.length}）`);
  doc.fontSize(10);
  if (lists.length === 0) doc.fillColor('#444').text('报告时点未被列入公示中的名单。');
  for (const entry of lists) {
    doc.fillColor('#000').text(`${entry.listName}    决定文书 ${entry.documentNumber}`);
    if (entry.grounds) doc.text(`列入依据：${entry.grounds}`);
    if (entry.partner) doc.text(`来源：${entry.partner.name}（行政区划 ${entry.partner.region}）共享的名单信息`);
    const until = entry.endsOn ? civilDate(entry.endsOn) : '长期';
    doc
      .fillColor('#444')
      .text(`列入日期 ${civilDate(entry.startsOn)}    截止日期 ${until}`)
      .moveDown(0.5);
  }
  doc.moveDown(0.8);
}

/** Severity (轻微/一般/严重) applies to dishonesty only (国家发展改革委令2025年第36号): penalties and broken commitments. */
function isDishonesty(item: PublishedItem): boolean {
  return item.recordType === 'administrative-penalty' || item.recordType === 'commitment-broken';
}

function recordsSection(doc: Doc, title: string, items: PublishedItem[], empty: string, issuedOn: string): void {
  heading(doc, `${title}（${items.length}）`);
  doc.fontSize(10);
  if (items.length === 0) doc.fillColor('#444').text(empty);
  for (const item of items) {
    const tags = [STATUS_LABEL[item.status] ?? STATUS_LABEL['in-force']];
    if (isDishonesty(item)) tags.push(`${SEVERITY[item.severity] ?? item.severity}失信`);
    doc.fillColor('#000').text(`${item.documentNumber}  [${tags.join('，')}]`);
    if (item.summary) doc.text(item.summary);
    if (item.partner) doc.text(`来源：${item.partner.name}（行政区划 ${item.partner.region}）作出并共享的信用信息`);
    const fulfilment = fulfilmentOf(item);
    if (fulfilment) doc.text(fulfilment);
    if (item.repair) doc.text(repairLine(item.repair, issuedOn));
    doc
      .fillColor('#444')
      .text(`决定日期 ${civilDate(item.decisionDate)}    公示截止 ${chinaDate(item.publishedUntil)}`)
      .moveDown(0.5);
  }
  doc.moveDown(0.8);
}

/**
 * "可修复" (issue 19 item 9): from when and how the record can be repaired, as the repair service's
 * rules computed it (国家发展改革委令2025年第36号 minimum periods), as of the report's date.
 */
export function repairLine(repair: RecordRepair, issuedOn: string): string {
  const when = repair.earliestDate <= issuedOn ? '报告时点已可申请信用修复' : `自 ${civilDate(repair.earliestDate)} 起可申请信用修复`;
  return `可修复：${when}（${REPAIR_MODE_LABEL[repair.mode] ?? repair.mode}），向作出决定的单位提出。`;
}

/**
 * What the public knows of a commitment's fulfilment: a commitment found broken is published as
 * such; a fulfilment itself is not public information, so a commitment otherwise stands as made.
 */
function fulfilmentOf(item: PublishedItem): string | undefined {
  if (item.recordType === 'commitment-broken') return '履约情况：未履行承诺（违诺）';
  if (item.recordType === 'credit-commitment') return '履约情况：报告时点未公示违诺信息';
  return undefined;
}

async function verificationSection(doc: Doc, facts: ReportFacts): Promise<void> {
  heading(doc, '八、报告核验');
  const qrSize = 100;
  if (doc.y + qrSize + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  const textWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right - qrSize - 16;
  doc.fontSize(9).fillColor('#000');
  doc.text(`验证码：${facts.code}`, { width: textWidth });
  doc.text(`内容哈希（SHA-256）：${facts.contentHash}`, { width: textWidth });
  doc.text(`核验方式：扫描右侧二维码，或访问 ${facts.verifyUrl}，或在信用信息公示网站“报告核验”页输入验证码。`, { width: textWidth });
  const qr = await QRCode.toBuffer(facts.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  doc.image(qr, doc.page.width - doc.page.margins.right - qrSize, top, { width: qrSize });
}
