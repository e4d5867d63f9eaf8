import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

export class ExpiringLicencesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "GB/T 2260 region code within the caller's region; default: the caller's region", example: '410800' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiPropertyOptional({ description: "Window in days from today (1–366); default: the region's configured warning window (e.g. Jiaozuo: one month)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  within?: number;

  @ApiPropertyOptional({ description: "Only this subject's licences (USCC, citizen ID, plate)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Only licences provided by this unit (client id)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sourceClientId?: string;
}

export class LicenceRemindersQueryDto {
  @ApiPropertyOptional({ description: "GB/T 2260 region code within the caller's region; default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous call; absent for the start of the feed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;

  @ApiPropertyOptional({ description: '1–500, default 100' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
