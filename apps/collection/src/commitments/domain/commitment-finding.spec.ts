import { repeatsConfirmation, validateConfirmation, validateDismissal } from './commitment-finding';

describe('commitment findings (issue 16: the accepting unit decides, with its own document)', () => {
  const context = { today: '2026-09-01', dueOn: '2026-08-20' };

  it('takes the unit’s document number and decision date, the severity optional', () => {
    expect(validateConfirmation({ documentNumber: ' 郑交违诺〔2026〕7号 ', decisionDate: '2026-09-01' }, context)).toEqual({
      value: { documentNumber: '郑交违诺〔2026〕7号', decisionDate: '2026-09-01', severity: null },
      violations: [],
    });
    expect(validateConfirmation({ documentNumber: 'A', decisionDate: '2026-08-21', severity: 'Severe' }, context).value?.severity).toBe('severe');
  });

  it('refuses a missing document, a date in the future or not after the last day of the commitment, naming each field', () => {
    const codes = (raw: Parameters<typeof validateConfirmation>[0]) => validateConfirmation(raw, context).violations.map((v) => `${v.field}:${v.code}`);
    expect(codes({ documentNumber: '', decisionDate: '' })).toEqual(['documentNumber:REQUIRED', 'decisionDate:REQUIRED']);
    expect(codes({ documentNumber: 'A', decisionDate: '2026-09-02' })).toEqual(['decisionDate:FUTURE_DATE']);
    // Decided on the last day the commitment could still be fulfilled: too early.
    expect(codes({ documentNumber: 'A', decisionDate: '2026-08-20' })).toEqual(['decisionDate:BEFORE_DUE']);
    expect(codes({ documentNumber: 'A', decisionDate: '2026-02-30' })).toEqual(['decisionDate:INVALID_DATE']);
    expect(codes({ documentNumber: 'A'.repeat(201), decisionDate: '2026-09-01', severity: 'huge' })).toEqual([
      'documentNumber:TOO_LONG',
      'severity:INVALID_SEVERITY',
    ]);
  });

  it('needs a reason to dismiss', () => {
    expect(validateDismissal({ reason: '  ' }).violations.map((v) => v.field)).toEqual(['reason']);
    expect(validateDismissal({ reason: ' 已履约 ' }).value).toEqual({ reason: '已履约' });
  });

  it('treats the same confirmation of a confirmed finding as a retry, any other as a new decision', () => {
    const confirmation = { documentNumber: 'A', decisionDate: '2026-09-01', severity: null };
    expect(repeatsConfirmation({ status: 'confirmed', decisionDocumentNumber: 'A' }, confirmation)).toBe(true);
    expect(repeatsConfirmation({ status: 'confirmed', decisionDocumentNumber: 'B' }, confirmation)).toBe(false);
    expect(repeatsConfirmation({ status: 'pending', decisionDocumentNumber: null }, confirmation)).toBe(false);
  });
});
