/**
 * Reading import files (JSON or CSV) for the store's `runImport` and `importPractices`: the
 * observatory's fiches and the declarations collected by Départements de France. Kept out of
 * `src/index.ts`, so that the CSV parser never reaches a partner page (no package subpath yet).
 *
 * @packageDocumentation
 */
export * from './read.js';
