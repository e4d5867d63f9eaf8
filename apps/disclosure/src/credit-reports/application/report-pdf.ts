import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { SubjectProfile, PublishedItem } from '../../profiles/application/get-subject-profile.query';

export interface ReportFont {
  file: string;
  /** Face inside a font collection (.ttc), e.g. NotoSansCJKsc-Regular. */
  family?: string;
}

export interface ReportFacts {
  code: string;
  issuedAt: Date;
  contentHash: string;
  verifyUrl: string;
  profile: SubjectProfile;
}

const SEVERITY: Record<string, string> = { minor: '轻微', general: '一般', severe: '严重' };

const chinaTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const chinaDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/**
 * The credit report as a PDF (A4, the CJK font embedded and subset by pdfkit), with the
 * verification code, the content hash and a QR code of the verification URL.
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
  doc.fillColor('#000').fontSize(14).text(p.name).moveDown(0.3);
  doc.fontSize(10).text(`统一社会信用代码：${p.uscc}    行政区划：${p.region}`).moveDown(1);
  section(doc, '行政处罚', p.penalties, '报告时点无公示中的行政处罚信息。', () => true);
  section(doc, '行政许可', p.licences, '报告时点无公示中的行政许可信息。', () => false);
  // Reports issued before commitments were published have no such section in their stored profile.
  section(doc, '信用承诺', p.commitments ?? [], '报告时点无公示中的信用承诺信息。', (item) => item.recordType === 'commitment-broken');
  doc.moveDown(1).fontSize(9).fillColor('#444');
  doc.text('本报告内容为出具时点依法公示的信息；失信信息的公示期限依国家发展改革委令2025年第36号确定，其他信息按公示目录规定的期限公示。');
  doc.text(`内容哈希（SHA-256）：${facts.contentHash}`);
  doc.text(`核验：扫描二维码或访问 ${facts.verifyUrl}`);
  const qr = await QRCode.toBuffer(facts.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  doc.image(qr, doc.page.width - 56 - 100, doc.page.height - 56 - 130, { width: 100 });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** `graded`: whether an item is dishonesty, the only information a severity (轻微/一般/严重) applies to (国家发展改革委令2025年第36号). */
function section(doc: PDFKit.PDFDocument, heading: string, items: PublishedItem[], empty: string, graded: (item: PublishedItem) => boolean): void {
  doc.fillColor('#000').fontSize(13).text(`${heading}（${items.length}）`).moveDown(0.3);
  doc.fontSize(10);
  if (items.length === 0) doc.fillColor('#444').text(empty);
  for (const item of items) {
    doc.fillColor('#000').text(graded(item) ? `${item.documentNumber}  [${SEVERITY[item.severity] ?? item.severity}]` : item.documentNumber);
    if (item.summary) doc.text(item.summary);
    doc
      .fillColor('#444')
      .text(`决定日期 ${chinaDate(`${item.decisionDate}T00:00:00+08:00`)}    公示截止 ${chinaDate(item.publishedUntil)}`)
      .moveDown(0.5);
  }
  doc.moveDown(0.8);
}
