import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SEVERITIES } from '@domain/credit';
import { SubjectRefDto } from '../credit-records/credit-record.dto';

export class PartnerRecordProvenanceDto {
  @ApiProperty({ description: "GB/T 2260 region of the partner that decided the record (within the caller's region)", example: '420000' })
  @Matches(/^\d{6}$/, { message: 'partnerRegion must be a 6-digit GB/T 2260 code' })
  partnerRegion: string;

  @ApiProperty({ description: "The partner's own record reference: one record per partner and reference", example: 'HB-2026-000123' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  sourceReference: string;
}

/** A credit record a partner province decided, pushed with its provenance (issue 20 item 3, ADR 0069). */
export class PushPartnerRecordDto {
  @ApiProperty({ example: 'administrative-penalty' })
  @IsString()
  @MaxLength(64)
  recordType: string;

  @ApiProperty({ type: SubjectRefDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SubjectRefDto)
  subject: SubjectRefDto;

  @ApiProperty({ description: "GB/T 2260 code of the region the record belongs to (within the sender's)", example: '420100' })
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: string;

  @ApiProperty({ example: '2026-11-02' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be YYYY-MM-DD' })
  decisionDate: string;

  @ApiProperty({ example: '鄂交罚〔2026〕101号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  documentNumber: string;

  @ApiPropertyOptional({ description: 'Type-specific fields, as for our own records' })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;

  @ApiProperty({ type: PartnerRecordProvenanceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PartnerRecordProvenanceDto)
  provenance: PartnerRecordProvenanceDto;
}
