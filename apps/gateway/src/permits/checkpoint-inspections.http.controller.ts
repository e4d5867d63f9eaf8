import { Body, Controller, Headers, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import type { permitsV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { assertIdempotencyKey, markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { CheckpointInspectionDto } from './checkpoint-inspection.dto';

/** What a checkpoint gets back: pass, or refuse with every mismatch; a refusal's violation episode. */
export interface CheckpointInspectionBody {
  inspectionId: string;
  outcome: 'pass' | 'refuse';
  permitNo: string | null;
  mismatches: { kind: string; field: string; permitted: string; measured: string; message: string }[];
  episodeId: string | null;
  toleranceSource: string;
}

/** Checkpoint inspection (入口称重, 出口核查, 路面查验; issue 18 item 7): a measured vehicle against its permit. */
@ApiTags('permits')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/checkpoint-inspections')
export class CheckpointInspectionsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(200)
  @RequireScope(Scopes.PermitsWrite)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  @ApiOperation({
    summary:
      'Measured dimensions and mass at a checkpoint against the permit → pass, or refuse with each mismatch (no permit, 大车小证, outside the window, off the route, wrong vehicle); a refusal is one violation record',
  })
  async inspect(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CheckpointInspectionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckpointInspectionBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.checkpointInspections.inspectVehicle(
      {
        permitNo: body.permitNo ?? '',
        tractorPlate: body.tractorPlate,
        trailerPlate: body.trailerPlate ?? '',
        measured: body.measured,
        checkpoint: body.checkpoint,
        inspectedAt: body.inspectedAt,
        foundBy: { name: body.foundBy.name, uscc: body.foundBy.uscc },
        idempotencyKey: idempotencyKey ?? '',
      },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toCheckpointInspectionBody(result.inspection);
  }
}

function toCheckpointInspectionBody(inspection: permitsV1.CheckpointInspection | undefined): CheckpointInspectionBody {
  const i = inspection!;
  return {
    inspectionId: i.inspectionId,
    outcome: i.outcome as CheckpointInspectionBody['outcome'],
    permitNo: i.permitNo || null,
    mismatches: (i.mismatches ?? []).map((m) => ({ kind: m.kind, field: m.field, permitted: m.permitted, measured: m.measured, message: m.message })),
    episodeId: i.episodeId || null,
    toleranceSource: i.toleranceSource,
  };
}
