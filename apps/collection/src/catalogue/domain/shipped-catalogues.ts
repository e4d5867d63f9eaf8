import { CATALOGUE_V1 } from './catalogue-v1';
import { CATALOGUE_V2 } from './catalogue-v2';
import type { CatalogueDocument } from './record-type-definition';

/**
 * Catalogue versions shipped with the code, oldest first. A version is immutable once stored:
 * to change the catalogue, add a version (with its effective date); never edit one.
 */
export const SHIPPED_CATALOGUES: readonly CatalogueDocument[] = [CATALOGUE_V1, CATALOGUE_V2];
