import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

/**
 * At most this many positions per request: ≈ 160 bytes of JSON each keeps a full batch under the
 * 1 MiB single-body limit (API.md). The permits service holds batches to its own POSITION_BATCH_MAX.
 */
export const MAX_POSITIONS_PER_REQUEST = 5_000;

// Shape checks at the edge; plausibility (speed, time, inside China) is route conformance's: such
// points are flagged in the answer, not refused.

export class VehiclePositionDto {
  @ApiProperty({ example: '豫A12345' })
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  plate: string;

  @ApiProperty({ description: 'GA 36 plate colour', example: 'yellow' })
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  plateColour: string;

  @ApiProperty({ description: 'Degrees WGS-84 (JT/T 808: 1e-6 degree units, divided out)', example: 113.6253 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;

  @ApiProperty({ example: 34.7466 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;

  @ApiProperty({ description: 'km/h (JT/T 808: 1/10 km/h units, divided out)', example: 62.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  speedKmh: number;

  @ApiProperty({ description: 'ISO 8601 with offset; JT/T 808 time is Beijing time', example: '2026-12-06T08:00:00+08:00' })
  @IsString()
  @MaxLength(40)
  recordedAt: string;

  @ApiPropertyOptional({ enum: ['gnss', 'gantry'], default: 'gnss' })
  @IsOptional()
  @IsIn(['gnss', 'gantry'])
  source?: 'gnss' | 'gantry';

  @ApiPropertyOptional({ description: 'Gantry passages: measured oversize (超限)' })
  @IsOptional()
  @IsBoolean()
  oversize?: boolean;
}

export class MonitoringUnitDto {
  @ApiProperty({ example: '河南省道路运输车辆动态监控平台' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '12410000MB1234567X' })
  @IsString()
  @MinLength(1)
  @MaxLength(18)
  uscc: string;
}

export class VehiclePositionsDto {
  @ApiProperty({ description: 'The unit running the reporting platform: the authority of any violation found', type: MonitoringUnitDto })
  @ValidateNested()
  @Type(() => MonitoringUnitDto)
  foundBy: MonitoringUnitDto;

  @ApiProperty({ type: [VehiclePositionDto], maxItems: MAX_POSITIONS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POSITIONS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => VehiclePositionDto)
  reports: VehiclePositionDto[];
}
