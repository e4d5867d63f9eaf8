import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class DrawPoolDto {
  @ApiProperty({ description: 'GB/T 2260 code of the pool (a configured plan covers it, e.g. 330100 Hangzhou, 419001 Jiyuan)', example: '419001' })
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiProperty({ description: 'Sector of the pool (driving-school, road-transport…)', example: 'driving-school' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  sector: string;
}

export class DrawInspectionsDto {
  @ApiProperty({ type: DrawPoolDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => DrawPoolDto)
  pool: DrawPoolDto;

  @ApiPropertyOptional({ description: 'Seed (0 … 2^31−1) to reproduce a draw; absent: a fresh one, returned with the result' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;
}
