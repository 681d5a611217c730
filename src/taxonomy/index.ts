// Public surface of the taxonomy: lists, territories and their look-ups.
export * from './lists.js';
export * from './taxonomy.js';
export type { Region, Department } from './territories-types.js';
export { REGIONS, DEPARTMENTS } from './territories.generated.js';
