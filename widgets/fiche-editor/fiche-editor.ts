// <pi-fiche-editor>: the observatory's editor and invited co-authors write an ONPE fiche. Rules are the domain's (validateFiche, allowedEvents).
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Actor, CoauthorLink, Fiche, FicheVersion, Practice, PublicPractice } from '../../src/model.js';
import { allowedEvents } from '../../src/review/review.js';
import { STATE_LABELS } from '../../src/review/labels.js';
import { validateFiche } from '../../src/schema/fiche.js';
import { ficheFieldLabel, ficheFromPractice } from '../../src/schema/fiche-authoring.js';
import { formatDateFr } from '../../src/schema/dates.js';
import { LOCATION_RULES, OTHER_FIELDS, locationAsked, type ValidationError } from '../../src/schema/fields.js';
import type { Lang } from '../../src/schema/messages.js';
import { taxonomy, type ListName } from '../../src/taxonomy/taxonomy.js';
import { OTHER } from '../../src/taxonomy/lists.js';
import { isPracticeStoreError } from '../../src/store/errors.js';
import { createHttpStore } from '../../src/store/http.js';
import type { FicheAuthoring, PracticeStore } from '../../src/store/port.js';
import { newIdempotencyKey } from '../../src/store/ids.js';
import { CoauthorInvitedEvent, FicheErrorEvent, FicheSavedEvent, type FicheSavedKind } from '../events.js';
import { LangController } from '../shared/lang.js';
import { styles } from './fiche-editor.styles.js';
import { FICHE_EDITOR_STRINGS, type FicheEditorStrings } from './strings.js';

/** What the form holds, as typed: lists as lines, codes as chosen. Kept in localStorage as the draft. */
export interface FicheFormValues {
  title: string;
  entityName: string;
  summary: string;
  objectives: string;
  means: string;
  keysToSuccess: string;
  expectedResults: string;
  difficulties: string;
  partners: string;
  coAuthors: string;
  scale: string;
  interventionTypes: string[];
  interventionTypeOther: string;
  themes: string[];
  themeOther: string;
  audiences: string[];
  audienceOther: string;
  relay: string;
  relayOther: string;
  regions: string[];
  departments: string[];
  locality: string;
  implementationDate: string;
  comment: string;
}

interface StoredDraft {
  values: FicheFormValues;
  savedAt: string;
  /** The creation's idempotency key: a retry after a lost answer returns the fiche first created. */
  createKey?: string;
}

const SECTIONS = ['summary', 'objectives', 'means', 'keysToSuccess', 'expectedResults', 'difficulties'] as const;
const CODE_LISTS = ['interventionTypes', 'themes', 'audiences'] as const;
const DRAFT_PREFIX = 'pi-fiche-editor:';
// As the form's and the board's: a draft names co-authors, so it does not outlive a month.
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const emptyValues = (): FicheFormValues => ({
  title: '', entityName: '', summary: '', objectives: '', means: '', keysToSuccess: '', expectedResults: '', difficulties: '',
  partners: '', coAuthors: '', scale: '', interventionTypes: [], interventionTypeOther: '', themes: [], themeOther: '', audiences: [], audienceOther: '',
  relay: '', relayOther: '', regions: [], departments: [], locality: '', implementationDate: '', comment: '',
});

/** A fiche (or a prefill) as form values. */
export function toFormValues(f: Partial<Fiche>): FicheFormValues {
  return {
    ...emptyValues(),
    title: f.title ?? '', entityName: f.entityName ?? '', summary: f.summary ?? '', objectives: f.objectives ?? '', means: f.means ?? '',
    keysToSuccess: f.keysToSuccess ?? '', expectedResults: f.expectedResults ?? '', difficulties: f.difficulties ?? '',
    partners: (f.partners ?? []).join('\n'),
    coAuthors: (f.coAuthors ?? []).map((c) => (c.organisation ? `${c.name} (${c.organisation})` : c.name)).join('\n'),
    scale: f.scale ?? '', interventionTypes: [...(f.interventionTypes ?? [])], interventionTypeOther: f.interventionTypeOther ?? '',
    themes: [...(f.themes ?? [])], themeOther: f.themeOther ?? '', audiences: [...(f.audiences ?? [])], audienceOther: f.audienceOther ?? '',
    relay: f.relay ?? '', relayOther: f.relayOther ?? '',
    regions: [...(f.location?.regions ?? [])], departments: [...(f.location?.departments ?? [])], locality: f.location?.locality ?? '',
    implementationDate: f.implementationDate ? formatDateFr(f.implementationDate) : '',
  };
}

