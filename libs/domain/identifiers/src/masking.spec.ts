import fc from 'fast-check';
import { maskCitizenId, maskCitizenIdsInText, maskPersonName } from './masking';
import { validCitizenIdArb } from './arbitraries.fixture';

describe('maskCitizenId', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110***********002X');
    expect(maskCitizenId(' 11010519491231002x ')).toBe('110***********002X');
  });

  it('masks short input completely', () => {
    expect(maskCitizenId('1234567')).toBe('*******');
    expect(maskCitizenId('')).toBe('');
  });

  it('never reveals the birth date and keeps the length', () => {
    fc.assert(
      fc.property(validCitizenIdArb, (id) => {
        const masked = maskCitizenId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(3, 14)).toBe('*'.repeat(11));
        expect(masked.slice(0, 3) + masked.slice(14)).toBe(id.slice(0, 3) + id.slice(14));
      }),
    );
  });
});

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李小明', '李**'],
    [' 王五 ', '王*'],
    ['买买提·艾力', '买*****'],
    ['𠈌强', '𠈌*'],
    ['张', '*'],
    ['', ''],
  ])('%p → %p', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it('keeps only the first character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('张', '欧', '阳', '娜', '𠈌'), minLength: 2 }), (name) => {
        const masked = [...maskPersonName(name)];
        expect(masked[0]).toBe([...name][0]);
        expect(masked.slice(1).every((c) => c === '*')).toBe(true);
        expect(masked).toHaveLength([...name].length);
      }),
    );
  });
});

describe('maskCitizenIdsInText', () => {
  it('masks a citizen ID in a path or query, and only one whose GB 11643 check character holds', () => {
    // 11010519491231002X: GB 11643-1999's worked example.
    expect(maskCitizenIdsInText('/api/v1/registry/drivers/11010519491231002X')).toBe('/api/v1/registry/drivers/110***********002X');
    expect(maskCitizenIdsInText('/api/v1/credit-records?subjectId=11010519491231002x&type=a')).toBe(
      '/api/v1/credit-records?subjectId=110***********002X&type=a',
    );
    // Wrong check character: not a citizen ID.
    expect(maskCitizenIdsInText('/x/110105194912310021')).toBe('/x/110105194912310021');
    // A USCC (DOMAIN.md §1 example) and a longer digit run stay as they are.
    expect(maskCitizenIdsInText('/api/v1/registry/enterprises/91350100M000100Y43')).toBe('/api/v1/registry/enterprises/91350100M000100Y43');
    expect(maskCitizenIdsInText('911010519491231002X')).toBe('911010519491231002X');
  });
});
