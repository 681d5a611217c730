// Public surface of the schemas: validation, messages, and the text and date rules the form reuses.
export * from './declaration.js';
export * from './fiche.js';
export * from './fiche-authoring.js';
export * from './source.js';
export * from './messages.js';
export * from './text.js';
export * from './dates.js';
export * from './changes.js';
export * from './json-schema.js';
export {
  MIN_YEAR, DEFAULT_MIN_PRACTICE_AGE_MONTHS, OTHER_FIELDS, LOCATION_RULES, locationAsked, type LocationRule,
  type ValidationError, type ValidationResult, type RuleOptions,
} from './fields.js';
