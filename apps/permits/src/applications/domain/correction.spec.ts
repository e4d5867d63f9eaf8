import { assessCorrection, correctedDraft } from './correction';
import { zhengzhouToWuhan } from './permit-application.fixture';

// Zhengzhou → Wuhan at 4.8 m high: class III (> 4.5 m, 62号令 第十八条), cross-province: 20 working days.
const classIII = () => zhengzhouToWuhan({ dimensions: { heightM: 4.8, widthM: 3.5, lengthM: 22, grossMassKg: 51_000 } });
const outline = { kind: 'outline-drawing', sha256: 'a'.repeat(64), sizeBytes: 120_000, mediaType: 'application/pdf' };

describe('correcting a deficient application (《行政许可法》第三十二条)', () => {
  it('adds the attachments handed in and takes the escort plan', () => {
    const corrected = correctedDraft(classIII(), { attachments: [outline], escortPlan: '前后各一辆护送车' });
    expect(corrected.attachments).toEqual([outline]);
    expect(corrected.escortPlan).toBe('前后各一辆护送车');
    expect(correctedDraft(corrected, { attachments: [] }).escortPlan).toBe('前后各一辆护送车');
  });

  it('complete: accepted on the day of the correction, and the 20 working days run from then, not from the first receipt', () => {
    // Received Monday 1 Dec 2025, completed Monday 8 Dec 2025. From 8 Dec (the day not counted): 9–12 Dec (4),
    // 15–19 (9), 22–26 (14), 29–31 (17); 1–3 Jan 2026 are the New Year holiday and Sunday 4 Jan a make-up
    // working day (the State Council's arrangement for 2026, in the calendar package): 4 Jan (18), 5 Jan (19), 6 Jan (20).
    const outcome = assessCorrection(correctedDraft(classIII(), { attachments: [outline], escortPlan: '前后各一辆护送车' }), 'III', 20, '2025-12-08');
    expect(outcome).toMatchObject({ status: 'accepted', acceptedOn: '2025-12-08', deadline: { date: '2026-01-06', provisional: false } });
  });

  it('still incomplete: one new notice listing what is still missing, no deadline', () => {
    const outcome = assessCorrection(correctedDraft(classIII(), { attachments: [outline] }), 'III', 20, '2025-12-08');
    expect(outcome).toEqual({ status: 'deficient', deficiencies: [{ field: 'escortPlan', reason: '三类大件运输须提交车货外廓尺寸图和护送方案' }] });
  });
});
