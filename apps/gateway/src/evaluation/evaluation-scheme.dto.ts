import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** PUT /api/v1/evaluation-schemes/{id}: a new version; the document itself is checked by evaluation. */
export class PutEvaluationSchemeDto {
  @ApiProperty({ description: 'The scheme document (see docs/evaluation.md): scoring, ladder, adjustments; conditions in CEL' })
  @IsObject()
  document: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Make this version the active one, in the same transaction', default: false })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({ description: 'Refuse (409) unless the latest version is still this one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;
}

export class SchemeVersionQueryDto {
  @ApiPropertyOptional({ description: 'A version number; the active version when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}

export class EvaluationsQueryDto {
  @ApiPropertyOptional({ description: 'ISO 8601 instant with offset: the grade as it stood then', example: '2026-06-30T23:59:59+08:00' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'asOf must be an ISO 8601 instant with offset' })
  asOf?: string;
}

export class CloseCycleDto {
  @ApiProperty({ example: 'zhengzhou-taxi-driver-stars' })
  @IsString()
  @MaxLength(64)
  schemeId: string;

  @ApiProperty({ description: 'A period of the scheme’s cycle: 2025, 2025-H2, 2025-Q4, 2025-12, or a date for rolling schemes', example: '2025' })
  @IsString()
  @MaxLength(10)
  period: string;
}

/** POST /api/v1/evaluation-schemes/{id}/simulations: the draft to try against current data. */
export class SimulateEvaluationSchemeDto {
  @ApiProperty({ description: 'The draft scheme document; checked exactly like an upload, never stored' })
  @IsObject()
  document: Record<string, unknown>;
}

export class RecogniseGradeDto {
  @ApiProperty({ description: 'The grade as the partner gave it', example: 'B' })
  @IsString()
  @MaxLength(16)
  grade: string;
}

export class RankingsQueryDto {
  @ApiPropertyOptional({ enum: ['subject', 'city', 'county'], default: 'subject', description: 'Subjects by score, or cities/counties by their subjects’ mean score with the grade distribution' })
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
  @ApiProperty({ description: 'The scheme whose subjects are ranked (a sector’s scheme, e.g. Henan passenger and hazardous-goods carriers)', example: 'henan-passenger-hazardous-codes' })
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
