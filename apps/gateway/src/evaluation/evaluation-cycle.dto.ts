import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CloseCycleDto {
  @ApiProperty({ example: 'zhengzhou-taxi-driver-stars' })
  @IsString()
  @MaxLength(64)
  schemeId: string;

  @ApiProperty({ description: 'A period of the scheme’s cycle: 2025, 2025-H2, 2025-Q4, 2025-12, or a date for rolling schemes', example: '2025' })
  @IsString()
  @MaxLength(10)
  period: string;
}
