import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SEVERITIES } from '@domain/credit';

export class ObjectorDto {
  @ApiProperty({ description: 'Who objects: the enterprise or person the record is about', example: '郑州某某运输有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'Phone or e-mail for the answer', example: '0371-12345678' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string;
}

export class OpenObjectionDto {
  @ApiProperty({ description: 'What is wrong with the record', example: '处罚决定书文号有误' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ type: ObjectorDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ObjectorDto)
  objector: ObjectorDto;
}

export class RecordCorrectionDto {
  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({ example: '2026-11-02' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be YYYY-MM-DD' })
  decisionDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  documentNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subjectName?: string;

  @ApiPropertyOptional({ description: 'Replaces the payload; validated against the catalogue' })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'])
  outcome: string;

  @ApiProperty({ description: 'What the verification found', example: '经核实，文号录入错误，已更正' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({ type: RecordCorrectionDto, description: 'Upheld with a correction corrects the record; upheld without one revokes it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordCorrectionDto)
  correction?: RecordCorrectionDto;
}
