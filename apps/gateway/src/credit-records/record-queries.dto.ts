import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ListCreditRecordsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'USCC, citizen ID or plate of the subject' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Record type code from the catalogue', example: 'administrative-penalty' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;

  @ApiPropertyOptional({ description: 'Earliest decision date (inclusive)', example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Latest decision date (inclusive)', example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}

export class ListViolationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The enterprise (USCC) whose violations to list' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subjectId?: string;

  @ApiPropertyOptional({ enum: ['unclaimed', 'claimed', 'disposed'] })
  @IsOptional()
  @IsIn(['unclaimed', 'claimed', 'disposed'])
  state?: string;
}

export class CollectionQualityQueryDto {
  @ApiPropertyOptional({ description: "GB/T 2260 region inside the caller's own; default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM; default: the current month (China time)', example: '2026-11' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;
}
