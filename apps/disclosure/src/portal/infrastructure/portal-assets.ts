import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '@platform/errors';

const CONTENT_TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'portal.css': 'text/css; charset=utf-8',
  'portal.js': 'text/javascript; charset=utf-8',
};

export interface PortalAsset {
  content: Buffer;
  contentType: string;
  etag: string;
}

/** Where the portal's files are: PORTAL_DIR, or apps/disclosure/portal above this file (repository, dist/, image). */
function findPortalDir(from: string): string {
  if (process.env.PORTAL_DIR) return process.env.PORTAL_DIR;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'disclosure', 'portal');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`no apps/disclosure/portal above ${from}; set PORTAL_DIR`);
  }
}

/**
 * The portal's static files, read once at boot into memory. Only the names listed here exist,
 * so no request can reach any other file.
 */
@Injectable()
export class PortalAssets implements OnModuleInit {
  private readonly assets = new Map<string, PortalAsset>();

  onModuleInit(): void {
    const dir = findPortalDir(__dirname);
    for (const [name, contentType] of Object.entries(CONTENT_TYPES)) {
      const content = readFileSync(join(dir, name));
      this.assets.set(name, { content, contentType, etag: `"${createHash('sha256').update(content).digest('hex').slice(0, 32)}"` });
    }
  }

  get(name: string): PortalAsset {
    const asset = this.assets.get(name);
    if (!asset) throw DomainError.notFound('PUBLIC.NO_SUCH_PAGE', `No portal file ${name.slice(0, 64)}.`);
    return asset;
  }
}
