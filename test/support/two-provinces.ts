import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provinceEnv, RunningPlatform, startPlatform } from './platform-harness';

/** What Hubei's agreement with Henan recognises (ADR 0067 shape): its lists and, optionally, records and grades (ADR 0085). */
export interface HenanAgreementTerms {
  lists: { listType: string; subjects: 'any' | 'partner-registered'; effect: 'apply' | 'inform'; maxTermMonths: number }[];
  records?: { subjects: 'any' | 'partner-registered' };
  grades?: { schemes: { schemeId: string; subjects: 'any' | 'partner-registered'; effect: 'apply' | 'inform'; recognitionTable?: string }[] };
}

/**
 * The second province of the two-province tests (issue 20 item 7): Hubei (420000) on its own
 * platform — database, ports, NATS namespace, signing key and issuer — following Henan's signed
 * feed as the client Henan registered for it (`hubei-partner`, ADR 0080), under an agreement with
 * Henan. Feeds are asked every second; `maxBackoffSeconds` caps the wait while Henan is down;
 * `repairWatchIntervalSeconds` is how often a repair Henan approved is asked about again (ADR 0088).
 */
export async function startHubeiFollowing(
  henan: RunningPlatform,
  apps: string[],
  terms: HenanAgreementTerms,
  feed: { maxBackoffSeconds?: number; repairWatchIntervalSeconds?: number } = {},
): Promise<RunningPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-hubei-'));
  const agreement = {
    id: 'henan-demo',
    partner: { region: '410000', name: '河南省交通运输厅' },
    source: 'demo agreement of the two-province stack (issue 20 item 7)',
    ...terms,
  };
  writeFileSync(join(dir, 'agreements.json'), JSON.stringify([agreement]));
  writeFileSync(
    join(dir, 'feeds.json'),
    JSON.stringify([
      {
        region: '410000',
        baseUrl: henan.gatewayUrl,
        jwksUrl: `${henan.gatewayUrl}/.well-known/jwks.json`,
        issuer: 'transport-credit-gateway',
        clientId: 'hubei-partner',
        clientSecret: henan.clients['hubei-partner'].clientSecret,
        pollIntervalSeconds: 1,
        ...feed,
      },
    ]),
  );
  return startPlatform(apps, {
    ...provinceEnv('420000'),
    GATEWAY_EXCHANGE_AGREEMENTS_FILE: join(dir, 'agreements.json'),
    GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE: join(dir, 'feeds.json'),
  });
}
