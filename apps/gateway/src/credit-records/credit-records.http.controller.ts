import { SkipThrottle } from '@nestjs/throttler';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { collectionV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { assertIdempotencyKey, markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { RevokeCreditRecordDto, SubmitCreditRecordDto } from './credit-record.dto';
import { CreditRecordBody, SubmittedBatchBody, SubmittedRecordBody, toCreditRecordBody } from './credit-record.mapper';
import { OpenObjectionDto } from './objection.dto';
import { ObjectionBody, toObjectionBody } from './objection.mapper';
import { ListCreditRecordsQueryDto } from './record-queries.dto';
import { RecordSubmissions } from './record-submissions';

@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/credit-records')
export class CreditRecordsHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly submissions: RecordSubmissions,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Submit one credit record' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried key returns the first answer' })
  @ApiCreatedResponse({ description: '{ id, status }' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubmitCreditRecordDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmittedRecordBody> {
    assertIdempotencyKey(idempotencyKey);
    const request: collectionV1.SubmitRecordRequest = {
      recordType: body.recordType,
      subject: body.subject,
      region: body.region,
      severity: body.severity,
      decisionDate: body.decisionDate,
      documentNumber: body.documentNumber,
      sourceRecordId: body.sourceRecordId ?? '',
      payloadJson: JSON.stringify(body.payload ?? {}),
      idempotencyKey: idempotencyKey ?? '',
    };
    const result = await this.submissions.submit(principal, request);
    markReplayed(response, result.replayed);
    response.setHeader('Location', `/api/v1/credit-records/${result.id}`);
    return { id: result.id, status: result.status };
  }

  @Get()
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "Records in the caller's region, newest decision first; filter by subject, type and decision dates" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCreditRecordsQueryDto): Promise<collectionV1.ListRecordsResponse> {
    return this.upstreams.creditRecords.listRecords(
      {
        subjectId: query.subjectId ?? '',
        recordType: query.type ?? '',
        from: query.from ?? '',
        to: query.to ?? '',
        cursor: query.cursor ?? '',
        limit: query.limit ?? 0,
      },
      { principal },
    );
  }

  @Post(':id/objections')
  @HttpCode(201)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: "The subject's objection (异议), opened by an integrator on its behalf; the record shows under-objection" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried key returns the first objection' })
  async object(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: OpenObjectionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ObjectionBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.objections.openObjection(
      { recordId: id, reason: body.reason, objector: { name: body.objector.name, contact: body.objector.contact ?? '' }, idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    const objection = toObjectionBody(result.objection);
    response.setHeader('Location', `/api/v1/objections/${objection.id}`);
    return objection;
  }

  @Post('batches')
  @HttpCode(202)
  @RequireScope(Scopes.RecordsWrite)
  @ApiConsumes('application/x-ndjson')
  @ApiOperation({ summary: 'Submit up to 10,000 records as NDJSON (at most 20 MiB); processed asynchronously' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried key returns the first batch' })
  async submitBatch(
    @CurrentPrincipal() principal: Principal,
    @Body() body: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmittedBatchBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.creditRecords.submitBatch(
      { ndjson: typeof body === 'string' ? body : '', idempotencyKey: idempotencyKey ?? '' },
      { principal, deadlineMs: 30_000 },
    );
    markReplayed(response, result.replayed);
    response.setHeader('Location', `/api/v1/credit-records/batches/${result.batchId}`);
    return { batchId: result.batchId, lineCount: result.lineCount };
  }

  @Get('batches/:batchId')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Batch progress: accepted, rejected and duplicate counts, and every rejected line' })
  async batch(@CurrentPrincipal() principal: Principal, @Param('batchId') batchId: string): Promise<collectionV1.GetBatchResponse> {
    return this.upstreams.creditRecords.getBatch({ batchId }, { principal });
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'The providing unit revokes a record (a new version; nothing is deleted)' })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RevokeCreditRecordDto): Promise<collectionV1.RevokeRecordResponse> {
    return this.upstreams.creditRecords.revokeRecord({ id, reason: body.reason }, { principal });
  }

  @Get(':id')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'One credit record with its history' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CreditRecordBody> {
    return toCreditRecordBody(await this.upstreams.creditRecords.getRecord({ id }, { principal }));
  }
}
