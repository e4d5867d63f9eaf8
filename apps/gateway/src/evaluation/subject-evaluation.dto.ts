import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class EvaluationsQueryDto {
  @ApiPropertyOptional({ description: 'ISO 8601 instant with offset: the grade as it stood then', example: '2026-06-30T23:59:59+08:00' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'asOf must be an ISO 8601 instant with offset' })
  asOf?: string;
}
