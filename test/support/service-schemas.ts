// Every service's schema, for the test template database (test/ may import apps; libs may not).
import { collectionDefinition } from '../../apps/collection/src/collection.definition';
import { disclosureDefinition } from '../../apps/disclosure/src/disclosure.definition';
import { evaluationDefinition } from '../../apps/evaluation/src/evaluation.definition';
import { gatewayDefinition } from '../../apps/gateway/src/gateway.definition';
import { jointMeasuresDefinition } from '../../apps/joint-measures/src/joint-measures.definition';
import { permitsDefinition } from '../../apps/permits/src/permits.definition';
import { repairDefinition } from '../../apps/repair/src/repair.definition';

export const SERVICE_DEFINITIONS = [
  gatewayDefinition,
  collectionDefinition,
  evaluationDefinition,
  jointMeasuresDefinition,
  repairDefinition,
  disclosureDefinition,
  permitsDefinition,
];
