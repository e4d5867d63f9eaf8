import type { PermitApplicationDraft } from './permit-application';

/** A Zhengzhou → Wuhan class II transport through Henan and Hubei (the demo route of issue 18 item 10). */
export function zhengzhouToWuhan(overrides: Partial<PermitApplicationDraft> = {}): PermitApplicationDraft {
  return {
    carrierUscc: '91410100MA4000000K',
    vehicle: {
      tractorPlate: '豫A12345',
      trailerPlate: '豫A6789挂',
      axleCount: 6,
      configuration: 'combination',
      driveAxle: 'tandem',
      trailerType: 'flatbed',
      axleLoadsKg: [6_000, 9_000, 9_000, 9_000, 9_000, 9_000],
    },
    cargo: { description: '变压器', divisible: false },
    dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51_000 },
    route: {
      origin: '郑州市',
      destination: '武汉市',
      segments: [
        {
          province: '410000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.62, 34.75],
              [114.07, 32.12],
            ],
          },
        },
        {
          province: '420000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [114.07, 32.12],
              [114.3, 30.59],
            ],
          },
        },
      ],
    },
    window: { from: '2026-12-10', to: '2026-12-12' },
    speedKmh: 60,
    trips: 'single',
    commitment: true,
    attachments: [],
    ...overrides,
  };
}
