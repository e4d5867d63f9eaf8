import { CREDIT_LIST_EFFECTS, CREDIT_LIST_TYPES, isCreditListType } from './credit-list';
import { RECORD_TYPE_CODES, isRecordTypeCode } from './record-type';
import { gradeLabelZh } from './grade-ladder';

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

describe('gradeLabelZh', () => {
  it('reads colour codes, risk levels and stars in Chinese and leaves letter grades as written', () => {
    // Seed 002 案例1 “红黄绿码”, 案例4 (焦作), seed 004 案例19 (信用长江 four colours), 案例15 (四川 risk), 交运规〔2022〕2号 stars.
    expect(['green', 'blue', 'yellow', 'red'].map(gradeLabelZh)).toEqual(['绿码', '蓝码', '黄码', '红码']);
    expect(['low', 'medium', 'high'].map(gradeLabelZh)).toEqual(['低风险', '中风险', '高风险']);
    expect(['5', '1', '0'].map(gradeLabelZh)).toEqual(['五星', '一星', '无星']);
    expect(['AA', 'A', 'AAA', 'B+'].map(gradeLabelZh)).toEqual(['AA', 'A', 'AAA', 'B+']);
    expect(gradeLabelZh('toString')).toBe('toString');
  });
});
