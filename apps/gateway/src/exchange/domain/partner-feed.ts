import { parseRegionCode } from '@domain/identifiers';
import { z } from 'zod';
import type { RecognitionAgreement } from './recognition-agreement';

/**
 * A partner province whose change feed this deployment follows (issue 20 item 5, ADR 0080): where
 * its gateway answers, where its signing keys are published, which issuer signs its pages, and the
 * client this deployment was registered as at the partner (its `/api/v1/auth/token`).
 */
export interface PartnerFeed {
  /** The partner's GB/T 2260 code: its agreement here, and the `partnerRegion` of what it sends. */
  region: string;
  /** The partner gateway's base URL; the feed is `<baseUrl>/exchange/v1/changes`, tokens `<baseUrl>/api/v1/auth/token`. */
  baseUrl: string;
  /** The JWKS the partner publishes (normally `<baseUrl>/.well-known/jwks.json`), configured on its own so keys can be pinned elsewhere. */
  jwksUrl: string;
  /** The `iss` of the partner's pages (its GATEWAY_ISSUER). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How long to wait after catching up before asking again. */
  pollIntervalSeconds: number;
  /** The longest wait between attempts while the partner fails (the backoff's cap). */
  maxBackoffSeconds: number;
  /** How often a repair the partner approved for us is asked about again, watched for its revocation (ADR 0088); default an hour. */
  repairWatchIntervalSeconds?: number;
}

export const DEFAULT_REPAIR_WATCH_INTERVAL_SECONDS = 3600;

const httpUrl = z
  .string()
  .url()
  .refine((v) => /^https?:\/\//.test(v), { message: 'must be an http(s) URL' })
  .transform((v) => v.replace(/\/+$/, ''));

export const partnerFeedsSchema = z.array(
  z
    .object({
      region: z.string().refine((v) => parseRegionCode(v).ok, { message: 'must be a GB/T 2260 region code' }),
      baseUrl: httpUrl,
      jwksUrl: httpUrl,
      issuer: z.string().min(1),
      clientId: z.string().min(1),
      /** The secret itself, or (better) a file holding it: exactly one. */
      clientSecret: z.string().min(1).optional(),
      clientSecretFile: z.string().min(1).optional(),
      pollIntervalSeconds: z.number().int().min(1).max(86_400).default(60),
      maxBackoffSeconds: z.number().int().min(1).max(86_400).default(900),
      repairWatchIntervalSeconds: z.number().int().min(1).max(86_400).default(DEFAULT_REPAIR_WATCH_INTERVAL_SECONDS),
    })
    .strict()
    .refine((f) => (f.clientSecret === undefined) !== (f.clientSecretFile === undefined), {
      message: 'give exactly one of clientSecret and clientSecretFile',
      path: ['clientSecret'],
    }),
);
export type PartnerFeedInput = z.infer<typeof partnerFeedsSchema>[number];

/**
 * Configuration that names other configuration is checked at load: a followed partner must have a
 * recognition agreement here (its changes are applied under it), must not be this province, and is
 * followed once.
 */
export function partnerFeedProblems(feeds: readonly PartnerFeedInput[], agreements: readonly RecognitionAgreement[], ownProvince: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  feeds.forEach((feed, i) => {
    if (seen.has(feed.region)) problems.push(`${i}.region: a second feed for ${feed.region}`);
    seen.add(feed.region);
    if (feed.region === ownProvince) problems.push(`${i}.region: ${feed.region} is this deployment's own province (PLATFORM_PROVINCE)`);
    if (!agreements.some((a) => a.partner.region === feed.region))
      problems.push(`${i}.region: no recognition agreement with ${feed.region} (GATEWAY_EXCHANGE_AGREEMENTS_FILE) to apply its changes under`);
  });
  return problems;
}
