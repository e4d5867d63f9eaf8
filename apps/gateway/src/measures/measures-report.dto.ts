import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class MeasuresAppliedQueryDto {
  @ApiPropertyOptional({ description: "GB/T 2260 code within the caller's region; default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiProperty({ description: 'Month (China time), YYYY-MM', example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}
