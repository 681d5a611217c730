// <pi-practice-library>: search, facets, results and fiches of the published practices, over any store or a JSON feed.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicPractice } from '../../src/model.js';
import { formatDateFr } from '../../src/schema/dates.js';
import { fieldLabel, type Lang } from '../../src/schema/messages.js';
import { highlight, tokenize, type SearchIndex, type SearchQuery, type SearchResult, type SearchSort } from '../../src/search/search.js';
import { getDepartment, getRegion, labelOf, taxonomy, type ListName } from '../../src/taxonomy/taxonomy.js';
import { OTHER } from '../../src/taxonomy/lists.js';
import { exportFileName, practicesToCsv, practicesToJson } from '../../src/export/csv.js';
import { createHttpStore } from '../../src/store/http.js';
import type { PracticeStore } from '../../src/store/port.js';
import { PracticeOpenEvent } from '../events.js';
import { styles } from './practice-library.styles.js';
import { LangController } from '../shared/lang.js';
import { loadFeed } from './feed-loader.js';
import { MAP_STRINGS, renderMap } from './france-map.js';
import { LIBRARY_STRINGS, type LibraryStrings } from './strings.js';

/** Facet lists a reader can filter on, in the order they are shown. */
const LISTS = ['themes', 'audiences', 'interventionTypes', 'scales', 'relays', 'levels', 'regions', 'departments', 'campaigns'] as const;
type FacetList = (typeof LISTS)[number];
/** The lists whose codes are taxonomy codes (campaigns are named by the search result). */
type TaxonomyList = Exclude<FacetList, 'campaigns'>;
const collator = new Intl.Collator('fr', { sensitivity: 'base' });
const SORTS: readonly SearchSort[] = ['relevance', 'recent', 'implementationDate', 'title'];
const EXPORT_PAGE = 100;
const TYPING_DELAY_MS = 150;

/** Where the practices come from: a store (or the server behind `endpoint`), or a JSON feed (`src`). */
interface Source {
  search(query: SearchQuery): Promise<SearchResult>;
  get(id: string): Promise<PublicPractice | undefined>;
}

interface LibraryState {
  text: string;
  filters: Record<FacetList, string[]>;
  years: number[];
  featured: boolean;
  sort: SearchSort;
  page: number;
  fiche?: string;
}

