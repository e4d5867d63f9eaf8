import { SERVICE_CONFIG } from '@platform/service';
import type { PermitsConfig } from '../../permits.definition';
import { JointMeasuresCreditCheck } from '../infrastructure/joint-measures-credit-check';
import { CREDIT_CHECK } from './credit-check.port';

export { CREDIT_CHECK };

/** Joint measures over gRPC in the service; handler tests provide their own CreditCheckPort. */
export const creditCheckProvider = {
  provide: CREDIT_CHECK,
  inject: [SERVICE_CONFIG],
  useFactory: (config: PermitsConfig) => new JointMeasuresCreditCheck(config.JOINT_MEASURES_GRPC_URL, config.PERMITS_CREDIT_CHECK_DEADLINE_MS),
};
