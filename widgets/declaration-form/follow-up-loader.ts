// Fetches the follow-up page's code on demand. In the CDN bundle the import() below becomes a relative import of
// its own chunk (dist/cdn/chunks/…), resolved against the main file's address: no eval, no blob:, nothing to configure.
import type * as FollowUpModule from './follow-up-page.js';

type Loader = () => Promise<typeof FollowUpModule>;

const fetchModule: Loader = () => import('./follow-up-page.js');
let loader: Loader = fetchModule;

/**
 * The follow-up page's module. A failure (the network) is not remembered here: the next call asks
 * again, which browsers that no longer cache failed module fetches (whatwg/html#10327) do for real.
 */
export const loadFollowUpPage = (): Promise<typeof FollowUpModule> => loader();

/** Tests only: replace how the module is fetched (a network that fails); no argument restores the real import. */
export function setFollowUpLoader(replacement?: Loader): void {
  loader = replacement ?? fetchModule;
}
