import { ConfigurationInForce } from '../../configuration/application/configuration-in-force';
import type { MeasureCatalogue } from '../domain/measure-config';

export const MEASURE_CATALOGUE = Symbol('MEASURE_CATALOGUE');

/** Where decisions read the catalogue in force (checked against the known schemes, refreshed on change: ADR 0043). */
export interface MeasureCatalogueSource {
  measureCatalogue(): MeasureCatalogue;
}

export const measureCatalogueProvider = { provide: MEASURE_CATALOGUE, useExisting: ConfigurationInForce };
