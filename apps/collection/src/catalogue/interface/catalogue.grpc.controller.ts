import { Controller } from '@nestjs/common';
import { collectionV1 } from '@contracts';
import { CatalogueStore } from '../application/catalogue-store';

@Controller()
@collectionV1.CatalogueServiceControllerMethods()
export class CatalogueGrpcController implements collectionV1.CatalogueServiceController {
  constructor(private readonly catalogues: CatalogueStore) {}

  listRecordTypes(): collectionV1.ListRecordTypesResponse {
    const { document } = this.catalogues.current();
    return {
      version: document.version,
      effectiveFrom: document.effectiveFrom,
      recordTypes: document.recordTypes.map((t) => ({
        code: t.code,
        nameZh: t.name.zh,
        nameEn: t.name.en,
        category: t.category,
        subjectKinds: [...t.subjectKinds],
        severities: [...t.severities],
        isPublic: t.isPublic,
        publicityJson: t.publicity ? JSON.stringify(t.publicity) : '',
        timelinessWorkingDays: t.timelinessWorkingDays ?? 0,
        submitScopes: [...t.submitScopes],
        payloadSchemaJson: JSON.stringify(t.payloadSchema),
      })),
    };
  }
}
