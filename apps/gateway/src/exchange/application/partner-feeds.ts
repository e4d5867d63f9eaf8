import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../../gateway.definition';
import { partnerFeedProblems, partnerFeedsSchema, type PartnerFeed } from '../domain/partner-feed';
import type { RecognitionAgreement } from '../domain/recognition-agreement';
import { RecognitionAgreements } from './recognition-agreements';

/**
 * The partner feeds this deployment follows (ADR 0080): GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE, none
 * by default. Checked once at boot, with the agreements and PLATFORM_PROVINCE it refers to: a bad
 * file stops the gateway with a message naming the file and each problem's path.
 */
@Injectable()
export class PartnerFeeds {
  readonly all: readonly PartnerFeed[];
  readonly ownProvince: string;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig, agreements: RecognitionAgreements) {
    this.ownProvince = config.PLATFORM_PROVINCE;
    this.all = loadPartnerFeeds(config.GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE, agreements.all, config.PLATFORM_PROVINCE);
  }
}

export function loadPartnerFeeds(file: string | undefined, agreements: readonly RecognitionAgreement[], ownProvince: string): readonly PartnerFeed[] {
  if (!file) return [];
  const fail = (message: string): never => {
    throw new Error(`GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE ${file}: ${message}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail((error as Error).message);
  }
  const parsed = partnerFeedsSchema.safeParse(raw);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const problems = partnerFeedProblems(parsed.data, agreements, ownProvince);
  if (problems.length > 0) return fail(problems.join('; '));
  return parsed.data.map((feed, i) => {
    let clientSecret = feed.clientSecret;
    if (feed.clientSecretFile) {
      try {
        clientSecret = readFileSync(feed.clientSecretFile, 'utf8').trim();
      } catch (error) {
        return fail(`${i}.clientSecretFile: ${(error as Error).message}`);
      }
    }
    const { clientSecretFile: _file, ...rest } = feed;
    return { ...rest, clientSecret: clientSecret! };
  });
}
