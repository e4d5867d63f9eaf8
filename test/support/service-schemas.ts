// Every service's schema, for the test template database (test/ may import apps; libs may not),
// and every service's configuration schema, for the manifests test (test/k8s: the ConfigMaps
// must set what each schema requires).
import { collectionConfigSchema, collectionDefinition } from '../../apps/collection/src/collection.definition';
import { disclosureConfigSchema, disclosureDefinition } from '../../apps/disclosure/src/disclosure.definition';
import { evaluationConfigSchema, evaluationDefinition } from '../../apps/evaluation/src/evaluation.definition';
import { gatewayConfigSchema, gatewayDefinition } from '../../apps/gateway/src/gateway.definition';
import { jointMeasuresConfigSchema, jointMeasuresDefinition } from '../../apps/joint-measures/src/joint-measures.definition';
import { permitsConfigSchema, permitsDefinition } from '../../apps/permits/src/permits.definition';
import { repairConfigSchema, repairDefinition } from '../../apps/repair/src/repair.definition';

export const SERVICE_DEFINITIONS = [
  gatewayDefinition,
  collectionDefinition,
  evaluationDefinition,
  jointMeasuresDefinition,
  repairDefinition,
  disclosureDefinition,
  permitsDefinition,
];

/** Each service's environment schema as it loads it at boot, by app name. */
export const SERVICE_CONFIG_SCHEMAS = {
  gateway: gatewayConfigSchema,
  collection: collectionConfigSchema,
  evaluation: evaluationConfigSchema,
  'joint-measures': jointMeasuresConfigSchema,
  repair: repairConfigSchema,
  disclosure: disclosureConfigSchema,
  permits: permitsConfigSchema,
} as const;
