import { CREDIT_LIST_EFFECTS, CREDIT_LIST_TYPES, isCreditListType } from './credit-list';
import { RECORD_TYPE_CODES, isRecordTypeCode } from './record-type';

describe('credit list types', () => {
  it('lists the five lists', () => {
    expect(CREDIT_LIST_TYPES).toEqual(['red', 'key-watch', 'severe-dishonesty', 'bad-driver', 'interception-whitelist']);
    expect(Object.keys(CREDIT_LIST_EFFECTS).sort()).toEqual([...CREDIT_LIST_TYPES].sort());
    expect(CREDIT_LIST_EFFECTS['severe-dishonesty']).toBe('punishment');
    expect(CREDIT_LIST_EFFECTS.red).toBe('reward');
    expect(isCreditListType('key-watch')).toBe(true);
    expect(isCreditListType('black')).toBe(false);
  });
});

describe('record type codes', () => {
  it('lists the seventeen collection types without duplicates: eleven of catalogue v1, six of v2 (one ship safety inspection type)', () => {
    expect(RECORD_TYPE_CODES).toEqual([
      'administrative-licence',
      'administrative-penalty',
      'credit-commitment',
      'commitment-fulfilled',
      'commitment-broken',
      'monitoring-violation',
      'confirmed-complaint',
      'commendation',
      'accident',
      'oversize-transport-violation',
      'inter-department-notice',
      'credit-assessment',
      'bid-award',
      'vessel-port-call',
      'lock-passage',
      'ship-safety-inspection',
      'pollutant-delivery',
      'fine-payment',
    ]);
    expect(new Set(RECORD_TYPE_CODES).size).toBe(RECORD_TYPE_CODES.length);
    expect(isRecordTypeCode('administrative-penalty')).toBe(true);
    expect(isRecordTypeCode('penalty')).toBe(false);
    // A detention is a ship-safety-inspection with detained: true, not a type of its own.
    expect(isRecordTypeCode('safety-inspection-detention')).toBe(false);
  });
});
