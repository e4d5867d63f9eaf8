import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** POST /api/v1/subjects/{subjectId}/evaluations/{schemeId}/appeals (ADR 0054). */
export class OpenGradeAppealDto {
  @ApiProperty({ description: 'Why the subject contests the grade (for the regulator)', example: '该起亡人事故经交警部门复核认定我司无责任' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'References to the evidence relied on (document numbers, file ids, URLs)',
    example: ['苏公交认字〔2026〕第0001号'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiPropertyOptional({
    description: "A closed period of the scheme's cycle whose published result is contested (seed 004 苏州: 评价结果每季度发布一次); absent: the current grade",
    example: '2026-Q3',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}(-(H[12]|Q[1-4]|\d{2}|W\d{2}))?$/, { message: 'period must be a period such as 2026-Q3' })
  period?: string;
}

/** POST /api/v1/grade-appeals/{appealId}/decision (ADR 0054). */
export class DecideGradeAppealDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'])
  outcome: string;

  @ApiProperty({ description: 'What the investigation found (for the subject)', example: '经调查核实，该事故企业无责任，不予计入' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Upheld: the records of the contested cycle that shall not count under the scheme; the subject is re-graded by its rules. Rejected: none.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  disregardedRecordIds?: string[];
}
