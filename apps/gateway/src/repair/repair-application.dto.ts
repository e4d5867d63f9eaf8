import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** POST /api/v1/repair-applications (API.md "Repair"; DOMAIN.md §5). */
export class ApplyForRepairDto {
  @ApiProperty({
    description: 'The credit record or list entry (key-watch, severe-dishonesty, bad-driver) to repair (its id)',
    example: '3f2b6a1e-8c4d-4e5f-9a6b-7c8d9e0f1a2b',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  target: string;

  @ApiProperty({
    description: 'The public credit commitment (信用承诺书) the subject signs',
    example: '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  commitment: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'References to the evidence (document numbers, file ids, URLs); closed-loop mode needs the rectification evidence',
    example: ['整改报告 2026-07-20'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];
}

/** POST /api/v1/repair-applications/{id}/decision. */
export class DecideRepairApplicationDto {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  outcome: string;

  @ApiProperty({ description: 'Why (for the subject)', example: '已纠正失信行为并作出信用承诺，同意修复' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

/** POST /api/v1/repair-applications/{id}/revocation: a repair obtained with a false commitment. */
export class RevokeRepairApplicationDto {
  @ApiProperty({ description: 'Why (for the subject): what was false in the commitment', example: '经核查，信用承诺不实，撤销信用修复决定' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

/** GET /api/v1/reports/repairs. */
export class RepairFiguresQueryDto {
  @ApiPropertyOptional({ description: "GB/T 2260 code within the caller's region; default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiProperty({ description: 'Month (China time), YYYY-MM', example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}
