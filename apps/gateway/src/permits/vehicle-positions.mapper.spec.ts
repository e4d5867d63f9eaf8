import { toIngestPositionsRequest, toVehiclePositionsView } from './vehicle-positions.mapper';

describe('vehicle positions mapper', () => {
  it('sends a GNSS point without source as gnss and without oversize as false', () => {
    const request = toIngestPositionsRequest({
      foundBy: { name: '河南省道路运输车辆动态监控平台', uscc: '12410000MB1234567X' },
      reports: [{ plate: '豫A12345', plateColour: 'yellow', longitude: 113.6, latitude: 34.7, speedKmh: 60, recordedAt: '2026-12-06T08:00:00+08:00' }],
    });
    expect(request.reports[0]).toMatchObject({ source: 'gnss', oversize: false, speedKmh: 60 });
  });

  it('answers with empty lists where the service sent none (proto3 omits empty repeated fields)', () => {
    expect(toVehiclePositionsView({ accepted: 3 } as never)).toEqual({ accepted: 3, flagged: [], reportedEpisodeIds: [] });
  });
});