/** The form's values as the fiche the domain validates; the territory is what the scale asks for. */
export function toFicheInput(v: FicheFormValues): Record<string, unknown> {
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  const fiche: Record<string, unknown> = {
    title: v.title, entityName: v.entityName, summary: v.summary, objectives: v.objectives, means: v.means,
    keysToSuccess: v.keysToSuccess, expectedResults: v.expectedResults, difficulties: v.difficulties,
    partners: lines(v.partners),
    coAuthors: lines(v.coAuthors).map((l) => {
      const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(l);
      return m && m[1] ? { name: m[1], organisation: m[2] } : { name: l };
    }),
    scale: v.scale || undefined,
    interventionTypes: v.interventionTypes, themes: v.themes, audiences: v.audiences,
    location: locationAsked(v.scale, v),
  };
  for (const [list, other] of OTHER_FIELDS) {
    const chosen = (v as unknown as Record<string, unknown>)[list];
    if (Array.isArray(chosen) ? chosen.includes(OTHER) : chosen === OTHER) fiche[other] = (v as unknown as Record<string, string>)[other];
  }
  if (v.relay) fiche.relay = v.relay;
  if (v.implementationDate.trim()) fiche.implementationDate = v.implementationDate.trim();
  return fiche;
}

/** The input an error path belongs to (`location.departments` → `departments`, `coAuthors.1.name` → `coAuthors`). */
const inputOf = (field: string): string => (field.startsWith('location.') ? field.slice('location.'.length) : field.split('.')[0] || 'title');

/**
 * The observatory's fiche editor: the editor creates an ONPE fiche (also from a published declared
 * practice, prefilled), edits it with a visible history of versions, invites co-authors by secret link
 * and revokes them, publishes and actualises it; a co-author opened from their link edits the same
 * fiche and nothing else. Field messages are the domain's, in French by default; what is typed is kept
 * in this browser until the store confirms it, across reloads and failed networks.
 *
 * @summary Write, version, share and keep up to date an ONPE fiche.
 * @tagname pi-fiche-editor
 * @fires pi-fiche-saved - `FicheSavedEvent`: the store confirmed a creation, a version, a publication or an actualisation (`detail.practice`, `detail.kind`).
 * @fires pi-fiche-error - `FicheErrorEvent`: the store refused or did not answer (`detail.error`, `detail.code`); the text is kept.
 * @fires pi-coauthor-invited - `CoauthorInvitedEvent`: a co-author's secret link was created (`detail.link`, `detail.url`).
 * @csspart editor - The element's outer box.
 * @csspart form - The fiche's form.
 * @csspart errors - The summary of the fields to correct.
 * @csspart versions - The history of versions.
 * @csspart coauthors - The co-authors' links (editor).
 * @csspart lifecycle - Publication and actualisation (editor).
 * @csspart notice - A confirmation.
 * @csspart alert - A refusal or failure.
 * @csspart button - Every button.
 * @csspart button-primary - The buttons that save, publish or actualise.
 * @cssprop --pi-font-family - Font (the system's sans-serif).
 * @cssprop --pi-text - Text colour (#161616).
 * @cssprop --pi-text-muted - Secondary text (#3a3a3a).
 * @cssprop --pi-background - Background (#ffffff).
 * @cssprop --pi-background-alt - Notices, badges, table heads (#f6f6f6).
 * @cssprop --pi-input-background - Background of inputs (#eeeeee).
 * @cssprop --pi-border - Borders (#929292).
 * @cssprop --pi-primary - Buttons and links (#000091).
 * @cssprop --pi-primary-hover - Primary button on hover (#1212ff).
 * @cssprop --pi-on-primary - Text on primary (#ffffff).
 * @cssprop --pi-error - Errors (#ce0500).
 * @cssprop --pi-success - Confirmation (#18753c).
 * @cssprop --pi-focus - Focus ring (#0a76f6).
 * @cssprop --pi-radius - Corner radius (0.25em).
 * @cssprop --pi-space - Base spacing (1em).
 */
export class PiFicheEditor extends LitElement {
  static override styles = styles;

