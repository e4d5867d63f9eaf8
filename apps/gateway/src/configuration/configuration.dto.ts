import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';

/** PUT /api/v1/admin/{measure-mappings|draw-plans|entry-rules}: a new version; joint measures checks the document and every reference in it. */
export class UploadConfigurationDto {
  @ApiProperty({
    description:
      'The whole set: measure mappings `{ measures: [...], mappings: [...] }`; draw plans and entry rules an array (see GET for the shape of the version in force)',
  })
  @IsDefined()
  document: unknown;

  @ApiPropertyOptional({ description: 'Refuse (409 CONFIG.VERSION_CONFLICT) unless the latest version is still this one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;
}

export class ConfigurationVersionParamDto {
  @ApiProperty({ description: 'A version number' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  version: number;
}
