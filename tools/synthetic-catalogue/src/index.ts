export {
  type CatalogueItem,
  type CatalogueSummary,
  catalogueBundle,
  catalogueItems,
  MAX_BUNDLE_STORIES,
  type SlugCount,
  type TermCount,
} from './catalogue/catalogue.js';
export { type CatalogueOptions, COMMON_TERM, MAX_STORIES, planCatalogue } from './catalogue/catalogue-plan.js';
export { type ContentFile } from './files/content-files.js';
export {
  CATALOGUE_MANIFEST,
  type WriteCatalogueOptions,
  type WrittenCatalogue,
  writeCatalogue,
} from './files/write-catalogue.js';
