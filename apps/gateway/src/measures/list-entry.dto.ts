import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CREDIT_LIST_TYPES, SUBJECT_KINDS } from '@domain/credit';

export class ProposeListEntryDto {
  @ApiProperty({ description: 'The subject (USCC, citizen ID, plate:colour, vessel id) the entry is about', example: '91410100MA3X000109' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  subjectId: string;

  @ApiProperty({ description: 'Platform ids of the records about the subject the entry rests on', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  basisRecordIds: string[];

  @ApiProperty({ description: 'Why, as the notice to the subject will quote it', example: '一年内多次违法超限运输' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  grounds: string;

  @ApiPropertyOptional({ description: "Months the entry lasts once effective; default: the list's configured duration" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths?: number;
}

export class DecideListEntryDto {
  @ApiProperty({ enum: ['confirm', 'drop'], description: 'confirm (only after the prior-notice period) or drop' })
  @IsIn(['confirm', 'drop'])
  outcome: 'confirm' | 'drop';

  @ApiPropertyOptional({ description: 'Decision document number; required to confirm', example: '郑交信〔2026〕1号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;

  @ApiPropertyOptional({ description: "Why (e.g. the subject's statement was not accepted)" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class UploadEntryRulesDto {
  @ApiProperty({ description: 'The whole rule set (see GET /api/v1/entry-rules for the shape)', type: 'array', items: { type: 'object' } })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  rules: unknown[];
}

export class PartnerSubjectDto {
  @ApiProperty({ enum: SUBJECT_KINDS, example: 'org' })
  @IsIn(SUBJECT_KINDS)
  kind: string;

  @ApiProperty({ description: 'USCC (org), citizen ID (person), plate:colour (vehicle), vessel id; checked by joint measures', example: '91320500MA1X00010B' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  id: string;

  @ApiProperty({ example: '苏州某运输有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class ProvenanceDto {
  @ApiProperty({ description: "GB/T 2260 region of the partner that decided the entry (must be within the caller's region)", example: '320500' })
  @Matches(/^\d{6}$/, { message: 'partnerRegion must be a 6-digit GB/T 2260 code' })
  partnerRegion: string;

  @ApiProperty({ example: '苏州市交通运输局' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  partnerName: string;

  @ApiProperty({ description: "The partner's own reference (decision number); one import per partner and reference", example: '苏交信〔2026〕12号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sourceReference: string;

  @ApiProperty({ example: '2026-10-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decidedOn must be YYYY-MM-DD' })
  decidedOn: string;
}

/** A list entry decided in a partner region, recognised here as it stands (DOMAIN.md §4 cross-region). */
export class ImportPartnerEntryDto {
  @ApiProperty({ enum: CREDIT_LIST_TYPES, example: 'key-watch' })
  @IsString()
  @MaxLength(40)
  listType: string;

  @ApiProperty({ type: PartnerSubjectDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PartnerSubjectDto)
  subject: PartnerSubjectDto;

  @ApiProperty({ type: ProvenanceDto, description: 'Who decided the entry, where, when, under which reference (required)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProvenanceDto)
  provenance: ProvenanceDto;

  @ApiProperty({ description: 'First day in force (as decided by the partner)', example: '2026-10-16' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be YYYY-MM-DD' })
  startsOn: string;

  @ApiPropertyOptional({ description: 'Last day in force; omitted: until the partner withdraws it' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endsOn must be YYYY-MM-DD' })
  endsOn?: string;

  @ApiPropertyOptional({ description: 'Region the entry binds in; default: the partner region' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiPropertyOptional({ description: "The partner's grounds, as its notice quoted them" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  grounds?: string;

  @ApiPropertyOptional({
    description:
      'The partner’s version of this entry (1, 2, …). A higher version than the one held under the reference updates the entry held (another term; in force again after the partner withdrew it); the same or a lower one changes nothing (ADR 0087)',
    example: 2,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ReportFleetSizeDto {
  @ApiProperty({ description: 'Freight vehicles of the carrier holding a road transport certificate (道路运输证)', example: 120 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  vehicles: number;

  @ApiProperty({ description: 'The day the count is true of; the latest day reported counts', example: '2026-11-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be YYYY-MM-DD' })
  asOf: string;

  @ApiProperty({ description: 'Where the count comes from', example: '河南省道路运输管理信息系统' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source: string;
}

/** POST /api/v1/entry-rules/{ruleId}/screenings: a screening run of a screening rule (筛选认定, ADR 0052). */
export class ScreenSubjectsDto {
  @ApiPropertyOptional({ description: 'The day screened (YYYY-MM-DD, not in the future); absent: today (China)', example: '2026-12-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: "The list owner's decision document (认定文书), recorded on each new entry", example: '太海〔2026〕12号' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  documentNumber?: string;
}