  /** Any store of the domain with fiche authoring (memory, browser, HTTP); takes precedence over `endpoint`. */
  @property({ attribute: false }) store?: PracticeStore;
  /** Base URL of the reference server; used with `token` when no `store` is set. */
  @property() endpoint?: string;
  /** Bearer token: the editor's, or a co-author's link token (with `coauthor`). */
  @property() token?: string;
  /** The fiche to edit (its id); without it, the editor writes a new fiche. */
  @property() fiche?: string;
  /** A new fiche starts from this published declared practice (its id), prefilled, and records it as `basedOn`. */
  @property({ attribute: 'based-on' }) basedOn?: string;
  /** Co-author mode: `token` is the co-author's secret link token; only the fiche can be edited. */
  @property({ type: Boolean }) coauthor = false;
  /** Reads `fiche` and the co-author's token (`lien`) from the page's address, as the secret link gives them. */
  @property({ type: Boolean, attribute: 'coauthor-from-url' }) coauthorFromUrl = false;
  /** Who edits, when the store trusts the page (memory store): `{ id, role: 'editor', name? }`; as an attribute, JSON. */
  @property({ converter: { fromAttribute: (v: string | null) => { try { return v ? JSON.parse(v) : undefined; } catch { return undefined; } } } }) actor?: Actor;
  /** The page co-authors open: their link is this address with `?fiche=<id>&lien=<token>`. Default: this page. */
  @property({ attribute: 'link-base' }) linkBase?: string;
  /**
   * Language: `fr`, `en` or `de`. Without it, the page's: the closest `lang` attribute around the element,
   * followed when it changes; French when that is none of the three.
   */
  @property() override lang = '';
  private readonly langController = new LangController(this, () => this.lang);

  @state() private practice?: Practice;
  @state() private source?: PublicPractice;
  @state() private values: FicheFormValues = emptyValues();
  @state() private errors: ValidationError[] = [];
  @state() private status: 'idle' | 'loading' | 'ready' | 'missing' | 'error' | 'unconnected' = 'idle';
  @state() private busy = false;
  @state() private notice?: string;
  @state() private alert?: { text: string; conflict?: boolean };
  @state() private restoredAt?: string;
  @state() private draftSaved?: boolean;
  @state() private invitation?: { name: string; url: string };
  @state() private invite = { name: '', organisation: '' };
  @state() private lifecycleComment = '';
  private createKey?: string;
  private focusAfter?: string;

  private get t(): FicheEditorStrings {
    return FICHE_EDITOR_STRINGS[this.language];
  }

  private get language(): Lang {
    return this.langController.lang;
  }

  private get urlToken(): string | undefined {
    if (!this.coauthorFromUrl) return undefined;
    return new URLSearchParams(globalThis.location?.search ?? '').get('lien') ?? undefined;
  }

  private get ficheId(): string | undefined {
    if (this.urlToken) return new URLSearchParams(globalThis.location?.search ?? '').get('fiche') ?? this.fiche;
    return this.fiche;
  }

  /** Co-author mode: asked for, or opened from a co-author's link (the address holds `lien`). */
  private get isCoauthor(): boolean {
    return this.coauthor || !!this.urlToken;
  }

  /** Who acts: a co-author through their link, or the editor. */
  private get who(): Actor {
    const token = this.urlToken ?? this.token;
    if (this.isCoauthor) return { id: 'coauthor', role: 'declarant', ...(token ? { token } : {}) };
    return { id: this.actor?.id ?? 'editor', role: 'editor', ...(this.actor?.name ? { name: this.actor.name } : {}), ...(token ? { token } : {}) };
  }

  private get backend(): (PracticeStore & Partial<FicheAuthoring>) | undefined {
    if (this.store) return this.store;
    if (this.endpoint) return createHttpStore(this.endpoint, this.token ? { token: this.token } : {});
    return undefined;
  }

