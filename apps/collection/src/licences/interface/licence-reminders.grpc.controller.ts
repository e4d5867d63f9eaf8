import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListLicenceRemindersHandler } from '../application/list-licence-reminders.handler';

@Controller()
@collectionV1.LicenceReminderServiceControllerMethods()
export class LicenceRemindersGrpcController implements collectionV1.LicenceReminderServiceController {
  constructor(private readonly listReminders: ListLicenceRemindersHandler) {}

  listLicenceReminders(request: collectionV1.ListLicenceRemindersRequest, metadata?: Metadata): Promise<collectionV1.ListLicenceRemindersResponse> {
    return this.listReminders.execute(principalFrom(metadata), request);
  }
}
