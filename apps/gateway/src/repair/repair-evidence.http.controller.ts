import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { sendStoredFile, uploadedBytes } from '../http/stored-file-response';
import type { StoredFileBody } from '../permits/permit-attachments.http.controller';
import { Upstreams } from '../upstreams';

/**
 * Repair evidence files (issue 19 item 3, ADR 0076): upload the bytes, then name the file in a repair
 * application's evidence as `sha256:<hex>`.
 */
@ApiTags('repair')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/repair-evidence')
export class RepairEvidenceHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.RecordsWrite)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The file bytes', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Upload an evidence file (pdf, jpeg, png ≤ 10 MiB; type sniffed from the content) → its SHA-256, size and type' })
  async upload(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<StoredFileBody> {
    const result = await this.upstreams.repairEvidence.uploadEvidence({ content: uploadedBytes(body) }, { principal });
    return result.file!;
  }

  @Get(':sha256')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Download an evidence file (as a download, never executed; the uploader or the deciding unit)' })
  async download(@CurrentPrincipal() principal: Principal, @Param('sha256') sha256: string, @Res() response: Response): Promise<void> {
    const result = await this.upstreams.repairEvidence.getEvidence({ sha256 }, { principal });
    sendStoredFile(response, result.file, result.content);
  }
}
