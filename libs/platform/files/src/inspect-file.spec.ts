import { createHash } from 'node:crypto';
import { PERMIT_ATTACHMENT_POLICY, REPAIR_EVIDENCE_POLICY, storedFileHeaders } from './file-policy';
import { inspectFile } from './inspect-file';

// Magic numbers from the formats' own specifications: PDF "%PDF-" (ISO 32000-1 §7.5.2), PNG's
// 8-byte signature (RFC 2083 §3.1), JPEG SOI + APP0 "JFIF", and a Windows PE "MZ" header.
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452', 'hex'), Buffer.alloc(17)]);
const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(64)]);

describe('inspectFile: the type comes from the content, the hash from the bytes', () => {
  it('a PDF is hashed (SHA-256), measured and typed by its magic number', async () => {
    expect(await inspectFile(pdf, PERMIT_ATTACHMENT_POLICY)).toEqual({
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sizeBytes: pdf.byteLength,
      mediaType: 'application/pdf',
    });
    expect((await inspectFile(png, PERMIT_ATTACHMENT_POLICY)).mediaType).toBe('image/png');
  });

  it('an executable is refused (415) whatever it is called; so is plain text and an empty upload (400)', async () => {
    await expect(inspectFile(exe, PERMIT_ATTACHMENT_POLICY)).rejects.toMatchObject({
      code: 'FILE.TYPE_REFUSED',
      kind: 'unsupported-media-type',
      violations: [expect.objectContaining({ field: 'content', message: expect.stringContaining('application/x-msdownload') })],
    });
    await expect(inspectFile(Buffer.from('<script>alert(1)</script>'), PERMIT_ATTACHMENT_POLICY)).rejects.toMatchObject({ code: 'FILE.TYPE_REFUSED' });
    await expect(inspectFile(Buffer.alloc(0), PERMIT_ATTACHMENT_POLICY)).rejects.toMatchObject({ code: 'FILE.EMPTY', kind: 'validation' });
  });

  it('over the size of its type is 413 (a 10 MiB PDF limit: 10 MiB + 1 byte is refused)', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1 - pdf.byteLength)]);
    await expect(inspectFile(big, REPAIR_EVIDENCE_POLICY)).rejects.toMatchObject({ code: 'FILE.TOO_LARGE', kind: 'too-large' });
    const exact = big.subarray(0, 10 * 1024 * 1024);
    expect((await inspectFile(exact, REPAIR_EVIDENCE_POLICY)).sizeBytes).toBe(10 * 1024 * 1024);
  });

  it('served as a download, never sniffed, never as a type outside the policies', () => {
    const headers = storedFileHeaders({ sha256: 'a'.repeat(64), mediaType: 'application/pdf', sizeBytes: 10 });
    expect(headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${'a'.repeat(64)}.pdf"`,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(storedFileHeaders({ sha256: 'b'.repeat(64), mediaType: 'text/html', sizeBytes: 10 })['Content-Type']).toBe('application/octet-stream');
  });
});
