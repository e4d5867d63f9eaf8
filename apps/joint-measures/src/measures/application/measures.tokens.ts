import { RECORD_TYPE_CODES } from '@domain/credit';
import { parseMeasureCatalogue } from '../domain/measure-config';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from '../domain/shipped-measures';

export const MEASURE_CATALOGUE = Symbol('MEASURE_CATALOGUE');

/** The shipped catalogue and mappings, checked at boot: an inconsistent catalogue stops the service. */
export const measureCatalogueProvider = {
  provide: MEASURE_CATALOGUE,
  useFactory: () => parseMeasureCatalogue({ measures: SHIPPED_MEASURES, mappings: SHIPPED_MAPPINGS }, RECORD_TYPE_CODES),
};
