// Which language an element speaks: its own `lang`, else the page's (the closest `[lang]` around it), else French.
import type { ReactiveController, ReactiveElement } from 'lit';
import { resolveLang, type Lang } from '../../src/schema/messages.js';

/**
 * The language of the closest element with a `lang` attribute around `node`, crossing shadow roots up to
 * `<html lang>`; French when there is none or it is not one of the catalogues' (`fr`, `en`, `de`).
 */
export function inheritedLang(node: Node): Lang {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return resolveLang(current.getAttribute('lang'));
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return 'fr';
}

/**
 * Follows the page's language while the element has no `lang` of its own: a site whose language switcher changes
 * `<html lang>` (or a wrapper's `lang`) sees the element follow, as a change of its `lang` property would.
 */
export class LangController implements ReactiveController {
  private observer?: MutationObserver;
  private last?: Lang;

  constructor(private readonly host: ReactiveElement, private readonly own: () => string | undefined) {
    host.addController(this);
  }

  /** The language to speak now. */
  get lang(): Lang {
    const own = this.own();
    return own ? resolveLang(own) : inheritedLang(this.host.parentNode ?? this.host);
  }

  hostConnected(): void {
    this.last = this.lang;
    if (typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver(() => {
      const now = this.lang;
      if (now === this.last) return;
      const before = this.last;
      this.last = now;
      // Reported as a change of `lang`, so what the element recomputes on a language change is recomputed.
      this.host.requestUpdate('lang', before);
    });
    this.observer.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
