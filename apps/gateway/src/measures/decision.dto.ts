import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class DecideDto {
  @ApiProperty({ description: 'The subject asked about (USCC, citizen ID, PLATE:COLOUR, vessel id)', example: '91410100MA3X000109' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  subjectId: string;

  @ApiProperty({
    description:
      'permit.application | business.new-capacity | inspection.frequency | approval.tolerance | incentive.discount | dispatch.priority | incentive.reward | support.application',
    example: 'permit.application',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  scene: string;

  @ApiPropertyOptional({
    description:
      'Sector of the question (taxi, general-cargo, driving-school…). For a subject in the registry it must be one of its registered sectors (else 422 DECISION.SECTOR_CONTRADICTS_REGISTRY); omitted, all of them apply. For a subject not in the registry, sector-specific mappings apply only when given (ADR 0055)',
    example: 'taxi',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sector?: string;

  @ApiPropertyOptional({ description: "Where the question is asked (GB/T 2260, within the caller's region); default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;
}
