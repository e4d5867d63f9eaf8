import { Controller, Inject } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { DataSource } from 'typeorm';
import { permitsV1 } from '@contracts';
import { assertScope, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { principalFrom } from '@platform/grpc';
import { SERVICE_CONFIG } from '@platform/service';
import { IngestPositionsHandler } from '../application/ingest-positions.handler';
import { parsePositionBatch } from '../domain/position-batch';
import type { PermitsConfig } from '../../permits.definition';

/** The gateway's face of route conformance: a batch from a client, in the client's region. */
@Controller()
@permitsV1.RouteConformanceServiceControllerMethods()
export class RouteConformanceGrpcController implements permitsV1.RouteConformanceServiceController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ingest: IngestPositionsHandler,
    @Inject(SERVICE_CONFIG) private readonly config: PermitsConfig,
  ) {}

  async ingestPositions(request: permitsV1.IngestPositionsRequest, metadata?: Metadata): Promise<permitsV1.IngestPositionsResponse> {
    const principal = principalFrom(metadata);
    assertScope(principal, Scopes.PermitsWrite);
    const parsed = parsePositionBatch(
      { foundBy: request.foundBy, reports: request.reports.map((r) => ({ ...r, source: r.source || undefined })) },
      this.config.POSITION_BATCH_MAX,
    );
    if (!parsed.ok) throw DomainError.validation(parsed.code, parsed.violations, 'The batch of positions is invalid.');
    const result = await this.dataSource.transaction((manager) => this.ingest.execute(manager, parsed.batch, principal.region));
    return { accepted: result.accepted, flagged: result.flagged, reportedEpisodeIds: result.reported };
  }
}
