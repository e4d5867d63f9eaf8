import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** RFC 6749 §4.4.2 names, hence snake_case (the one exception to camelCase bodies). */
export class TokenRequestDto {
  @IsIn(['client_credentials'], { message: 'grant_type must be client_credentials' })
  grant_type: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  client_id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  client_secret: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  scope?: string;
}
