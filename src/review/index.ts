// Public surface of the review: the machine, its events and rules, and the pure functions over snapshots.
export * from './events.js';
export * from './labels.js';
export { reviewMachine, MACHINE_VERSION, type ReviewInput } from './machine.js';
export { checkEvent, DEFAULT_REVIEW_OPTIONS, type ReviewContext, type ReviewOptions, type Refusal } from './rules.js';
export * from './review.js';
export * from './notifications.js';
