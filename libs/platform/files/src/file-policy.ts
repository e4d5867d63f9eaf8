/**
 * What a service accepts as a stored file: media types (as sniffed from the content, never as
 * declared) with the largest size of each. Executable, script and markup types are never in a
 * policy, so a stored file is never served as something a browser runs (ADR 0076).
 */
export type FilePolicy = Readonly<Record<string, number>>;

const MiB = 1024 * 1024;

/**
 * Permit attachments (issue 18 item 1): outline drawings, escort plans and licences as PDF or
 * images, and the measurement video of a remote inspection (seed 002 案例7). Documents and photos
 * up to 10 MiB; a video up to 20 MiB, the gateway's largest body (API.md) and well under the
 * 32 MiB gRPC message limit the upload crosses.
 */
export const PERMIT_ATTACHMENT_POLICY: FilePolicy = {
  'application/pdf': 10 * MiB,
  'image/jpeg': 10 * MiB,
  'image/png': 10 * MiB,
  'video/mp4': 20 * MiB,
};

/** Repair evidence (issue 19 item 3): rectification documents, receipts and photos, up to 10 MiB each. */
export const REPAIR_EVIDENCE_POLICY: FilePolicy = {
  'application/pdf': 10 * MiB,
  'image/jpeg': 10 * MiB,
  'image/png': 10 * MiB,
};

/** The largest file any policy takes: the gateway reads upload bodies up to this. */
export const MAX_STORED_FILE_BYTES = 20 * MiB;

const EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'video/mp4': 'mp4' };

/**
 * Headers a stored file is served with: its sniffed type only if it is one a policy can hold
 * (anything else goes out as application/octet-stream), always as a download
 * (Content-Disposition: attachment), never sniffed again by the browser (nosniff), and sandboxed
 * should it be opened anyway.
 */
export function storedFileHeaders(file: { sha256: string; mediaType: string; sizeBytes: number }): Record<string, string> {
  const extension = EXTENSIONS[file.mediaType];
  return {
    'Content-Type': extension ? file.mediaType : 'application/octet-stream',
    'Content-Length': String(file.sizeBytes),
    'Content-Disposition': `attachment; filename="${file.sha256}.${extension ?? 'bin'}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, max-age=0, no-store',
  };
}
