import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfPages {
  /** The text a reader's PDF viewer extracts, runs of spaces and tabs as one space. */
  text: string;
  /** The first page rendered as PNG (the visual check). */
  firstPagePng: Buffer;
}

/** What a PDF says and looks like, read by pdf-parse (Mozilla PDF.js) in a child Node process. */
export function readPdf(pdf: Buffer): PdfPages {
  const out = execFileSync(process.execPath, [join(__dirname, 'read-pdf-child.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const { text, firstPagePng } = JSON.parse(out) as { text: string; firstPagePng: string };
  return { text: text.replace(/[ \t]+/g, ' '), firstPagePng: Buffer.from(firstPagePng, 'base64') };
}
