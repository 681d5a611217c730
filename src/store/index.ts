// Public surface of the stores: the port, its errors and views, and the three adapters.
export * from './port.js';
export * from './errors.js';
export {
  campaignCounts, createMemoryCampaignRepository, validateCampaign,
  type Campaign, type CampaignCounts, type CampaignInput, type CampaignOrganiser, type CampaignRepository, type Invitation, type InvitationView, type StoredCampaign,
} from './campaigns.js';
export { toPublicPractice, toDeclarantView, isCommittee } from './views.js';
export { linkFiches } from './links.js';
export { createStoreEngine, ENDED_STATES, type Repository, type StoredRecord, type Insertion, type StoreOptions, type EngineStore } from './engine.js';
export { createMemoryStore, createMemoryRepository, type MemoryStoreOptions } from './memory.js';
export { createBrowserStore, createIndexedDbRepository, type BrowserStoreOptions } from './browser.js';
export { createHttpStore, toQueryString, type HttpStoreOptions } from './http.js';
export { buildPublishedPractices, type PublishedDeclarationSeed, type PublishedFicheSeed } from './seed.js';
export { formatReference, newIdempotencyKey } from './ids.js';
