import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { measuresV1, ProtoPackages } from '@contracts';
import type { Principal } from '@platform/auth';
import { isDomainError } from '@platform/errors';
import { GrpcClient, UnaryClient } from '@platform/grpc';
import type { CreditCheckPort } from '../application/credit-check.port';
import { groundsOf, type CreditCheck } from '../domain/credit-path';

/** Joint measures' answer for a subject it has no records, grades or list entries about. */
const UNKNOWN_SUBJECT = 'DECISION.UNKNOWN_SUBJECT';

/**
 * The credit check through joint measures' DecisionService (scene `permit.application`), with a
 * short deadline: a slow or unreachable joint measures is an answer too ("not in time"), and the
 * application takes the standard path, never the fast lane. A carrier joint measures knows nothing
 * about (DECISION.UNKNOWN_SUBJECT: the registry knows it, permits checked) has nothing against it.
 * The decision is asked with the caller's principal as it arrived: the token the gateway signed for
 * permits and joint measures both (ADR 0073); permits holds no signing key of its own.
 */
@Injectable()
export class JointMeasuresCreditCheck implements CreditCheckPort, OnApplicationShutdown {
  private readonly client: GrpcClient;
  private readonly decisions: UnaryClient<measuresV1.DecisionServiceClient>;

  constructor(url: string, deadlineMs: number) {
    // No signer: GrpcClient passes on the signed token the principal arrived with.
    this.client = new GrpcClient(ProtoPackages.measures, measuresV1.DECISION_SERVICE_NAME, url, deadlineMs);
    this.decisions = this.client.typed<measuresV1.DecisionServiceClient>();
  }

  async check(principal: Principal, carrierUscc: string, region: string): Promise<CreditCheck> {
    try {
      const answer = await this.decisions.decide({ subjectId: carrierUscc, scene: 'permit.application', sector: '', region }, { principal });
      return {
        answered: true,
        decisionId: answer.decisionId,
        outcome: answer.outcome as 'allow' | 'deny' | 'conditional',
        measures: answer.measures.map((m) => ({
          code: m.code,
          name: m.name,
          legalBasis: m.legalBasis,
          grounds: answer.reasons.filter((r) => r.mappingId === m.mappingId).map(groundsOf),
        })),
      };
    } catch (error) {
      // No records, grades or list entries anywhere on the platform: nothing can close the path.
      if (isDomainError(error) && error.code === UNKNOWN_SUBJECT) return { answered: true, decisionId: null, outcome: 'allow', measures: [] };
      return { answered: false, why: isDomainError(error) ? `${error.kind}: ${error.code}` : String(error) };
    }
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
