import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { DomainError } from '@platform/errors';
import { edgeValidationPipe } from './validation';

class Inner {
  @IsOptional()
  @IsString()
  note?: string;

  @IsOptional()
  @IsInt()
  count?: number;
}

class Outer {
  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  inner?: Inner;

  @IsOptional()
  @IsInt()
  version?: number;
}

const refusal = async (body: unknown) => {
  try {
    await edgeValidationPipe().transform(body, { type: 'body', metatype: Outer });
    return undefined;
  } catch (error) {
    return (error as DomainError).violations.map((v) => [v.field, v.code]);
  }
};

describe('edgeValidationPipe strict types', () => {
  it('refuses an array where a nested object is expected', async () => {
    expect(await refusal({ inner: [] })).toEqual([['inner', 'IS_OBJECT']]);
    expect(await refusal({ inner: {} })).toBeUndefined();
  });

  it('refuses integers beyond int32, nested ones included', async () => {
    expect(await refusal({ version: 1e308 })).toEqual([['version', 'IS_INT32']]);
    expect(await refusal({ version: 2 ** 31 })).toEqual([['version', 'IS_INT32']]);
    expect(await refusal({ inner: { count: -(2 ** 31) - 1 } })).toEqual([['inner.count', 'IS_INT32']]);
    expect(await refusal({ version: 2 ** 31 - 1, inner: { count: 3 } })).toBeUndefined();
  });
});
