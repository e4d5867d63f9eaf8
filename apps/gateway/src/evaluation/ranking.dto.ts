import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RankingsQueryDto {
  @ApiPropertyOptional({
    enum: ['subject', 'city', 'county'],
    default: 'subject',
    description: 'Subjects by score, or cities/counties by their subjects’ mean score with the grade distribution',
  })
  @IsOptional()
  @IsIn(['subject', 'city', 'county'])
  by?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** GET /api/v1/rankings: the values are checked by evaluation (stable RANKING.* codes); `by` and `limit` as for a cycle's rankings. */
export class PeriodRankingsQueryDto extends RankingsQueryDto {
  @ApiProperty({
    description: 'The scheme whose subjects are ranked (a sector’s scheme, e.g. Henan passenger and hazardous-goods carriers)',
    example: 'henan-passenger-hazardous-codes',
  })
  @IsString()
  @MaxLength(64)
  schemeId: string;

  @ApiProperty({ enum: ['week', 'month', 'quarter', 'half', 'year'], description: 'Any of these, whatever the scheme’s own cycle' })
  @IsString()
  @MaxLength(16)
  periodKind: string;

  @ApiProperty({ description: 'An ended period of that kind: 2026-W46, 2026-11, 2026-Q4, 2026-H2, 2026', example: '2026-Q3' })
  @IsString()
  @MaxLength(10)
  period: string;
}
