import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

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

  @ApiPropertyOptional({ description: 'Months the entry lasts once effective; default: the list\'s configured duration' })
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

  @ApiPropertyOptional({ description: 'Why (e.g. the subject\'s statement was not accepted)' })
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
