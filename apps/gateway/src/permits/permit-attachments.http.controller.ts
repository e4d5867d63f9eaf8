import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { sendStoredFile, uploadedBytes } from '../http/stored-file-response';
import { Upstreams } from '../upstreams';

/** A stored file as the API answers it. */
export interface StoredFileBody {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  uploadedAt: string;
}

/**
 * Permit attachment contents (issue 18 item 1, ADR 0076): upload the bytes, then name the file in an
 * application or correction by its SHA-256, size and (sniffed) type.
 */
@ApiTags('permits')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/permit-attachments')
export class PermitAttachmentsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.PermitsWrite)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The file bytes', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Upload an attachment (pdf, jpeg, png ≤ 10 MiB; mp4 ≤ 20 MiB; type sniffed from the content) → its SHA-256, size and type',
  })
  async upload(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<StoredFileBody> {
    const result = await this.upstreams.permitAttachments.uploadAttachment({ content: uploadedBytes(body) }, { principal });
    return result.file!;
  }

  @Get(':sha256')
  @RequireScope(Scopes.PermitsWrite)
  @ApiOperation({ summary: 'Download an attachment (as a download, never executed; the uploader or the accepting authority)' })
  async download(@CurrentPrincipal() principal: Principal, @Param('sha256') sha256: string, @Res() response: Response): Promise<void> {
    const result = await this.upstreams.permitAttachments.getAttachment({ sha256 }, { principal });
    sendStoredFile(response, result.file, result.content);
  }
}
