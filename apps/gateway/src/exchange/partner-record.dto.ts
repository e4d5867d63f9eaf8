import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SubmitCreditRecordDto } from '../credit-records/credit-record.dto';

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

/**
 * A credit record a partner province decided, pushed with its provenance (issue 20 item 3, ADR 0069):
 * our own record's fields and checks, with `provenance` in place of `sourceRecordId`.
 */
export class PushPartnerRecordDto extends OmitType(SubmitCreditRecordDto, ['sourceRecordId'] as const) {
  @ApiProperty({ type: PartnerRecordProvenanceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PartnerRecordProvenanceDto)
  provenance: PartnerRecordProvenanceDto;
}
