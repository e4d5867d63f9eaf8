import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ADMINISTERED_CLIENT_KINDS, CLIENT_ID_PATTERN, KNOWN_SCOPES } from '../domain/client-registration';
import { PageQueryDto } from '../../http/page-query.dto';

/** POST /api/v1/admin/clients. The domain checks again (checkNewClient), for the seed file too. */
export class RegisterClientDto {
  @ApiProperty({ description: '3–64 lower-case letters, digits and inner hyphens', example: 'beijing-commuter-bus' })
  @IsString()
  @Matches(CLIENT_ID_PATTERN, { message: 'clientId must be 3 to 64 lower-case letters, digits and inner hyphens' })
  clientId: string;

  @ApiProperty({ example: '北京市交通委员会' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ADMINISTERED_CLIENT_KINDS })
  @IsIn(ADMINISTERED_CLIENT_KINDS)
  kind: string;

  @ApiProperty({ description: "GB/T 2260 code whose subtree bounds the client's reads and writes", example: '110000' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region: string;

  @ApiProperty({ enum: KNOWN_SCOPES, isArray: true, example: ['records:write', 'records:read', 'evaluations:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KNOWN_SCOPES.length)
  @IsIn(KNOWN_SCOPES, { each: true })
  scopes: string[];
}

export class ListClientsQueryDto extends PageQueryDto {}
