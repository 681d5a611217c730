/**
 * Reading import files (JSON or CSV) for the store's `runImport` and `importPractices`: the
 * observatory's fiches and the declarations collected by Départements de France. A separate entry
 * point (`pratiques-inspirantes/import`), so that the CSV parser never reaches a partner page.
 *
 * @packageDocumentation
 */
export * from './read.js';
