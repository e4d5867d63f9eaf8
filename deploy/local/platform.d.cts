import type { ChildProcess } from 'node:child_process';

export interface ServicePorts {
  http: number;
  grpc: number;
}
export const REPO_ROOT: string;
export const SERVICES: Record<string, ServicePorts & { schema: string }>;
export interface InternalIdentityKeys {
  privateKeyFile: string;
  publicKeyFile: string;
  privateKeyPem: string;
  publicKeyPem: string;
}
export function ensureInternalIdentityKeys(dir: string): InternalIdentityKeys;
export function internalIdentityEnv(app: string, keys: Pick<InternalIdentityKeys, 'privateKeyFile' | 'publicKeyFile'>): Record<string, string>;
export function serviceEnv(
  app: string,
  options: {
    adminUrl: string;
    natsUrl: string;
    ports?: Record<string, ServicePorts>;
    common?: Record<string, string>;
    internalIdentity?: Pick<InternalIdentityKeys, 'privateKeyFile' | 'publicKeyFile'>;
  },
): Record<string, string>;
export function spawnService(app: string, env: Record<string, string>, options?: { onLine?: (app: string, line: string) => void }): ChildProcess;
export function waitReady(app: string, httpPort: number, child: ChildProcess, timeoutMs?: number): Promise<void>;
export function stop(child: ChildProcess, graceMs?: number): Promise<number | null>;
export function roleUrl(adminUrl: string, role: string): string;
