// Reads a PDF on stdin with pdf-parse (Mozilla PDF.js) in a plain Node process — PDF.js loads its
// worker by dynamic import, which jest's module sandbox refuses — and prints JSON:
// { text, firstPagePng (base64) }.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const { text } = await parser.getText();
  const [page] = (await parser.getScreenshot({ first: 1, scale: 1, imageBuffer: true, imageDataUrl: false })).pages;
  process.stdout.write(JSON.stringify({ text, firstPagePng: Buffer.from(page.data).toString('base64') }));
} finally {
  await parser.destroy();
}
