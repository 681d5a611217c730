// Which store the demo pages use: the reference server under /api when `npm start` serves it (one
// database for the form, the board and the library), else the page's own in-memory example store.
const API = new URL('../api', import.meta.url).href.replace(/\/$/, '');

/**
 * The API base URL the page should use, or `undefined` for the in-page store. `?endpoint=URL` names
 * another server; `?stockage=memoire` (or `navigateur`) keeps the page on its own store.
 */
export async function demoEndpoint(params = new URLSearchParams(location.search)) {
  if (params.get('endpoint')) return params.get('endpoint');
  if (params.get('stockage')) return undefined;
  try {
    // A static host without the server answers 404 (or an HTML page): the page then runs alone.
    const r = await fetch(`${API}/health`, { headers: { Accept: 'application/json' } });
    return r.ok && (r.headers.get('content-type') ?? '').includes('json') ? API : undefined;
  } catch {
    return undefined;
  }
}
