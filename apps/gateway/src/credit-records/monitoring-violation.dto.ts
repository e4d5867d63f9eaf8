import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ClaimViolationDto {
  @ApiProperty({ description: 'Who at the enterprise claims it', example: '安全管理员 张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  claimant: string;
}

export class DisposeViolationDto {
  @ApiProperty({ description: 'What the enterprise did about it', example: '已对驾驶员进行安全教育并按公司制度处罚' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  disposal: string;
}
