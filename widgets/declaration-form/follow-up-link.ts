// The declarant's secret follow-up link: made by the form after sending, read back by the page that follows the practice.

/** Query parameters of the default follow-up link (French, as the address a declarant reads). */
export const PRACTICE_PARAM = 'pratique';
export const TOKEN_PARAM = 'jeton';

/**
 * The declarant's follow-up link. `template` may name `{id}` and `{token}` (each URL-encoded) and
 * may be relative to `page`; without a template, the link is `page` with `pratique` and `jeton`
 * set and its fragment dropped (a fragment belongs to the page that made it, not to the link).
 */
export function followUpLink(id: string, token: string, page: string, template?: string): string {
  if (template) {
    const filled = template.replaceAll('{id}', encodeURIComponent(id)).replaceAll('{token}', encodeURIComponent(token));
    return new URL(filled, page).href;
  }
  const url = new URL(page);
  url.hash = '';
  url.searchParams.set(PRACTICE_PARAM, id);
  url.searchParams.set(TOKEN_PARAM, token);
  return url.href;
}

/** `pratique` and `jeton` of a page address; `undefined` when the address names no practice. */
export function followUpParams(href: string): { practice: string; token: string } | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return undefined;
  }
  const practice = params.get(PRACTICE_PARAM)?.trim();
  // A link cut before its token still names a practice: it must say the link is broken, not show an empty form.
  return practice ? { practice, token: params.get(TOKEN_PARAM)?.trim() ?? '' } : undefined;
}
