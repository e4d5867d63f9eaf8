import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RecogniseGradeDto {
  @ApiProperty({ description: 'The grade as the partner gave it', example: 'B' })
  @IsString()
  @MaxLength(16)
  grade: string;
}

/** PUT /api/v1/admin/grade-recognition-tables/{id}: a new version of the table, in force at once. */
export class PutRecognitionTableDto {
  @ApiProperty({
    description:
      'The table: { id, name { zh, en }, sources [], partner { region, ladder, scheme }, ours { schemeId, ladder }, mappings [{ partnerGrade, ourGrade }], notes? } (see GET for the tables in force)',
  })
  @IsObject()
  document: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Refuse (409 RECOGNITION.VERSION_CONFLICT) unless the latest version is still this one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;
}

export class RecognitionTableVersionParamDto {
  @ApiProperty({ description: 'The table id' })
  @IsString()
  @MaxLength(64)
  id: string;

  @ApiProperty({ description: 'A version number (0: the one in force)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  version: number;
}
