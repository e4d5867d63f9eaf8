import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MonitoringUnitDto } from './vehicle-positions.dto';

// Shape checks at the edge; values (positive, plausible units, not in the future, a known permit) are
// the permits service's, which names each field.

export class InspectionCheckpointDto {
  @ApiProperty({ example: '郑州南超限检测站' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: 'GB/T 2260 code of where the checkpoint is', example: '410100' })
  @IsString()
  @MaxLength(6)
  region: string;

  @ApiProperty({ enum: ['entry-weighing', 'exit-check', 'roadside'], description: '入口称重 | 出口核查 | 路面查验' })
  @IsString()
  @MaxLength(20)
  kind: string;

  @ApiProperty({ description: 'Degrees WGS-84', example: 113.62 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;

  @ApiProperty({ example: 34.75 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;
}

export class InspectionMeasurementDto {
  @ApiProperty({ description: 'Metres', example: 4.4 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  heightM: number;

  @ApiProperty({ description: 'Metres', example: 3.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  widthM: number;

  @ApiProperty({ description: 'Metres', example: 22 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lengthM: number;

  @ApiProperty({ description: 'Kilograms (weighed)', example: 51000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  grossMassKg: number;

  @ApiProperty({ example: 6 })
  @IsInt()
  axleCount: number;
}

export class CheckpointInspectionDto {
  @ApiPropertyOptional({ description: 'The permit shown; without it, the permit in force of the tractor plate', example: '410000-2026-000001' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  permitNo?: string;

  @ApiProperty({ example: '豫A12345' })
  @IsString()
  @MaxLength(16)
  tractorPlate: string;

  @ApiPropertyOptional({ example: '豫A6789挂' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  trailerPlate?: string;

  @ApiProperty({ type: InspectionMeasurementDto })
  @ValidateNested()
  @Type(() => InspectionMeasurementDto)
  measured: InspectionMeasurementDto;

  @ApiProperty({ type: InspectionCheckpointDto })
  @ValidateNested()
  @Type(() => InspectionCheckpointDto)
  checkpoint: InspectionCheckpointDto;

  @ApiProperty({ description: 'ISO 8601 with offset', example: '2026-12-10T09:30:00+08:00' })
  @IsString()
  @MaxLength(40)
  inspectedAt: string;

  @ApiProperty({ description: 'The inspecting unit: the authority of the violation record of a refusal', type: MonitoringUnitDto })
  @ValidateNested()
  @Type(() => MonitoringUnitDto)
  foundBy: MonitoringUnitDto;
}
