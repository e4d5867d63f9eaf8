import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RecogniseGradeDto {
  @ApiProperty({ description: 'The grade as the partner gave it', example: 'B' })
  @IsString()
  @MaxLength(16)
  grade: string;
}
