import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { uploadedBytes } from '../http/stored-file-response';
import type { StoredFileBody } from '../permits/permit-attachments.http.controller';
import { Upstreams } from '../upstreams';

/**
 * A partner province uploads the evidence files of a repair application it forwards to us next
 * (谁认定、谁修复, ADR 0088): the same checks as our own uploads (type sniffed from the bytes, pdf /
 * jpeg / png up to 10 MiB); the application then names each as `sha256:<hex>`, and our deciding
 * unit reads it through that application.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/repair-evidence')
export class PartnerRepairEvidenceHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The file bytes', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Upload an evidence file of a repair application forwarded next (pdf, jpeg, png ≤ 10 MiB; type sniffed) → its SHA-256, size and type',
  })
  async upload(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<StoredFileBody> {
    const result = await this.upstreams.repairEvidence.uploadPartnerEvidence({ content: uploadedBytes(body) }, { principal });
    return result.file!;
  }
}
