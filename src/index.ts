/**
 * The domain of the *Recueil des pratiques inspirantes*: taxonomy, declaration and fiche schemas,
 * the committee's review machine, search, and the stores. No DOM: it runs in Node and in browsers.
 *
 * @packageDocumentation
 */
export type * from './model.js';
export * from './taxonomy/index.js';
export * from './schema/index.js';
export * from './review/index.js';
export * from './search/index.js';
export * from './store/index.js';
export * from './feed.js';
export * from './export/index.js';
