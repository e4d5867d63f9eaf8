import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { RECORD_TYPE_CODES, SEVERITIES, SUBJECT_KINDS } from '@domain/credit';

export class SubjectRefDto {
  @ApiProperty({ enum: SUBJECT_KINDS, example: 'org' })
  @IsIn(SUBJECT_KINDS)
  kind: string;

  @ApiProperty({ description: 'USCC (org), citizen ID (person), plate:colour (vehicle)', example: '91410100MA44A1B2C3' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  id: string;

  @ApiProperty({ example: '郑州某某运输有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

/**
 * Shape checks at the edge (types, required fields, unknown fields). Identifier check
 * characters, regions and dates are checked by collection, which owns those rules.
 */
export class SubmitCreditRecordDto {
  @ApiProperty({ enum: RECORD_TYPE_CODES, example: 'administrative-penalty' })
  @IsString()
  @MaxLength(64)
  recordType: string;

  @ApiProperty({ type: SubjectRefDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SubjectRefDto)
  subject: SubjectRefDto;

  @ApiProperty({ description: 'GB/T 2260 region code', example: '410100' })
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: string;

  @ApiProperty({ example: '2026-11-02' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be YYYY-MM-DD' })
  decisionDate: string;

  @ApiProperty({ example: '郑交罚〔2026〕101号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  documentNumber: string;

  @ApiPropertyOptional({ description: "The source unit's own id; retries with the same id return the first answer" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sourceRecordId?: string;

  @ApiPropertyOptional({ description: 'Type-specific fields (facts, penalty basis, content...)' })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export { RECORD_TYPE_CODES };

export class RevokeCreditRecordDto {
  @ApiProperty({ example: '决定书送达对象有误，已撤销' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
