import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A province's answer; permits checks the values (400 PERMIT_APPROVAL.INVALID names each field). */
export class AnswerPermitApprovalDto {
  @ApiProperty({ description: 'The application asked about', example: '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c' })
  @IsString()
  @MaxLength(64)
  applicationId: string;

  @ApiProperty({ enum: ['approve', 'refuse'] })
  @IsString()
  @MaxLength(16)
  decision: string;

  @ApiPropertyOptional({ description: 'Why (required when refusing)', example: '汉江大桥限载，无法通行' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** Our province's answer to a partner province's application, relayed to it (ADR 0080). */
export class AnswerPartnerPermitApprovalDto extends AnswerPermitApprovalDto {
  @ApiProperty({ description: 'The partner province that accepted the application (GB/T 2260)', example: '410000' })
  @IsString()
  @MaxLength(6)
  partner: string;
}
