import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SEVERITIES } from '@domain/credit';
import { PageQueryDto } from '../http/page-query.dto';

export class CommitmentFindingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'confirmed', 'dismissed'], description: 'Default: every status' })
  @IsOptional()
  @IsIn(['pending', 'confirmed', 'dismissed'])
  status?: string;

  @ApiPropertyOptional({ description: "GB/T 2260 region code within the caller's region; default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;
}

export class ConfirmCommitmentFindingDto {
  @ApiProperty({ description: "The unit's decision document (认定文书) number; the published record carries it", example: '郑交违诺〔2026〕7号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  documentNumber: string;

  @ApiProperty({ description: 'Decision date (YYYY-MM-DD): after the commitment’s last day, not after today', example: '2026-09-01' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be YYYY-MM-DD' })
  decisionDate: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: "Default: the place's configured severity for broken commitments" })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: string;
}

export class DismissCommitmentFindingDto {
  @ApiProperty({ description: 'Why the commitment was not broken', example: '已于期限内履约，履约材料未及时录入' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
