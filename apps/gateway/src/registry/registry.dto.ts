import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SECTORS } from '@domain/credit';
import { PageQueryDto } from '../http/page-query.dto';

// Shape checks at the edge (types, required fields, unknown fields, sector codes). Identifier
// check characters, regions, dates and the business-scope mapping are checked by collection,
// which owns those rules (apps/collection/src/registry/domain). USCCs get 40 characters here, as
// records' subject ids do: collection normalises full-width and spaced spellings first.

const REGION = /^\d{6}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class LicenceDto {
  @ApiProperty({ description: '许可证号 (e.g. 道路运输经营许可证号)', example: '豫交运管许可郑字410100001号' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  number: string;

  @ApiPropertyOptional({ description: 'Sectors the licence covers; added to those its business scope names', enum: SECTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  sectors?: string[];

  @ApiPropertyOptional({
    description: '经营范围 as printed on the licence; mapped to sectors (道路旅客运输 → road-passenger …)',
    example: '道路普通货物运输、大型物件运输',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  businessScope?: string;

  @ApiPropertyOptional({ example: '2024-01-01' })
  @IsOptional()
  @Matches(DATE, { message: 'validFrom must be YYYY-MM-DD' })
  validFrom?: string;

  @ApiPropertyOptional({ example: '2029-12-31' })
  @IsOptional()
  @Matches(DATE, { message: 'validUntil must be YYYY-MM-DD' })
  validUntil?: string;

  @ApiPropertyOptional({ description: '许可机关', example: '郑州市交通运输局' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  authority?: string;
}

export class CreditStatusDto {
  @ApiPropertyOptional({ description: '信用注册', default: false })
  @IsOptional()
  @IsBoolean()
  registered?: boolean;

  @ApiPropertyOptional({ description: '信用承诺', default: false })
  @IsOptional()
  @IsBoolean()
  committed?: boolean;

  @ApiPropertyOptional({ description: '信用自评', default: false })
  @IsOptional()
  @IsBoolean()
  selfAssessed?: boolean;
}

/** PUT /api/v1/registry/enterprises/{uscc}. */
export class PutEnterpriseDto {
  @ApiProperty({ example: '郑州某某运输有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'GB/T 2260 code; default: positions 3–8 of the USCC', example: '410100' })
  @IsOptional()
  @Matches(REGION, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiPropertyOptional({ description: 'Sectors declared directly, besides those of its licences', enum: SECTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  declaredSectors?: string[];

  @ApiPropertyOptional({ type: [LicenceDto], description: 'Omitted: the licences it has are kept (some come from licence records); given: they replace them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LicenceDto)
  licences?: LicenceDto[];

  @ApiPropertyOptional({ description: '成立/取得经营许可日期 (tenure rules count from it)', example: '2015-06-01' })
  @IsOptional()
  @Matches(DATE, { message: 'registeredOn must be YYYY-MM-DD' })
  registeredOn?: string;

  @ApiPropertyOptional({ type: CreditStatusDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreditStatusDto)
  credit?: CreditStatusDto;

  @ApiPropertyOptional({ description: 'false once deregistered (注销)', default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** PUT /api/v1/registry/vehicles/{plate:colour}. */
export class PutVehicleDto {
  @ApiPropertyOptional({ description: 'USCC of the owning carrier', example: '91410100MA44A1B2C3' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  carrierUscc?: string;

  @ApiProperty({ example: '410100' })
  @Matches(REGION, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiProperty({ description: 'tractor, semi-trailer, bus, taxi, tanker…', example: 'tractor' })
  @IsString()
  @MaxLength(40)
  vehicleType: string;

  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  axles?: number;

  @ApiPropertyOptional({ description: '道路运输证号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  transportCertificate?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** PUT /api/v1/registry/drivers/{citizenId}. */
export class PutDriverDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ description: '从业资格证号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  qualificationCertificate?: string;

  @ApiPropertyOptional({ description: '从业资格类别', enum: SECTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  qualificationSectors?: string[];

  @ApiPropertyOptional({ description: "USCC of the driver's employer" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  employerUscc?: string;

  @ApiProperty({ example: '410100' })
  @Matches(REGION, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiPropertyOptional({ description: 'Date the qualification was first held (tenure rules)', example: '2018-03-01' })
  @IsOptional()
  @Matches(DATE, { message: 'qualifiedOn must be YYYY-MM-DD' })
  qualifiedOn?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** PUT /api/v1/registry/vessels/{vesselId}. */
export class PutVesselDto {
  @ApiProperty({ example: '长江之星' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'USCC of the owner or operator' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  ownerUscc?: string;

  @ApiProperty({ example: '420100' })
  @Matches(REGION, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiPropertyOptional({ example: 'bulk-carrier' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  vesselType?: string;

  @ApiPropertyOptional({ description: '总吨', example: 2999 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  grossTonnage?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CarrierSubjectsQueryDto extends PageQueryDto {}
