import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/*
 * POST /api/v1/permit-applications (issue 18 item 1). The edge checks types only: the permits
 * service checks meaning (ranges, units, route, window) and answers every invalid item at once
 * (一次性告知, 400 PERMIT_APPLICATION.INVALID).
 */

export class PermitVehicleDto {
  @ApiProperty({ example: '豫A12345' })
  @IsString()
  @MaxLength(20)
  tractorPlate: string;

  @ApiPropertyOptional({ example: '豫A6789挂' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  trailerPlate?: string;

  @ApiPropertyOptional({ example: 'yellow', description: 'GA 36 plate colour; absent is yellow (large vehicles, GA 36-2018)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  tractorPlateColour?: string;

  @ApiPropertyOptional({ example: 'yellow', description: 'GA 36 plate colour of the trailer; absent is yellow' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  trailerPlateColour?: string;

  @ApiProperty({ example: 6 })
  @IsInt()
  axleCount: number;

  @ApiProperty({ enum: ['truck', 'combination'] })
  @IsString()
  configuration: string;

  @ApiProperty({ enum: ['single', 'tandem'], description: 'Drive axle of the tractor: a single one lowers the 6+ axle limit to 46 t' })
  @IsString()
  driveAxle: string;

  @ApiProperty({ enum: ['flatbed', 'hydraulic'] })
  @IsString()
  trailerType: string;

  @ApiProperty({
    type: [Number],
    description: 'Kilograms per axle (flatbed) or axle line (hydraulic), front to back',
    example: [6000, 9000, 9000, 9000, 9000, 9000],
  })
  @IsArray()
  @ArrayMaxSize(64)
  @IsNumber({}, { each: true })
  axleLoadsKg: number[];
}

export class PermitCargoDto {
  @ApiProperty({ example: '变压器' })
  @IsString()
  @MaxLength(500)
  description: string;

  @ApiProperty({ description: 'Divisible cargo (可分载) is not accepted' })
  @IsBoolean()
  divisible: boolean;
}

export class PermitDimensionsDto {
  @ApiProperty({ description: 'Metres from the ground', example: 4.4 })
  @IsNumber()
  heightM: number;

  @ApiProperty({ description: 'Metres', example: 3.5 })
  @IsNumber()
  widthM: number;

  @ApiProperty({ description: 'Metres', example: 22 })
  @IsNumber()
  lengthM: number;

  @ApiProperty({ description: 'Kilograms of vehicle and cargo', example: 51000 })
  @IsNumber()
  grossMassKg: number;
}

export class LineStringDto {
  @ApiProperty({ enum: ['LineString'] })
  @IsIn(['LineString'])
  type: 'LineString';

  @ApiProperty({
    description: '[lon, lat] in WGS-84/CGCS2000 degrees',
    example: [
      [113.62, 34.75],
      [114.07, 32.12],
    ],
  })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsArray({ each: true })
  coordinates: number[][];
}

export class RouteSegmentDto {
  @ApiProperty({ description: 'GB/T 2260 province code the segment lies in', example: '410000' })
  @IsString()
  @MaxLength(6)
  province: string;

  @ApiProperty({ type: LineStringDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LineStringDto)
  geometry: LineStringDto;
}

export class PermitRouteDto {
  @ApiProperty({ example: '郑州市' })
  @IsString()
  @MaxLength(200)
  origin: string;

  @ApiProperty({ example: '武汉市' })
  @IsString()
  @MaxLength(200)
  destination: string;

  @ApiProperty({ type: [RouteSegmentDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RouteSegmentDto)
  segments: RouteSegmentDto[];
}

export class PermitWindowDto {
  @ApiProperty({ example: '2026-12-10' })
  @IsString()
  from: string;

  @ApiProperty({ example: '2026-12-12' })
  @IsString()
  to: string;
}

export class PermitAttachmentDto {
  @ApiProperty({ enum: ['outline-drawing', 'escort-plan', 'vehicle-licence', 'photo', 'measurement-video', 'other'] })
  @IsString()
  @MaxLength(40)
  kind: string;

  @ApiProperty({ description: 'SHA-256 of the content, lower-case hex' })
  @IsString()
  @MaxLength(64)
  sha256: string;

  @ApiProperty()
  @IsInt()
  sizeBytes: number;

  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png', 'video/mp4'] })
  @IsString()
  @MaxLength(100)
  mediaType: string;
}

export class SubmitPermitApplicationDto {
  @ApiProperty({ description: "The carrier's unified social credit code (in the subject registry)", example: '91410100MA4000000K' })
  @IsString()
  @MaxLength(18)
  carrierUscc: string;

  @ApiProperty({ type: PermitVehicleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PermitVehicleDto)
  vehicle: PermitVehicleDto;

  @ApiProperty({ type: PermitCargoDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PermitCargoDto)
  cargo: PermitCargoDto;

  @ApiProperty({ type: PermitDimensionsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PermitDimensionsDto)
  dimensions: PermitDimensionsDto;

  @ApiProperty({ type: PermitRouteDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PermitRouteDto)
  route: PermitRouteDto;

  @ApiProperty({ type: PermitWindowDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PermitWindowDto)
  window: PermitWindowDto;

  @ApiProperty({ example: 60 })
  @IsNumber()
  speedKmh: number;

  @ApiProperty({ enum: ['single', 'multi'] })
  @IsString()
  trips: string;

  @ApiPropertyOptional({ description: 'Escort plan (护送方案); class III needs one' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  escortPlan?: string;

  @ApiProperty({ description: 'The carrier commits (信用承诺): the fast lane when joint measures keeps it open' })
  @IsBoolean()
  commitment: boolean;

  @ApiPropertyOptional({ type: [PermitAttachmentDto], description: 'References to stored attachments (hash, size, media type)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PermitAttachmentDto)
  attachments?: PermitAttachmentDto[];
}

/** POST /api/v1/permit-applications/{id}/decision: the accepting authority's decision. */
export class DecidePermitApplicationDto {
  @ApiProperty({ enum: ['issue', 'refuse'] })
  @IsString()
  outcome: string;

  @ApiPropertyOptional({ description: 'Why (required when refusing)', example: '桥梁承载能力不足，无法通行' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** POST /api/v1/permits/{permitNo}/revocation (issue 18 item 9): the issuing authority withdraws a permit. */
export class RevokePermitDto {
  @ApiProperty({ description: 'Why the permit is revoked', example: '申请材料中的车辆行驶证系伪造' })
  @IsString()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'The application gave false materials: the carrier is banned from applying for a year (62号令)', default: false })
  @IsOptional()
  @IsBoolean()
  falseMaterials?: boolean;
}

/** POST /api/v1/permit-applications/{id}/correction (补正, 《行政许可法》第三十二条). */
export class CorrectPermitApplicationDto {
  @ApiPropertyOptional({ type: [PermitAttachmentDto], description: 'Attachments handed in, added to those given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PermitAttachmentDto)
  attachments?: PermitAttachmentDto[];

  @ApiPropertyOptional({ description: 'The escort plan (replaces the one given)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  escortPlan?: string;
}
