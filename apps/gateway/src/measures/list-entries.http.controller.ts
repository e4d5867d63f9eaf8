import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { measuresV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { assertIdempotencyKey, markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { SubjectScope } from '../http/subject-scope';
import { Upstreams } from '../upstreams';
import { DecideListEntryDto, ProposeListEntryDto, ReportFleetSizeDto, ScreenSubjectsDto, UploadEntryRulesDto } from './list-entry.dto';
import {
  EntryRulesBody,
  FleetSizeBody,
  ListEntryBody,
  ScreeningBody,
  SubjectListEntriesBody,
  toEntryRulesBody,
  toFleetSizeBody,
  toListEntryBody,
  toScreeningBody,
  toSubjectListEntriesBody,
} from './list-entry.mapper';

/** Credit lists (joint measures, DOMAIN.md §4): memberships, proposals after notice, decisions, entry rules. */
@ApiTags('joint-measures')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1')
export class ListEntriesHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly subjects: SubjectScope,
  ) {}

  @Get('subjects/:subjectId/list-entries')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "A subject's current and past list memberships, each with its basis, notice, decision and removal" })
  async ofSubject(@CurrentPrincipal() principal: Principal, @Param('subjectId') subjectId: string): Promise<SubjectListEntriesBody> {
    // The region rule (ADR 0041): 404 outside the caller's view, and only the entries of its subtree.
    const result = await this.subjects.read(
      principal,
      subjectId,
      () => this.upstreams.listEntries.listSubjectEntries({ subjectId }, { principal }),
      (answer) => this.subjects.only(principal, answer.entries).length > 0,
    );
    return toSubjectListEntriesBody({ ...result, entries: this.subjects.only(principal, result.entries) });
  }

  @Post('lists/:listType/entries')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Propose an entry resting on records about the subject; starts the prior-notice period (事前告知)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  async propose(
    @CurrentPrincipal() principal: Principal,
    @Param('listType') listType: string,
    @Body() body: ProposeListEntryDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListEntryBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.listEntries.proposeListEntry(
      {
        listType,
        subjectId: body.subjectId,
        basisRecordIds: body.basisRecordIds,
        grounds: body.grounds,
        durationMonths: body.durationMonths ?? 0,
        idempotencyKey: idempotencyKey ?? '',
      },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toListEntryBody(result.entry);
  }

  @Post('list-entries/:id/decision')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Confirm (after the notice period; takes effect that day) or drop a proposed entry' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DecideListEntryDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListEntryBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.listEntries.decideListEntry(
      { entryId: id, outcome: body.outcome, documentNumber: body.documentNumber ?? '', reason: body.reason ?? '', idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toListEntryBody(result.entry);
  }

  @Put('subjects/:subjectId/fleet')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({
    summary:
      'A carrier\'s fleet size as its licensing authority reports it: the denominator of the "more than 10 % of its fleet violating in a year" rule, evaluated at once',
  })
  async reportFleet(@CurrentPrincipal() principal: Principal, @Param('subjectId') subjectId: string, @Body() body: ReportFleetSizeDto): Promise<FleetSizeBody> {
    const result = await this.upstreams.listEntries.reportFleetSize(
      { subjectId, vehicles: body.vehicles, asOf: body.asOf, source: body.source },
      { principal },
    );
    return toFleetSizeBody(result);
  }

  @Get('entry-rules')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'The entry rules in force (version 0: the shipped rules)' })
  async rules(@CurrentPrincipal() principal: Principal): Promise<EntryRulesBody> {
    const result = await this.upstreams.entryRules.getEntryRules({}, { principal });
    return toEntryRulesBody(result);
  }

  @Post('entry-rules/:ruleId/screenings')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({
    summary:
      "Screen the subjects of a screening rule's regions as of a day (筛选认定): those meeting every criterion are listed at once, entries of those that no longer do are ended, the others are reported with the criteria they miss; re-running the same day adds nothing",
  })
  async screen(@CurrentPrincipal() principal: Principal, @Param('ruleId') ruleId: string, @Body() body: ScreenSubjectsDto): Promise<ScreeningBody> {
    const result = await this.upstreams.entryRules.screenSubjects({ ruleId, asOf: body.asOf ?? '', documentNumber: body.documentNumber ?? '' }, { principal });
    return toScreeningBody(result);
  }

  @Put('entry-rules')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'Replace the entry rules; refused as a whole when a rule is invalid or counts an unknown record type' })
  async upload(@CurrentPrincipal() principal: Principal, @Body() body: UploadEntryRulesDto): Promise<measuresV1.UploadEntryRulesResponse> {
    return this.upstreams.entryRules.uploadEntryRules({ rulesJson: JSON.stringify(body.rules) }, { principal });
  }
}
