import type { PermitApplicationDraft, RouteSegment } from '../../applications/domain/permit-application';

/** What a province on the route needs to decide: vehicle, cargo, dimensions, its own segments, window, class. */
export interface PendingApprovalView {
  applicationId: string;
  originProvince: string;
  province: string;
  state: 'pending';
  carrierUscc: string;
  permitClass: string | null;
  vehicle: PermitApplicationDraft['vehicle'];
  cargo: PermitApplicationDraft['cargo'];
  dimensions: PermitApplicationDraft['dimensions'];
  origin: string;
  destination: string;
  segments: RouteSegment[];
  window: PermitApplicationDraft['window'];
  deadline: string | null;
  overdue: boolean;
  escalatedAt: string | null;
}
