import type { EntityManager } from 'typeorm';
import type { InspectedFile } from './inspect-file';

/** A stored file as references and readers see it (no content). */
export interface StoredFileMeta extends InspectedFile {
  uploadedAt: string;
}

export interface StoredFile extends StoredFileMeta {
  content: Buffer;
  /** Who uploaded it: client and region, for the read rule (uploader, or a client whose region covers an uploader's). */
  uploaders: { clientId: string; region: string }[];
}

/**
 * Stores an inspected upload in the service's own schema (`stored_files`, content-addressed by
 * SHA-256: the same bytes are stored once) and remembers the uploader; returns what is stored.
 */
export async function storeFile(
  manager: EntityManager,
  file: InspectedFile,
  content: Uint8Array,
  uploader: { clientId: string; region: string },
): Promise<StoredFileMeta> {
  await manager.query(`INSERT INTO stored_files (sha256, media_type, size_bytes, content) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`, [
    file.sha256,
    file.mediaType,
    file.sizeBytes,
    Buffer.from(content.buffer, content.byteOffset, content.byteLength),
  ]);
  await manager.query(`INSERT INTO stored_file_uploaders (sha256, client_id, region) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    file.sha256,
    uploader.clientId,
    uploader.region,
  ]);
  const [stored] = await findStoredFiles(manager, [file.sha256]);
  return stored;
}

/** The stored files among these hashes (metadata only), in no particular order. */
export async function findStoredFiles(manager: EntityManager, sha256s: readonly string[]): Promise<StoredFileMeta[]> {
  if (sha256s.length === 0) return [];
  const rows: { sha256: string; media_type: string; size_bytes: number; uploaded_at: Date }[] = await manager.query(
    `SELECT sha256, media_type, size_bytes, uploaded_at FROM stored_files WHERE sha256 = ANY($1::text[])`,
    [[...new Set(sha256s)]],
  );
  return rows.map((r) => ({ sha256: r.sha256, mediaType: r.media_type, sizeBytes: r.size_bytes, uploadedAt: r.uploaded_at.toISOString() }));
}

/** One stored file with its content and uploaders, or undefined. */
export async function readStoredFile(manager: EntityManager, sha256: string): Promise<StoredFile | undefined> {
  const [row]: { sha256: string; media_type: string; size_bytes: number; uploaded_at: Date; content: Buffer }[] = await manager.query(
    `SELECT sha256, media_type, size_bytes, uploaded_at, content FROM stored_files WHERE sha256 = $1`,
    [sha256],
  );
  if (!row) return undefined;
  const uploaders: { client_id: string; region: string }[] = await manager.query(
    `SELECT client_id, region FROM stored_file_uploaders WHERE sha256 = $1 ORDER BY uploaded_at`,
    [sha256],
  );
  return {
    sha256: row.sha256,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at.toISOString(),
    content: row.content,
    uploaders: uploaders.map((u) => ({ clientId: u.client_id, region: u.region })),
  };
}
