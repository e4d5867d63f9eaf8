import fc from 'fast-check';
import { PLATE_COLOURS, PLATE_PROVINCES, isPlateColour, isValidPlate, parsePlate, parseVehicleSubjectKey, vehicleSubjectKey, type Plate } from './plate';
import { largeNevPlateArb, ordinaryPlateArb, replaceAt, smallNevPlateArb, suffixedPlateArb } from './arbitraries.fixture';

describe('parsePlate (GA 36-2018)', () => {
  it('lists the 31 mainland provinces', () => {
    expect([...PLATE_PROVINCES]).toHaveLength(31);
    expect(new Set(PLATE_PROVINCES).size).toBe(31);
  });

  it.each([
    ['豫A12345', { province: '豫', authority: 'A', serial: '12345', kind: 'ordinary' }],
    ['京N8P8F8', { province: '京', authority: 'N', serial: '8P8F8', kind: 'ordinary' }],
    ['粤BD12345', { province: '粤', authority: 'B', serial: 'D12345', kind: 'new-energy-small' }],
    ['沪AF0A12', { province: '沪', authority: 'A', serial: 'F0A12', kind: 'ordinary' }],
    ['苏EFA1234', { province: '苏', authority: 'E', serial: 'FA1234', kind: 'new-energy-small' }],
    ['鲁Q12345D', { province: '鲁', authority: 'Q', serial: '12345D', kind: 'new-energy-large' }],
    ['冀F12345F', { province: '冀', authority: 'F', serial: '12345F', kind: 'new-energy-large' }],
    ['豫A1234挂', { province: '豫', authority: 'A', serial: '1234', kind: 'trailer' }],
    ['川A1234学', { province: '川', authority: 'A', serial: '1234', kind: 'coach' }],
  ])('parses %s', (input, expected) => {
    expect(parsePlate(input)).toEqual({ ok: true, value: { plate: input, ...expected } });
  });

  it.each([
    ['豫a12345', '豫A12345'],
    [' 豫 A 1234 5 ', '豫A12345'],
    ['豫A·12345', '豫A12345'],
    ['豫A.12345', '豫A12345'],
    ['豫Ａ．１２３４５', '豫A12345'],
    ['豫A•D12345', '豫AD12345'],
    ['豫\u3000Ａ１２３４挂', '豫A1234挂'],
  ])('normalises %p to %s', (input, plate) => {
    const result = parsePlate(input);
    expect(result.ok && result.value.plate).toBe(plate);
  });

  it.each([
    ['豫A1234', 'LENGTH'],
    ['豫A123456789', 'LENGTH'],
    ['', 'LENGTH'],
    ['港A12345', 'PROVINCE'],
    ['AA12345X', 'PROVINCE'],
    ['豫I12345', 'AUTHORITY'],
    ['豫O12345', 'AUTHORITY'],
    ['豫112345', 'AUTHORITY'],
    ['豫A1234O', 'SERIAL'],
    ['豫A12I45', 'SERIAL'],
    ['豫A1234警', 'SERIAL'],
    ['豫A12345挂', 'SERIAL'],
    ['豫A123456', 'SERIAL'], // six characters but neither new-energy pattern
    ['豫AD1234A', 'SERIAL'], // small new-energy ends in four digits
    ['豫A1234AD', 'SERIAL'], // large new-energy starts with five digits
    ['豫AA12345', 'SERIAL'],
    ['豫A12·345', 'SERIAL'], // a dot is a separator only after the authority letter
    ['豫·A12345', 'AUTHORITY'],
  ])('rejects %p as %s', (input, reason) => {
    const result = parsePlate(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  describe('properties', () => {
    const cases = [
      ['ordinary', ordinaryPlateArb],
      ['new-energy-small', smallNevPlateArb],
      ['new-energy-large', largeNevPlateArb],
    ] as const;

    it.each(cases)('every generated %s plate parses as that kind', (kind, arb) => {
      fc.assert(
        fc.property(arb, (plate) => {
          expect(parsePlate(plate)).toMatchObject({ ok: true, value: { plate, kind } });
        }),
      );
    });

    it('every generated trailer or coach plate parses', () => {
      fc.assert(
        fc.property(suffixedPlateArb, (plate) => {
          const kind = plate.endsWith('挂') ? 'trailer' : 'coach';
          expect(parsePlate(plate)).toMatchObject({ ok: true, value: { plate, kind } });
        }),
      );
    });

    it('reassembles from its parts', () => {
      const anyPlate = fc.oneof(ordinaryPlateArb, smallNevPlateArb, largeNevPlateArb, suffixedPlateArb);
      fc.assert(
        fc.property(anyPlate, (plate) => {
          const parsed = parsePlate(plate);
          if (!parsed.ok) throw new Error(parsed.message);
          const { province, authority, serial } = parsed.value;
          expect(plate.startsWith(province + authority + serial)).toBe(true);
        }),
      );
    });

    it('normalisation is idempotent and ignores case, spacing, width and the separator dot', () => {
      const anyPlate = fc.oneof(ordinaryPlateArb, smallNevPlateArb, largeNevPlateArb, suffixedPlateArb);
      const separator = fc.constantFrom('', '·', '.', ' ');
      fc.assert(
        fc.property(anyPlate, separator, (plate, sep) => {
          const messy = ` ${plate.slice(0, 2).toLowerCase()}${sep}${plate.slice(2).toLowerCase()} `;
          const parsed = parsePlate(messy);
          if (!parsed.ok) throw new Error(parsed.message);
          expect(parsed.value.plate).toBe(plate);
          expect(parsePlate(parsed.value.plate)).toEqual(parsed);
        }),
      );
    });

    it('putting I or O anywhere after the province is rejected', () => {
      const anyPlate = fc.oneof(ordinaryPlateArb, smallNevPlateArb, largeNevPlateArb);
      fc.assert(
        fc.property(anyPlate, fc.integer({ min: 1, max: 6 }), fc.constantFrom('I', 'O'), (plate, i, ch) => {
          expect(isValidPlate(replaceAt(plate, i, ch))).toBe(false);
        }),
      );
    });
  });
});

describe('vehicle subject keys', () => {
  it('lists the six plate colours', () => {
    expect(PLATE_COLOURS).toEqual(['blue', 'yellow', 'green', 'yellow-green', 'white', 'black']);
    expect(isPlateColour('yellow')).toBe(true);
    expect(isPlateColour('red')).toBe(false);
  });

  it('combines plate and colour', () => {
    expect(vehicleSubjectKey('豫A12345' as Plate, 'yellow')).toBe('豫A12345:yellow');
  });

  it('distinguishes the same number in two colours', () => {
    const plate = '豫A12345' as Plate;
    expect(vehicleSubjectKey(plate, 'blue')).not.toBe(vehicleSubjectKey(plate, 'yellow'));
  });

  it('parses a key, normalising the plate', () => {
    expect(parseVehicleSubjectKey('豫a·12345:Yellow')).toEqual({ ok: true, value: '豫A12345:yellow' });
    expect(parseVehicleSubjectKey('豫AD12345:green')).toEqual({ ok: true, value: '豫AD12345:green' });
  });

  it.each([
    ['豫A12345', 'FORMAT'],
    ['豫A12345:red', 'COLOUR'],
    ['豫A12345:', 'COLOUR'],
    ['豫I12345:blue', 'AUTHORITY'],
  ])('rejects %p as %s', (key, reason) => {
    expect(parseVehicleSubjectKey(key)).toMatchObject({ ok: false, reason });
  });

  it('round-trips every generated plate and colour', () => {
    fc.assert(
      fc.property(ordinaryPlateArb, fc.constantFrom(...PLATE_COLOURS), (plate, colour) => {
        const key = vehicleSubjectKey(plate as Plate, colour);
        expect(parseVehicleSubjectKey(key)).toEqual({ ok: true, value: key });
      }),
    );
  });
});
