import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { repairV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetRepairRemindersHandler } from '../application/get-repair-reminders.handler';

@Controller()
@repairV1.RepairReminderServiceControllerMethods()
export class RepairRemindersGrpcController implements repairV1.RepairReminderServiceController {
  constructor(private readonly getReminders: GetRepairRemindersHandler) {}

  async getRepairReminders(request: repairV1.GetRepairRemindersRequest, metadata?: Metadata): Promise<repairV1.GetRepairRemindersResponse> {
    const reminders = await this.getReminders.execute(principalFrom(metadata), { subjectId: request.subjectId });
    return { subjectId: request.subjectId, reminders };
  }
}
