import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SubjectRefDto } from '../credit-records/credit-record.dto';

/**
 * POST /exchange/v1/repair-applications (ADR 0084, 0088): a partner province forwards the repair
 * application a subject filed there about a record or list entry we decided (谁认定、谁修复).
 */
export class ForwardRepairApplicationDto {
  @ApiPropertyOptional({
    enum: ['record', 'list-entry'],
    default: 'record',
    description: 'What `target` names: one of our credit records (absent: record), or one of our list entries',
  })
  @IsOptional()
  @IsIn(['record', 'list-entry'])
  targetKind?: 'record' | 'list-entry';

  @ApiProperty({
    description: 'Our credit record, or list entry, the subject applies about (its id: the reference we pushed it under, the `entry.id` of our feed)',
    example: '3f2b6a1e-8c4d-4e5f-9a6b-7c8d9e0f1a2b',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  target: string;

  @ApiProperty({ type: SubjectRefDto, description: "The record's or entry's subject (checked against it and the agreement)" })
  @IsDefined()
  @ValidateNested()
  @Type(() => SubjectRefDto)
  subject: SubjectRefDto;

  @ApiProperty({
    description: 'The public credit commitment (信用承诺书) the subject signed',
    example: '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  commitment: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Text references to the evidence (files are not transferred)',
    example: ['鄂交执〔2026〕整改报告 12 号'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiProperty({ description: "The partner's reference for its application: one application per partner and reference", example: 'HB-RA-2026-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string;
}
