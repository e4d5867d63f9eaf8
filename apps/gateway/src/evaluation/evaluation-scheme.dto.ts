import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

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

/** POST /api/v1/evaluation-schemes/{id}/simulations: the draft to try against current data. */
export class SimulateEvaluationSchemeDto {
  @ApiProperty({ description: 'The draft scheme document; checked exactly like an upload, never stored' })
  @IsObject()
  document: Record<string, unknown>;
}