const emptyFilters = (): Record<FacetList, string[]> => Object.fromEntries(LISTS.map((l) => [l, []])) as unknown as Record<FacetList, string[]>;
const splitCodes = (v: string | null | undefined) => (v ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/**
 * The public library: search as you type, facets whose counts follow the query, results with the
 * matched words marked, the fiche of each practice, a shareable URL, and CSV / JSON export.
 *
 * @summary Search and read the published practices and ONPE fiches.
 * @tagname pi-practice-library
 * @fires pi-practice-open - `PracticeOpenEvent`: a fiche is opened (`detail.practice`).
 * @csspart search - The search field's box.
 * @csspart facets - The filters column.
 * @csspart results - The list of results.
 * @csspart card - One result.
 * @csspart fiche - The open fiche.
 * @csspart motivation - Why the committee features a practice (its FEATURE motivation).
 * @csspart links - In a fiche, the links to the declared practice it was written from, or to the fiches written from a practice.
 * @csspart button - Every button.
 * @cssprop --pi-font-family - Font (the system's sans-serif).
 * @cssprop --pi-text - Text colour (#161616).
 * @cssprop --pi-text-muted - Secondary text (#3a3a3a).
 * @cssprop --pi-background - Background (#ffffff).
 * @cssprop --pi-background-alt - Cards and chips (#f6f6f6).
 * @cssprop --pi-border - Borders (#929292).
 * @cssprop --pi-primary - Links, buttons, focus of selection (#000091).
 * @cssprop --pi-highlight - Background of matched words (#fceeac).
 * @cssprop --pi-focus - Focus ring (#0a76f6).
 */
export class PiPracticeLibrary extends LitElement {
  static override styles = styles;

  /** A store of the domain; the library reads its public `search` and `get`. */
  @property({ attribute: false }) store?: PracticeStore;
  /** Base URL of the reference server (used when no `store` is set). */
  @property() endpoint?: string;
  /** URL of a JSON feed (`pratiques-inspirantes/1`), searched in the browser. */
  @property() src?: string;
  /**
   * Language: `fr`, `en` or `de`. Without it, the page's: the closest `lang` attribute around the element
   * (`<html lang="en">`), followed when it changes; French when that is none of the three.
   */
  @property() override lang = '';
  private readonly langController = new LangController(this, () => this.lang);
  /** Results per page (1 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Keep the query, filters, sort, page and open fiche in the page's URL (back button, shared links). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Preset filter on themes: codes separated by spaces or commas (`themes="violences-conjugales sante-mentale"`). */
  @property() themes?: string;
  /** Preset filter on audiences: codes separated by spaces or commas (`audiences="adolescents"`). */
  @property() audiences?: string;
  /** Preset filter on intervention types: codes separated by spaces or commas. */
  @property({ attribute: 'intervention-types' }) interventionTypes?: string;
  /** Preset filter on scales (`nationale`, `regionale`, `departementale`, `locale`). */
  @property() scales?: string;
  /** Preset filter on the relay (`association`, `departement`, `autre`). */
  @property() relays?: string;
  /** Preset filter on levels: `declared` (declared practices), `onpe` (ONPE fiches). */
  @property() levels?: string;
  /** Preset filter on régions, by INSEE code (`regions="32"`); a région also matches the practices of its départements. */
  @property() regions?: string;
  /** Preset filter on départements, by INSEE code (`departments="59 62"`): the library pre-filtered on your territory. */
  @property() departments?: string;
  /** Preset filter on collection campaigns, by campaign id (`campaigns="c_…"`): the practices received through a campaign (docs/campaigns.md). */
  @property() campaigns?: string;
  /** `valorisees`: the committee's featured practices only, each card with the committee's motivation. */
  @property({ attribute: 'view' }) collection?: string;

  @state() private view: LibraryState = { text: '', filters: emptyFilters(), years: [], featured: false, sort: 'relevance', page: 1 };
  @state() private result?: SearchResult;
  /** The published practices the open one links to (its fiches, or the practice a fiche was written from). */
  @state() private linked: PublicPractice[] = [];
  /** The open fiche, `null` when that id is not published. */
  @state() private fiche?: { id: string; practice: PublicPractice | null };
  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  /** `result` is a first page from a feed still arriving: no counts, facets or map yet. */
  @state() private partial = false;
  @state() private mapFocus = '75';
  private focusMap = false;
  /** Where the keyboard focus goes once rendered: the fiche's title, or back to a card's link. */
  private focusNext?: { fiche: true } | { card: string };
  private source?: Source;
  private loading?: Promise<Source>;
  private abort?: AbortController;
  private sourceKey = '';
  private ticket = 0;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private readonly onPopState = () => {
    const before = this.view.fiche;
    this.view = this.readUrl();
    // The back and forward buttons open or close a fiche: the focus, if it was in here, follows.
    if (before !== this.view.fiche && this.shadowRoot?.activeElement) this.focusNext = this.view.fiche ? { fiche: true } : { card: before ?? '' };
    void this.refresh(false);
  };

  private get t(): LibraryStrings {
    return LIBRARY_STRINGS[this.language];
  }

  private get highlights(): boolean {
    return this.collection === 'valorisees';
  }

  private get language(): Lang {
    return this.langController.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const presets = emptyFilters();
    for (const list of LISTS) presets[list] = splitCodes(this[list]);
    this.view = { ...this.view, filters: presets, ...(this.highlights ? { featured: true } : {}) };
    if (this.syncUrl) {
      this.view = this.readUrl(this.view);
      globalThis.addEventListener('popstate', this.onPopState);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('popstate', this.onPopState);
    // A feed still arriving is dropped; connecting again starts it over.
    if (this.loading && !this.source) {
      this.abort?.abort();
      this.loading = undefined;
      this.sourceKey = '';
    }
  }

  protected override updated(): void {
    if (this.focusMap) {
      this.focusMap = false;
      this.renderRoot.querySelector<SVGElement>(`.dep[data-code="${this.mapFocus}"]`)?.focus();
    }
    const next = this.focusNext;
    if (!next) return;
    // The fiche's heading once it is shown; on the way back, the link that opened it (or the first one).
    const target = 'fiche' in next
      ? this.renderRoot.querySelector<HTMLElement>('#fiche-title') ?? this.renderRoot.querySelector<HTMLElement>('.fiche button')
      : [...this.renderRoot.querySelectorAll<HTMLElement>('.card h3 a')].find((a) => a.dataset.id === next.card)
        ?? this.renderRoot.querySelector<HTMLElement>('.card h3 a') ?? this.renderRoot.querySelector<HTMLElement>('#q');
    if (!target || ('fiche' in next && !this.fiche)) return;
    this.focusNext = undefined;
    target.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.src ?? ''}|${this.endpoint ?? ''}`;
    if (changed.has('store') || key !== this.sourceKey) {
      this.sourceKey = key;
      this.source = undefined;
      this.abort?.abort();
      this.loading = undefined;
      void this.refresh(false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Data
  // ---------------------------------------------------------------------------------------------

  private async openSource(): Promise<Source> {
    if (this.source) return this.source;
    if (this.store || this.endpoint) {
      const store = this.store ?? createHttpStore(this.endpoint!);
      this.source = { search: (q) => store.search(q), get: async (id) => (await store.get(id)) as PublicPractice | undefined };
      return this.source;
    }
    if (!this.src) throw new Error('no source');
    // Every refresh while the feed arrives waits for the same load.
    this.loading ??= this.loadSrc(this.src);
    return this.loading;
  }

  private async loadSrc(src: string): Promise<Source> {
    const controller = new AbortController();
    this.abort = controller;
    const current = () => this.abort === controller && !controller.signal.aborted;
    try {
      const index = await loadFeed(src, { signal: controller.signal, early: (partial) => current() && this.showEarly(partial) });
      if (!current()) throw new Error('superseded');
      // The facet arrays are built while the feed arrives, the text index when the page is idle (or on the first text query).
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
      idle(() => index.prepareText());
      this.source = { search: async (q) => index.search(q), get: async (id) => index.get(id) };
      return this.source;
    } catch (error) {
      if (current()) {
        this.loading = undefined; // "Réessayer" fetches again
        if (this.partial) {
          this.result = undefined;
          this.partial = false;
        }
      }
      throw error;
    }
  }

  /**
   * Shows the first page from the practices received so far, when that page cannot change as the
   * rest arrives in the library's default order: no text, the default sort, a full page, no fiche.
   * Once the whole feed is in, the next search replaces it (and corrects it if the feed was not in
   * that order after all).
   */
  private showEarly(index: SearchIndex): boolean {
    const view = this.view;
    if (view.fiche || view.sort !== 'relevance' || tokenize(view.text).length) return false;
    const query = this.query();
    const result = index.search(query);
    if (result.items.length < query.limit!) return false;
    this.result = result;
    this.partial = true;
    return true;
  }

  private query(view = this.view): SearchQuery {
    const size = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20));
    const q: SearchQuery = { text: view.text, sort: view.sort, offset: (view.page - 1) * size, limit: size, years: view.years, featured: view.featured };
    for (const list of LISTS) (q as Record<string, unknown>)[list] = view.filters[list];
    return q;
  }

  private async refresh(pushUrl: boolean): Promise<void> {
    const ticket = ++this.ticket;
    try {
      if (!this.source) this.status = 'loading';
      const source = await this.openSource();
      const [result, fiche] = await Promise.all([
        source.search(this.query()),
        this.view.fiche ? source.get(this.view.fiche).then((p) => p ?? null) : Promise.resolve(undefined),
      ]);
      // Both ways: a fiche names the practice it was written from, a practice the fiches written from it.
      const linkIds = fiche ? [...(fiche.basedOn ?? []), ...(fiche.fiches ?? [])] : [];
      const linked = (await Promise.all(linkIds.map((id) => source.get(id).catch(() => undefined)))).filter((p): p is PublicPractice => !!p);
      // A newer keystroke or click already asked: its answer wins.
      if (ticket !== this.ticket) return;
      this.linked = linked;
      this.result = result;
      this.partial = false;
      this.fiche = this.view.fiche && fiche !== undefined ? { id: this.view.fiche, practice: fiche } : undefined;
      this.status = 'ready';
      if (fiche) this.dispatchEvent(new PracticeOpenEvent(fiche));
      if (this.syncUrl) this.writeUrl(pushUrl);
    } catch {
      if (ticket === this.ticket) this.status = 'error';
    }
  }

  private change(patch: Partial<LibraryState>, options: { push?: boolean; resetPage?: boolean } = {}) {
    this.view = { ...this.view, ...patch, ...(options.resetPage === false ? {} : { page: patch.page ?? 1 }) };
    void this.refresh(options.push ?? true);
  }

  private toggle(list: FacetList, code: string, on: boolean) {
    const current = this.view.filters[list];
    const next = on ? [...current.filter((c) => c !== code), code] : current.filter((c) => c !== code);
    this.change({ filters: { ...this.view.filters, [list]: next } });
  }

  private toggleYear(year: number, on: boolean) {
    this.change({ years: on ? [...this.view.years.filter((y) => y !== year), year] : this.view.years.filter((y) => y !== year) });
  }

  // ---------------------------------------------------------------------------------------------
  // URL
  // ---------------------------------------------------------------------------------------------

  private readUrl(base: LibraryState = { text: '', filters: emptyFilters(), years: [], featured: false, sort: 'relevance', page: 1 }): LibraryState {
    const params = new URLSearchParams(globalThis.location?.search ?? '');
    if (![...params.keys()].some((k) => k === 'q' || k === 'fiche' || k === 'tri' || k === 'page' || k === 'valorisees' || k === 'annees' || LISTS.includes(k as FacetList))) return base;
    const filters = emptyFilters();
    for (const list of LISTS) filters[list] = splitCodes(params.get(list));
    const sort = params.get('tri') as SearchSort;
    return {
      text: params.get('q') ?? '',
      filters,
      years: splitCodes(params.get('annees')).map(Number).filter(Number.isInteger),
      featured: params.get('valorisees') === '1',
      sort: SORTS.includes(sort) ? sort : 'relevance',
      page: Math.max(1, Number(params.get('page')) || 1),
      ...(params.get('fiche') ? { fiche: params.get('fiche')! } : {}),
    };
  }

  private urlFor(view: LibraryState): string {
    const url = new URL(globalThis.location.href);
    for (const key of ['q', 'tri', 'page', 'fiche', 'valorisees', 'annees', ...LISTS]) url.searchParams.delete(key);
    if (view.text) url.searchParams.set('q', view.text);
    for (const list of LISTS) if (view.filters[list].length) url.searchParams.set(list, view.filters[list].join(','));
    if (view.years.length) url.searchParams.set('annees', view.years.join(','));
    if (view.featured) url.searchParams.set('valorisees', '1');
    if (view.sort !== 'relevance') url.searchParams.set('tri', view.sort);
    if (view.page > 1) url.searchParams.set('page', String(view.page));
    if (view.fiche) url.searchParams.set('fiche', view.fiche);
    return url.toString();
  }

  private writeUrl(push: boolean) {
    const url = this.urlFor(this.view);
    if (url === globalThis.location.href) return;
    // Typing replaces the entry; a click is a step the back button returns to.
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // ---------------------------------------------------------------------------------------------
  // Export
  // ---------------------------------------------------------------------------------------------

  /** Every result of the current query, all pages, as the chosen format's text. */
  async exportResults(kind: 'csv' | 'json'): Promise<{ name: string; text: string; type: string }> {
    const source = await this.openSource();
    const items: PublicPractice[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = await source.search({ ...this.query(), offset, limit: EXPORT_PAGE });
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    return kind === 'csv'
      ? { name: exportFileName('csv'), text: practicesToCsv(items, { lang: this.language }), type: 'text/csv;charset=utf-8' }
      : { name: exportFileName('json'), text: practicesToJson(items), type: 'application/json' };
  }

  private async download(kind: 'csv' | 'json') {
    const { name, text, type } = await this.exportResults(kind);
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  override render() {
    const t = this.t;
    if (this.status === 'loading' && !this.result) return html`<p class="status" role="status">${t.loading}</p>`;
    if (this.status === 'error' && (!this.result || this.partial)) {
      return html`<div class="alert" role="alert"><p>${t.loadError}</p><button type="button" part="button" @click=${() => void this.refresh(false)}>${t.retry}</button></div>`;
    }
    return html`<div class="library" lang=${this.language}>
      ${this.fiche && this.fiche.id === this.view.fiche ? this.renderFiche(this.fiche.practice) : this.renderSearch()}
    </div>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.t;
    const r = this.result!;
    const size = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20));
    const pages = Math.max(1, Math.ceil(r.total / size));
    // A first page while the feed arrives: its total and counts are those of a part of the feed, so none is shown.
    const partial = this.partial;
    return html`
      ${this.highlights ? html`<h2 class="highlights-title">${t.highlightsTitle}</h2>` : nothing}
      <div class="search" part="search" role="search">
        <label for="q">${t.searchLabel}<span class="hint">${t.searchHint}</span></label>
        <input id="q" type="search" autocomplete="off" .value=${this.view.text}
          @input=${(e: Event) => {
            const text = (e.target as HTMLInputElement).value;
            this.view = { ...this.view, text, page: 1 };
            clearTimeout(this.typingTimer);
            this.typingTimer = setTimeout(() => void this.refresh(false), TYPING_DELAY_MS);
          }}>
      </div>
      <div class="layout">
        <section class="facets" part="facets" aria-labelledby="facets-title">
          <h2 id="facets-title">${t.filters}</h2>
          ${partial ? html`<p class="hint">${t.filtersLater}</p>` : html`<div class="choice"><input type="checkbox" id="featured" .checked=${this.view.featured} @change=${(e: Event) => this.change({ featured: (e.target as HTMLInputElement).checked })}>
            <label for="featured">${t.featuredOnly} (${r.facets.featured?.['true'] ?? 0})</label></div>
          ${LISTS.map((list) => this.renderFacet(list))}
          ${this.renderYears()}`}
        </section>
        <section class="results" aria-labelledby="results-title" aria-busy=${partial ? 'true' : 'false'}>
          <h2 id="results-title" class="visually-hidden">${partial ? t.firstResults : t.results(r.total)}</h2>
          ${this.renderChips()}
          ${partial ? nothing : renderMap({
            counts: r.facets.departments ?? {},
            selected: this.view.filters.departments,
            focus: this.mapFocus,
            strings: MAP_STRINGS[this.language],
            toggle: (code) => this.toggle('departments', code, !this.view.filters.departments.includes(code)),
            move: (code) => { this.mapFocus = code; this.focusMap = true; },
          })}
          <div class="toolbar">
            <p class="count" role="status">${partial ? t.firstResults : r.total === 0 ? t.noResults : t.results(r.total)}</p>
            <label for="sort">${t.sortLabel}</label>
            <select id="sort" @change=${(e: Event) => this.change({ sort: (e.target as HTMLSelectElement).value as SearchSort })}>
              ${SORTS.map((s) => html`<option value=${s} ?selected=${this.view.sort === s}>${t.sorts[s]}</option>`)}
            </select>
          </div>
          <ol class="cards" part="results">${r.items.map((p) => this.renderCard(p, r.matches[p.id] ?? []))}</ol>
          ${pages > 1 && !partial ? html`<nav class="pager" aria-label=${t.page(this.view.page, pages)}>
            <button type="button" part="button" ?disabled=${this.view.page <= 1} @click=${() => this.change({ page: this.view.page - 1 }, { resetPage: false })}>${t.previousPage}</button>
            <span>${t.page(this.view.page, pages)}</span>
            <button type="button" part="button" ?disabled=${this.view.page >= pages} @click=${() => this.change({ page: this.view.page + 1 }, { resetPage: false })}>${t.nextPage}</button>
          </nav>` : nothing}
          ${partial ? nothing : html`<div class="exports">
            <button type="button" part="button" @click=${() => void this.download('csv')}>${t.exportCsv}</button>
            <button type="button" part="button" @click=${() => void this.download('json')}>${t.exportJson}</button>
          </div>`}
        </section>
      </div>`;
  }

  /** A campaign's name as the search result gives it, else its id. */
  private campaignName(id: string): string {
    return this.result?.labels?.campaigns?.[id] ?? id;
  }

  /** The terms of a list: the taxonomy's, or for campaigns the ids the result counts, by name. */
  private termsOf(list: FacetList, counts: Record<string, number>): readonly { code: string; label: string }[] {
    if (list === 'campaigns') {
      return Object.keys(counts).map((code) => ({ code, label: this.campaignName(code) })).sort((a, b) => collator.compare(a.label, b.label) || (a.code < b.code ? -1 : 1));
    }
    return taxonomy[list as ListName | 'regions' | 'departments'] as readonly { code: string; label: string }[];
  }

  private renderFacet(list: FacetList) {
    const counts = this.result!.facets[list] ?? {};
    const selected = this.view.filters[list];
    // Campaigns: shown only when some practice of the results (the other filters applied) came through one, or one is chosen.
    const terms = this.termsOf(list, counts)
      .filter((term) => (counts[term.code] ?? 0) > 0 || selected.includes(term.code));
    if (!terms.length) return nothing;
    const label = (code: string, l: string) => (list === 'departments' ? `${code} — ${l}` : l);
    // Collapsed unless in use, so that on a phone the results are not pushed below 150 checkboxes.
    return html`<details class="facet" ?open=${selected.length > 0}>
      <summary>${this.t.facetTitles[list]}${selected.length ? ` (${selected.length})` : ''}</summary>
      <fieldset>
      <legend class="visually-hidden">${this.t.facetTitles[list]}</legend>
      <div class=${list === 'departments' ? 'scroll' : ''}>
        ${terms.map((term) => {
          const id = `facet-${list}-${term.code}`;
          return html`<div class="choice"><input type="checkbox" id=${id} .checked=${selected.includes(term.code)}
            @change=${(e: Event) => this.toggle(list, term.code, (e.target as HTMLInputElement).checked)}>
            <label for=${id}>${label(term.code, term.label)} (${counts[term.code] ?? 0})</label></div>`;
        })}
      </div>
      </fieldset>
    </details>`;
  }

  private renderYears() {
    const counts = this.result!.facets.years ?? {};
    const years = [...new Set([...Object.keys(counts).map(Number), ...this.view.years])].sort((a, b) => b - a);
    if (!years.length) return nothing;
    return html`<details class="facet" ?open=${this.view.years.length > 0}>
      <summary>${this.t.facetTitles.years}${this.view.years.length ? ` (${this.view.years.length})` : ''}</summary>
      <fieldset><legend class="visually-hidden">${this.t.facetTitles.years}</legend><div class="scroll">
      ${years.map((y) => html`<div class="choice"><input type="checkbox" id="facet-years-${y}" .checked=${this.view.years.includes(y)}
        @change=${(e: Event) => this.toggleYear(y, (e.target as HTMLInputElement).checked)}><label for="facet-years-${y}">${y} (${counts[String(y)] ?? 0})</label></div>`)}
    </div></fieldset></details>`;
  }

  private renderChips() {
    const t = this.t;
    const chips: { label: string; remove: () => void }[] = [];
    for (const list of LISTS) {
      for (const code of this.view.filters[list]) {
        const label = list === 'campaigns' ? this.campaignName(code) : labelOf(list as TaxonomyList, code);
        chips.push({ label: list === 'departments' ? `${code} — ${label}` : label, remove: () => this.toggle(list, code, false) });
      }
    }
    for (const y of this.view.years) chips.push({ label: String(y), remove: () => this.toggleYear(y, false) });
    if (this.view.featured) chips.push({ label: t.featuredOnly, remove: () => this.change({ featured: false }) });
    if (!chips.length) return nothing;
    return html`<div class="chips" role="group" aria-label=${t.activeFilters}>
      ${chips.map((c) => html`<button type="button" class="chip" part="button" aria-label=${t.removeFilter(c.label)} @click=${c.remove}>${c.label} <span aria-hidden="true">×</span></button>`)}
      <button type="button" class="link" part="button" @click=${() => this.change({ filters: emptyFilters(), years: [], featured: false, text: '' })}>${t.clearAll}</button>
    </div>`;
  }

  private territory(p: PublicPractice): string {
    const loc = (p.declaration ?? p.fiche)!.location;
    if (loc.departments.length) return loc.departments.map((c) => getDepartment(c)?.label ?? c).join(', ') + (loc.locality ? ` — ${loc.locality}` : '');
    if (loc.regions.length) return loc.regions.map((c) => getRegion(c)?.label ?? c).join(', ');
    return this.t.nationwide;
  }

  private marked(text: string, terms: readonly string[]) {
    return highlight(text, terms).map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text));
  }

  private open(event: Event, id: string) {
    event.preventDefault();
    this.focusNext = { fiche: true };
    this.change({ fiche: id }, { resetPage: false });
  }

  private closeFiche() {
    this.focusNext = { card: this.view.fiche ?? '' };
    this.fiche = undefined;
    this.change({ fiche: undefined }, { resetPage: false });
  }

  private renderCard(p: PublicPractice, terms: readonly string[]) {
    const t = this.t;
    const body = (p.declaration ?? p.fiche)!;
    const excerpt = p.declaration?.description ?? p.fiche?.summary ?? '';
    const short = excerpt.length > 280 ? `${excerpt.slice(0, 277)}…` : excerpt;
    const href = this.syncUrl ? this.urlFor({ ...this.view, fiche: p.id }) : `#${p.id}`;
    return html`<li><article class="card" part="card">
      <h3><a href=${href} data-id=${p.id} @click=${(e: Event) => this.open(e, p.id)}>${this.marked(body.title, terms)}</a></h3>
      <p class="meta">${p.level === 'onpe' ? t.onpe : t.declared} · ${this.marked(body.entityName, terms)} · ${labelOf('scales', body.scale)} · ${this.territory(p)}</p>
      ${p.featured ? html`<p class="featured">★ ${t.featured}</p>` : nothing}
      ${this.highlights && p.highlight ? html`<p class="motivation" part="motivation"><strong>${t.motivation}</strong> : ${p.highlight.motivation}</p>` : nothing}
      <p class="excerpt">${this.marked(short, terms)}</p>
      <p class="tags">${body.themes.map((c) => html`<span class="tag">${labelOf('themes', c)}</span>`)}</p>
    </article></li>`;
  }

  /** The other side of a fiche ↔ practice link, as links that open it here. */
  private renderLinks(p: PublicPractice) {
    const ids = p.level === 'onpe' ? (p.basedOn ?? []) : (p.fiches ?? []);
    const items = this.linked.filter((x) => ids.includes(x.id));
    if (!items.length) return nothing;
    const label = p.level === 'onpe' ? this.t.basedOn : this.t.fichesOf;
    return html`<nav class="links" part="links" aria-label=${label}><p>${label} :</p><ul>${items.map((x) => {
      const href = this.syncUrl ? this.urlFor({ ...this.view, fiche: x.id }) : `#${x.id}`;
      return html`<li><a href=${href} data-link=${x.id} @click=${(e: Event) => this.open(e, x.id)}>${(x.declaration ?? x.fiche)!.title}</a></li>`;
    })}</ul></nav>`;
  }

  private renderFiche(p: PublicPractice | null): TemplateResult {
    const t = this.t;
    const back = html`<button type="button" part="button" @click=${() => this.closeFiche()}>← ${t.back}</button>`;
    if (!p) return html`<div class="fiche" part="fiche">${back}<p role="status">${t.notFound}</p></div>`;
    const body = (p.declaration ?? p.fiche)!;
    const list = (name: ListName, codes: readonly string[], other?: string) => codes.map((c) => (c === OTHER && other ? `${labelOf(name, c)} (${other})` : labelOf(name, c))).join(', ');
    const f = p.fiche;
    const d = p.declaration;
    return html`<article class="fiche" part="fiche" aria-labelledby="fiche-title">
      ${back}
      <p class="meta">${p.level === 'onpe' ? t.onpe : t.declared} · ${p.reference}</p>
      <h2 id="fiche-title" tabindex="-1">${body.title}</h2>
      ${p.featured ? html`<p class="featured">★ ${t.featured}</p>` : nothing}
      ${p.highlight ? html`<p class="motivation" part="motivation"><strong>${t.motivation}</strong> : ${p.highlight.motivation}</p>` : nothing}
      ${this.renderLinks(p)}
      <dl>
        <dt>${t.facetTitles.scales}</dt><dd>${labelOf('scales', body.scale)} · ${this.territory(p)}</dd>
        <dt>${t.facetTitles.themes}</dt><dd>${list('themes', body.themes, body.themeOther)}</dd>
        <dt>${t.facetTitles.audiences}</dt><dd>${list('audiences', body.audiences, body.audienceOther)}</dd>
        <dt>${t.facetTitles.interventionTypes}</dt><dd>${list('interventionTypes', body.interventionTypes, body.interventionTypeOther)}</dd>
        ${body.relay ? html`<dt>${t.facetTitles.relays}</dt><dd>${list('relays', [body.relay], body.relayOther)}</dd>` : nothing}
        <dt>${fieldLabel('entityName', this.language)}</dt><dd>${body.entityName}</dd>
        ${body.implementationDate ? html`<dt>${t.implementedSince}</dt><dd>${formatDateFr(body.implementationDate)}</dd>` : nothing}
        <dt>${t.published}</dt><dd>${formatDateFr(p.publishedAt.slice(0, 10))}</dd>
      </dl>
      ${d ? html`<p class="text">${d.description}</p>` : nothing}
      ${f ? html`${(['summary', 'objectives', 'means', 'keysToSuccess', 'expectedResults', 'difficulties'] as const).map((k) => html`<h3>${t.sections[k]}</h3><p class="text">${f[k]}</p>`)}
        ${f.partners.length ? html`<h3>${t.sections.partners}</h3><ul>${f.partners.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
        ${f.coAuthors.length ? html`<h3>${t.sections.coAuthors}</h3><ul>${f.coAuthors.map((x) => html`<li>${x.name}${x.organisation ? ` (${x.organisation})` : ''}</li>`)}</ul>` : nothing}` : nothing}
      ${this.syncUrl ? html`<p class="permalink">${t.permalink} : <a href=${this.urlFor(this.view)}>${this.urlFor(this.view)}</a></p>` : nothing}
    </article>`;
  }
}