  private get draftKey(): string {
    const target = this.ficheId ?? `new:${this.basedOn ?? ''}`;
    return `${DRAFT_PREFIX}${encodeURIComponent(this.isCoauthor ? 'coauthor' : this.who.id)}:${encodeURIComponent(target)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A store set just after the element is on the page is waited for, as the other elements do.
    queueMicrotask(() => void this.load());
  }

  protected override updated(changed: PropertyValues): void {
    // `fiche` set by save() to the fiche it just created needs no reload: the store's answer is already shown.
    const ficheMoved = changed.has('fiche') && this.fiche !== this.practice?.id;
    if ((changed.has('store') || changed.has('endpoint') || ficheMoved || changed.has('basedOn')) && this.status !== 'idle' && this.status !== 'loading') {
      void this.load();
    }
    if (this.focusAfter) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
      this.focusAfter = undefined;
      target?.focus();
    }
  }

  /** Loads the fiche (or the practice to start from), then restores a draft typed earlier in this browser. */
  async load(): Promise<void> {
    const store = this.backend;
    if (!store) {
      this.status = 'unconnected';
      return;
    }
    this.status = 'loading';
    this.alert = undefined;
    try {
      const id = this.ficheId;
      if (id) {
        const view = await store.get(id, { actor: this.who });
        if (!view || !('review' in view) || view.level !== 'onpe') {
          this.status = 'missing';
          return;
        }
        this.practice = view as Practice;
        this.values = toFormValues(this.practice.fiche ?? {});
        const based = this.practice.basedOn?.[0];
        this.source = based ? ((await store.get(based).catch(() => undefined)) as PublicPractice | undefined) : undefined;
      } else {
        this.practice = undefined;
        this.source = this.basedOn ? ((await store.get(this.basedOn)) as PublicPractice | undefined) : undefined;
        if (this.basedOn && (!this.source || this.source.level !== 'declared' || !this.source.declaration)) {
          this.status = 'missing';
          return;
        }
        this.values = this.source?.declaration ? toFormValues(ficheFromPractice(this.source.declaration)) : emptyValues();
      }
      this.restoreDraft();
      this.status = 'ready';
    } catch {
      this.status = 'error';
    }
  }

  private restoreDraft() {
    this.restoredAt = undefined;
    try {
      const raw = globalThis.localStorage?.getItem(this.draftKey);
      if (!raw) return;
      const draft = JSON.parse(raw) as StoredDraft;
      if (!draft?.values || typeof draft.savedAt !== 'string') return;
      if (!(Date.now() - Date.parse(draft.savedAt) <= DRAFT_MAX_AGE_MS)) {
        globalThis.localStorage.removeItem(this.draftKey);
        return;
      }
      this.values = { ...emptyValues(), ...draft.values };
      this.createKey = draft.createKey;
      this.restoredAt = draft.savedAt;
    } catch {
      // An unreadable draft is no draft.
    }
  }

  private saveDraft() {
    const draft: StoredDraft = { values: this.values, savedAt: new Date().toISOString(), ...(this.createKey ? { createKey: this.createKey } : {}) };
    try {
      globalThis.localStorage.setItem(this.draftKey, JSON.stringify(draft));
      this.draftSaved = true;
    } catch {
      this.draftSaved = false;
    }
  }

  private clearDraft() {
    try {
      globalThis.localStorage?.removeItem(this.draftKey);
    } catch {
      // Nothing to clear.
    }
    this.restoredAt = undefined;
  }

  private set<K extends keyof FicheFormValues>(key: K, value: FicheFormValues[K]) {
    this.values = { ...this.values, [key]: value };
    this.notice = undefined;
    // A corrected field loses its message as soon as the domain accepts it.
    if (this.errors.length) this.errors = this.validate().filter((e) => this.errors.some((x) => inputOf(x.field) === inputOf(e.field)));
    this.saveDraft();
  }

  private toggle(list: 'interventionTypes' | 'themes' | 'audiences' | 'regions', code: string, on: boolean) {
    const current = this.values[list];
    this.set(list, on ? [...current.filter((c) => c !== code), code] : current.filter((c) => c !== code));
  }

  private validate(): ValidationError[] {
    const result = validateFiche(toFicheInput(this.values), { lang: this.language });
    return result.ok ? [] : result.errors;
  }

  private fail(e: unknown) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = isPracticeStoreError(err) ? err.code : 'unavailable';
    const fields = isPracticeStoreError(err) ? err.fields : undefined;
    if (fields?.length) this.errors = fields;
    this.alert = { text: err.message, conflict: code === 'version-conflict' };
    this.dispatchEvent(new FicheErrorEvent(err, code));
    this.focusAfter = '#alert';
  }

  private succeed(practice: Practice, kind: FicheSavedKind, text: string) {
    this.practice = practice;
    this.notice = text;
    this.alert = undefined;
    this.dispatchEvent(new FicheSavedEvent(practice, kind));
    this.focusAfter = '#notice';
  }

  /** Creates the fiche or saves a new version; the domain checks first, the store decides. */
  private async save(event: Event) {
    event.preventDefault();
    const store = this.backend;
    this.errors = this.validate();
    if (this.errors.length) {
      this.alert = undefined;
      this.focusAfter = '#errors';
      return;
    }
    if (!store?.createFiche || !store.editFiche) return this.fail(new Error(this.t.notConnected));
    this.busy = true;
    this.notice = undefined;
    try {
      const fiche = toFicheInput(this.values);
      const comment = this.values.comment.trim();
      if (!this.practice) {
        // Kept with the draft: after a lost answer, the retry returns the fiche already created.
        this.createKey ??= newIdempotencyKey();
        this.saveDraft();
        const created = await store.createFiche(fiche, { actor: this.who, idempotencyKey: this.createKey, ...(this.basedOn ? { basedOn: [this.basedOn] } : {}) });
        this.clearDraft();
        this.createKey = undefined;
        this.fiche = created.id;
        this.values = { ...toFormValues(created.fiche ?? {}), comment: '' };
        this.succeed(created, 'create', this.t.created);
      } else {
        const saved = await store.editFiche(this.practice.id, fiche, { actor: this.who, expectedVersion: this.practice.version, ...(comment ? { comment } : {}) });
        this.clearDraft();
        this.values = { ...toFormValues(saved.fiche ?? {}), comment: '' };
        this.succeed(saved, 'edit', this.t.saved);
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async lifecycle(type: 'PUBLISH' | 'ACTUALISE') {
    const store = this.backend;
    const p = this.practice;
    if (!store || !p) return;
    this.busy = true;
    try {
      const comment = this.lifecycleComment.trim();
      const after = (await store.send(p.id, { type, actor: this.who, ...(comment ? { comment } : {}) } as never, { expectedVersion: p.version })) as Practice;
      this.lifecycleComment = '';
      this.succeed(after, type === 'PUBLISH' ? 'publish' : 'actualise', type === 'PUBLISH' ? this.t.published : this.t.actualised);
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private coauthorUrl(token: string): string {
    const base = new URL(this.linkBase ?? globalThis.location?.href ?? 'http://localhost/', globalThis.location?.href);
    base.search = '';
    base.hash = '';
    base.searchParams.set('fiche', this.practice!.id);
    base.searchParams.set('lien', token);
    return base.toString();
  }

  private async inviteCoauthor(event: Event) {
    event.preventDefault();
    const store = this.backend;
    const p = this.practice;
    if (!store?.inviteCoauthor || !p) return;
    this.busy = true;
    try {
      const organisation = this.invite.organisation.trim();
      const result = await store.inviteCoauthor(p.id, { name: this.invite.name, ...(organisation ? { organisation } : {}) }, { actor: this.who });
      const url = this.coauthorUrl(result.token);
      this.practice = result.practice;
      this.invitation = { name: result.link.name, url };
      this.invite = { name: '', organisation: '' };
      this.notice = this.t.invited(result.link.name);
      this.alert = undefined;
      this.dispatchEvent(new CoauthorInvitedEvent(result.link, url));
      this.focusAfter = '#invitation-link';
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async revoke(link: CoauthorLink) {
    const store = this.backend;
    const p = this.practice;
    if (!store?.revokeCoauthor || !p) return;
    this.busy = true;
    try {
      this.practice = await store.revokeCoauthor(p.id, link.id, { actor: this.who });
      if (this.invitation?.name === link.name) this.invitation = undefined;
      this.notice = this.t.revokedDone(link.name);
      this.focusAfter = '#notice';
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  private date(iso: string): string {
    return formatDateFr(iso.slice(0, 10));
  }

  override render() {
    const t = this.t;
    const wrap = (content: unknown) => html`<div class="editor" part="editor" lang=${this.language}>${content}</div>`;
    if (this.status === 'unconnected') return wrap(html`<p class="alert" role="alert" part="alert">${t.notConnected}</p>`);
    if (this.status === 'idle' || this.status === 'loading') return wrap(html`<p role="status">${t.loading}</p>`);
    if (this.status === 'missing') return wrap(html`<p class="alert" role="alert" part="alert">${t.notFound}</p>`);
    if (this.status === 'error') {
      return wrap(html`<div class="alert" role="alert" part="alert"><p>${t.loadError}</p><button type="button" part="button" @click=${() => void this.load()}>${t.retry}</button></div>`);
    }
    const p = this.practice;
    return wrap(html`
      ${this.renderHeader(p)}
      ${this.isCoauthor ? html`<p>${t.coauthorIntro('')}</p>` : nothing}
      ${this.restoredAt ? html`<div class="notice" part="notice" role="status"><p>${t.draftRestored(this.date(this.restoredAt))}</p>
        <button type="button" part="button" @click=${() => { this.clearDraft(); this.values = toFormValues(p?.fiche ?? (this.source?.declaration ? ficheFromPractice(this.source.declaration) : {})); }}>${t.draftDiscard}</button></div>` : nothing}
      ${this.notice ? html`<p id="notice" class="notice" part="notice" role="status" tabindex="-1">${this.notice}</p>` : nothing}
      ${this.alert ? html`<div id="alert" class="alert" part="alert" role="alert" tabindex="-1"><p>${this.alert.text}</p>
        ${this.alert.conflict ? html`<p>${t.conflict}</p><button type="button" part="button" @click=${() => void this.load()}>${t.reload}</button>` : nothing}</div>` : nothing}
      ${this.renderErrors()}
      ${this.renderForm(p)}
      ${p && !this.isCoauthor ? this.renderLifecycle(p) : nothing}
      ${p && !this.isCoauthor ? this.renderCoauthors(p) : nothing}
      ${p ? this.renderVersions(p.ficheVersions ?? []) : nothing}
    `);
  }

  private renderHeader(p: Practice | undefined): TemplateResult {
    const t = this.t;
    const due = p?.reviewDueAt;
    const overdue = due ? due < new Date().toISOString().slice(0, 10) : false;
    return html`<h2 id="heading">${p?.fiche?.title ?? t.newTitle}</h2>
      ${p ? html`<p class="meta">${t.reference} ${p.reference} · <span class="badge">${STATE_LABELS[this.language][p.review.state]}</span>
        ${p.fiche?.lastReviewedAt ? html` · ${t.lastReviewed} ${this.date(p.fiche.lastReviewedAt)}` : nothing}
        ${due ? html` · <span class=${overdue ? 'overdue' : 'due'}>${overdue ? t.reviewOverdue : t.reviewDue} ${this.date(due)}</span>` : nothing}</p>` : nothing}
      ${this.source?.declaration ? html`<p class="meta">${t.basedOn(this.source.declaration.title)}</p>` : nothing}`;
  }

  private renderErrors() {
    if (!this.errors.length) return nothing;
    return html`<div id="errors" class="alert" part="errors" role="alert" tabindex="-1"><p>${this.t.errorSummary(this.errors.length)}</p><ul>
      ${this.errors.map((e) => html`<li><a href="#f-${inputOf(e.field)}" @click=${(ev: Event) => { ev.preventDefault(); this.renderRoot.querySelector<HTMLElement>(`#f-${inputOf(e.field)}`)?.focus(); }}>${e.message}</a></li>`)}
    </ul></div>`;
  }

  private errorOf(input: string) {
    return this.errors.find((e) => inputOf(e.field) === input);
  }

  private described(input: string, hint = false) {
    return [hint ? `h-${input}` : '', this.errorOf(input) ? `e-${input}` : ''].filter(Boolean).join(' ') || nothing;
  }

  private errorLine(input: string) {
    const e = this.errorOf(input);
    return e ? html`<p id="e-${input}" class="error">${e.message}</p>` : nothing;
  }

  private label(field: string, required: boolean) {
    return html`${ficheFieldLabel(field, this.language)}${required ? html` <span class="hint inline">(${this.t.required})</span>` : nothing}`;
  }

  private textField(key: 'title' | 'entityName' | 'locality' | 'implementationDate' | 'interventionTypeOther' | 'themeOther' | 'audienceOther' | 'relayOther', field: string, required: boolean, hint?: string) {
    return html`<div class="field"><label for="f-${key}">${this.label(field, required)}${hint ? html`<span id="h-${key}" class="hint">${hint}</span>` : nothing}</label>
      <input id="f-${key}" type="text" .value=${this.values[key]} aria-invalid=${this.errorOf(key) ? 'true' : 'false'} aria-describedby=${this.described(key, !!hint)}
        ?aria-required=${required} @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}>${this.errorLine(key)}</div>`;
  }

  private area(key: (typeof SECTIONS)[number] | 'partners' | 'coAuthors' | 'comment', label: TemplateResult | string, hint: string) {
    return html`<div class="field"><label for="f-${key}">${label}<span id="h-${key}" class="hint">${hint}</span></label>
      <textarea id="f-${key}" .value=${this.values[key]} aria-invalid=${this.errorOf(key) ? 'true' : 'false'} aria-describedby=${this.described(key, true)}
        @input=${(e: Event) => this.set(key, (e.target as HTMLTextAreaElement).value)}></textarea>${this.errorLine(key)}</div>`;
  }

  private codes(list: (typeof CODE_LISTS)[number]) {
    const other = OTHER_FIELDS.find(([l]) => l === list)![1] as 'interventionTypeOther' | 'themeOther' | 'audienceOther';
    return html`<fieldset id="f-${list}" tabindex="-1" aria-describedby=${this.described(list)}><legend>${this.label(list, true)}</legend>
      <div class="choices">${(taxonomy[list as ListName] as readonly { code: string; label: string }[]).map((term) => html`<div class="choice">
        <input type="checkbox" id="c-${list}-${term.code}" .checked=${this.values[list].includes(term.code)} @change=${(e: Event) => this.toggle(list, term.code, (e.target as HTMLInputElement).checked)}>
        <label for="c-${list}-${term.code}">${term.label}</label></div>`)}</div>${this.errorLine(list)}</fieldset>
      ${this.values[list].includes(OTHER) ? this.textField(other, other, true) : nothing}`;
  }

  private renderLocation() {
    const rule = LOCATION_RULES[this.values.scale];
    if (!rule) return nothing;
    return html`
      ${rule.regions === 'many' ? html`<fieldset id="f-regions" tabindex="-1" aria-describedby=${this.described('regions')}><legend>${this.label('location.regions', true)}</legend>
        <div class="choices">${taxonomy.regions.map((r) => html`<div class="choice"><input type="checkbox" id="c-regions-${r.code}" .checked=${this.values.regions.includes(r.code)}
          @change=${(e: Event) => this.toggle('regions', r.code, (e.target as HTMLInputElement).checked)}><label for="c-regions-${r.code}">${r.label}</label></div>`)}</div>${this.errorLine('regions')}</fieldset>` : nothing}
      ${rule.departments !== 'none' ? html`<div class="field"><label for="f-departments">${this.label('location.departments', true)}</label>
        <select id="f-departments" ?multiple=${rule.departments === 'many'} aria-invalid=${this.errorOf('departments') ? 'true' : 'false'} aria-describedby=${this.described('departments')}
          @change=${(e: Event) => this.set('departments', [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value).filter(Boolean))}>
          ${rule.departments === 'one' ? html`<option value="">${this.t.choose}</option>` : nothing}
          ${taxonomy.departments.map((d) => html`<option value=${d.code} ?selected=${this.values.departments.includes(d.code)}>${d.code} — ${d.label}</option>`)}
        </select>${this.errorLine('departments')}</div>` : nothing}
      ${rule.locality === 'required' ? this.textField('locality', 'location.locality', true) : nothing}`;
  }

  private select(key: 'scale' | 'relay', list: 'scales' | 'relays', required: boolean) {
    return html`<div class="field"><label for="f-${key}">${this.label(key, required)}</label>
      <select id="f-${key}" aria-invalid=${this.errorOf(key) ? 'true' : 'false'} aria-describedby=${this.described(key)} @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.values[key]}>${this.t.choose}</option>
        ${taxonomy[list].map((term) => html`<option value=${term.code} ?selected=${this.values[key] === term.code}>${term.label}</option>`)}
      </select>${this.errorLine(key)}</div>`;
  }

  private renderForm(p: Practice | undefined): TemplateResult {
    const t = this.t;
    return html`<form part="form" novalidate @submit=${(e: Event) => void this.save(e)} aria-labelledby="heading">
      ${this.textField('title', 'title', true)}
      ${this.textField('entityName', 'entityName', true)}
      ${SECTIONS.map((k) => this.area(k, this.label(k, true), t.sectionHint))}
      ${this.area('partners', this.label('partners', false), t.partnersHint)}
      ${this.area('coAuthors', this.label('coAuthors', false), t.coAuthorsHint)}
      <div class="row">${this.select('scale', 'scales', true)}${this.select('relay', 'relays', false)}</div>
      ${this.values.relay === OTHER ? this.textField('relayOther', 'relayOther', true) : nothing}
      ${this.renderLocation()}
      ${CODE_LISTS.map((list) => this.codes(list))}
      ${this.textField('implementationDate', 'implementationDate', false, t.dateHint)}
      ${p ? this.area('comment', t.comment, t.commentHint) : nothing}
      <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy}>${this.busy ? t.saving : p ? t.save : t.create}</button>
      ${this.draftSaved === false ? html`<p class="hint">${t.draftNotKept}</p>` : this.draftSaved ? html`<p class="hint">${t.draftKept}</p>` : nothing}
    </form>`;
  }

  private renderLifecycle(p: Practice) {
    const t = this.t;
    // The machine says what the editor may do now; the element never decides on its own.
    const allowed = allowedEvents(p.review.snapshot, this.who, this.language).map((e) => e.type);
    const type = allowed.includes('PUBLISH') ? 'PUBLISH' : allowed.includes('ACTUALISE') ? 'ACTUALISE' : undefined;
    if (!type) return nothing;
    const publish = type === 'PUBLISH';
    return html`<section part="lifecycle" aria-labelledby="lifecycle-title"><h3 id="lifecycle-title">${publish ? t.publishTitle : t.actualiseTitle}</h3>
      <p>${publish ? t.publishHint : t.actualiseHint}</p>
      <div class="field"><label for="f-lifecycle-comment">${t.comment}<span class="hint">${t.commentHint}</span></label>
        <textarea id="f-lifecycle-comment" .value=${this.lifecycleComment} @input=${(e: Event) => { this.lifecycleComment = (e.target as HTMLTextAreaElement).value; }}></textarea></div>
      <button type="button" id=${publish ? 'publish' : 'actualise'} class="primary" part="button button-primary" ?disabled=${this.busy} @click=${() => void this.lifecycle(type)}>${publish ? t.publish : t.actualise}</button>
    </section>`;
  }

  private renderCoauthors(p: Practice) {
    const t = this.t;
    const links = p.coauthorLinks ?? [];
    return html`<section part="coauthors" aria-labelledby="coauthors-title"><h3 id="coauthors-title">${t.coauthors}</h3>
      <p>${t.coauthorsIntro}</p>
      ${links.length ? html`<ul class="links">${links.map((l) => html`<li>${l.name}${l.organisation ? ` (${l.organisation})` : ''} — ${l.revokedAt ? t.revoked(this.date(l.revokedAt)) : t.invitedOn(this.date(l.createdAt))}
        ${l.revokedAt ? nothing : html`<button type="button" part="button" aria-label="${t.revoke} : ${l.name}" ?disabled=${this.busy} @click=${() => void this.revoke(l)}>${t.revoke}</button>`}</li>`)}</ul>` : html`<p>${t.noCoauthors}</p>`}
      ${this.invitation ? html`<div class="field"><label for="invitation-link">${t.inviteLink(this.invitation.name)}<span id="h-invitation" class="hint">${t.linkHint}</span></label>
        <input id="invitation-link" type="text" readonly .value=${this.invitation.url} aria-describedby="h-invitation" @focus=${(e: Event) => (e.target as HTMLInputElement).select()}></div>` : nothing}
      <form @submit=${(e: Event) => void this.inviteCoauthor(e)} aria-labelledby="coauthors-title">
        <div class="row">
          <div class="field"><label for="f-invite-name">${t.coauthorName}</label><input id="f-invite-name" type="text" .value=${this.invite.name} @input=${(e: Event) => { this.invite = { ...this.invite, name: (e.target as HTMLInputElement).value }; }}></div>
          <div class="field"><label for="f-invite-organisation">${t.coauthorOrganisation}</label><input id="f-invite-organisation" type="text" .value=${this.invite.organisation} @input=${(e: Event) => { this.invite = { ...this.invite, organisation: (e.target as HTMLInputElement).value }; }}></div>
        </div>
        <button type="submit" part="button" ?disabled=${this.busy}>${t.invite}</button>
      </form>
    </section>`;
  }

  private renderVersions(versions: readonly FicheVersion[]) {
    const t = this.t;
    return html`<section part="versions" aria-labelledby="versions-title"><h3 id="versions-title">${t.versions}</h3>
      ${versions.length ? html`<ol class="versions">${[...versions].reverse().map((v) => html`<li>
        <p><strong>${t.version(v.number)}</strong> — ${t.kinds[v.kind]} — ${this.date(v.at)} ${t.by(v.author.name ?? t.editorName)} · ${t.changed(v.changes.length)}</p>
        ${v.comment ? html`<p>« ${v.comment} »</p>` : nothing}
        ${v.changes.length && v.number > 1 ? html`<details><summary>${t.changed(v.changes.length)}</summary>
          ${v.changes.map((c) => html`<h4>${ficheFieldLabel(c.field, this.language)}</h4><table>
            <thead><tr><th scope="col">${t.before}</th><th scope="col">${t.after}</th></tr></thead>
            <tbody><tr><td>${c.before || t.empty}</td><td>${c.after || t.empty}</td></tr></tbody>
          </table>`)}</details>` : nothing}
      </li>`)}</ol>` : html`<p>${t.noVersions}</p>`}
    </section>`;
  }
}
