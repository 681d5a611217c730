// <pi-declaration-form>: the multi-step declaration of seed 004, embeddable on any partner site. Rules come from src/.
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeclarantPractice, SubmittedPractice } from '../../src/model.js';
import { validateDeclaration, validateFields, LIMITS } from '../../src/schema/declaration.js';
import { LOCATION_RULES, OTHER_FIELDS, locationAsked } from '../../src/schema/fields.js';
import { fieldLabel, type Lang } from '../../src/schema/messages.js';
import { visibleLength } from '../../src/schema/text.js';
import { formatDateFr } from '../../src/schema/dates.js';
import { findDepartments, getDepartment, getRegion, labelOf, taxonomy, type ListName } from '../../src/taxonomy/taxonomy.js';
import { OTHER } from '../../src/taxonomy/lists.js';
import { newIdempotencyKey } from '../../src/store/ids.js';
import { createHttpStore } from '../../src/store/http.js';
import type { PracticeStore } from '../../src/store/port.js';
import { PracticeSubmittedEvent, StepChangeEvent, SubmitErrorEvent } from '../events.js';
import { styles } from './declaration-form.styles.js';
import { LangController } from '../shared/lang.js';
import { FORM_STRINGS, type FormStrings } from './strings.js';
import { followUpLink, followUpParams } from './follow-up-link.js';
// Types only: the follow-up page's code is fetched by follow-up-loader.ts when the element follows a practice.
import type { FollowUpHost, FollowUpPage } from './follow-up-page.js';
import { loadFollowUpPage } from './follow-up-loader.js';

/** The form's working copy: what the person typed, as typed. */
export interface DeclarationDraft {
  conditionsAccepted: boolean;
  implementationDate: string;
  entityName: string;
  title: string;
  description: string;
  scale: string;
  interventionTypes: string[];
  interventionTypeOther: string;
  themes: string[];
  themeOther: string;
  audiences: string[];
  audienceOther: string;
  relay: string;
  relayOther: string;
  location: { regions: string[]; departments: string[]; locality: string };
  departmentAgreement: { obtained: boolean; representative: string };
  declarant: { name: string; email: string; phone: string; accuracyCertified: boolean };
}

const emptyDraft = (): DeclarationDraft => ({
  conditionsAccepted: false, implementationDate: '', entityName: '', title: '', description: '', scale: '',
  interventionTypes: [], interventionTypeOther: '', themes: [], themeOther: '', audiences: [], audienceOther: '',
  relay: '', relayOther: '', location: { regions: [], departments: [], locality: '' },
  departmentAgreement: { obtained: false, representative: '' },
  declarant: { name: '', email: '', phone: '', accuracyCertified: false },
});

/** Which fields each step validates (by path prefix), in the seed's order. */
const STEP_FIELDS: readonly (readonly string[])[] = [
  ['conditionsAccepted'],
  ['implementationDate', 'entityName', 'title', 'description', 'scale', 'interventionTypes', 'interventionTypeOther', 'themes', 'themeOther', 'audiences', 'audienceOther', 'relay', 'relayOther'],
  ['location'],
  ['departmentAgreement', 'declarant'],
  [],
];
const STEP_NAMES = ['conditions', 'practice', 'location', 'contact', 'summary'] as const;
const LAST_STEP = STEP_NAMES.length - 1;
const DRAFT_VERSION = 1;
const SAVE_DELAY_MS = 400;
// Someone typing without a pause is still saved this often.
const SAVE_MAX_DELAY_MS = 2000;
// A draft holds personal data; on a shared computer it must not wait forever for the next person.
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const OTHER_OF: Readonly<Record<string, string>> = Object.fromEntries(OTHER_FIELDS);

/** The submission key held by a stored draft's text, if any. */
function parseDraftKey(text: string | null): string | undefined {
  try {
    const key = text ? (JSON.parse(text) as { idempotencyKey?: unknown }).idempotencyKey : undefined;
    return typeof key === 'string' && key ? key : undefined;
  } catch {
    return undefined;
  }
}

/** A draft as kept in `localStorage`. */
export interface StoredDraft {
  version: number;
  data: DeclarationDraft;
  step: number;
  savedAt: string;
  idempotencyKey?: string;
}

type Phase = 'editing' | 'resume-offer' | 'sending' | 'done' | 'already-submitted';
type StoreFailure = Error & { code?: string; fields?: { field: string; message: string }[]; reference?: string };

const asFailure = (e: unknown): StoreFailure => (e instanceof Error ? e : new Error(String(e)));

const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
const idOf = (path: string) => `f-${path.replace(/\./g, '-')}`;
const errorIdOf = (path: string) => `e-${path.replace(/\./g, '-')}`;


/** The page's address without its invitation token: the source records where, the token is a secret. */
function pageWithoutInvitation(href: string): string {
  try {
    const url = new URL(href);
    if (!url.searchParams.has('invitation')) return href;
    url.searchParams.delete('invitation');
    return url.href;
  } catch {
    return href;
  }
}
/**
 * The declaration form of the *Recueil des pratiques inspirantes*: five steps, a recap and the
 * sending, with a draft that survives reloads and a retry that never records twice.
 *
 * With `practice` and `token` (the declarant's secret link), the same element is the declarant's
 * follow-up page: the practice's state, the committee's requests and decisions, the complements
 * to give in the same steps, withdrawal, and the declarant's personal data. That page's code is
 * fetched (`import()`) only then: in the CDN bundle, from `chunks/` next to the element's file.
 *
 * @summary Multi-step declaration of an inspiring practice.
 * @tagname pi-declaration-form
 * @fires pi-step-change - `StepChangeEvent`: another step is shown (`detail.step`, `detail.name`).
 * @fires pi-submitted - `PracticeSubmittedEvent`: the store confirmed; `detail.practice` carries the reference and the declarant's secret token.
 * @fires pi-submit-error - `SubmitErrorEvent`: sending failed; everything is kept and a retry is offered.
 * @fires pi-declarant-action - `DeclarantActionEvent`: from the follow-up page, the store accepted the complements, the withdrawal or the erasure (`detail.action`, `detail.practice`).
 * @fires pi-declarant-action-error - `DeclarantActionErrorEvent`: such an action failed (`detail.code`, `detail.retryable`).
 * @csspart form - The form's outer box.
 * @csspart progress - The "Étape N sur 5" line and bar.
 * @csspart step - Each step's section.
 * @csspart error-summary - The list of fields to correct, at the top of a step.
 * @csspart button - Every button.
 * @csspart button-primary - "Suivant" and "Envoyer".
 * @csspart draft-status - "Brouillon enregistré à HH:MM".
 * @csspart confirmation - The confirmation shown after sending.
 * @csspart follow-up-link - The box with the secret follow-up link, in the confirmation.
 * @csspart follow-up - The declarant's follow-up page.
 * @csspart committee-message - The committee's request or decision, on the follow-up page and above the complements.
 * @csspart button-danger - "Retirer la pratique" and "Effacer mes coordonnées".
 * @slot privacy-notice - The information notice on personal data that the host must give (who processes the data, for what, how long, how to exercise one's rights); shown in the contact step.
 * @cssprop --pi-font-family - Font of the form (default: the system's sans-serif).
 * @cssprop --pi-text - Text colour (#161616).
 * @cssprop --pi-text-muted - Hints and secondary text (#3a3a3a).
 * @cssprop --pi-background - Background (#ffffff).
 * @cssprop --pi-background-alt - Background of notices (#f6f6f6).
 * @cssprop --pi-input-background - Background of inputs (#eeeeee).
 * @cssprop --pi-border - Borders (#929292).
 * @cssprop --pi-primary - Buttons, links and progress (#000091).
 * @cssprop --pi-primary-hover - Primary button on hover (#1212ff).
 * @cssprop --pi-on-primary - Text on primary (#ffffff).
 * @cssprop --pi-error - Errors (#ce0500).
 * @cssprop --pi-success - Confirmation (#18753c).
 * @cssprop --pi-focus - Focus ring (#0a76f6).
 * @cssprop --pi-radius - Corner radius (0.25rem).
 * @cssprop --pi-space - Base spacing (1rem).
 */
export class PiDeclarationForm extends LitElement {
  static override styles = styles;

  /** The store that receives the declaration (takes precedence over `endpoint`). */
  @property({ attribute: false }) store?: PracticeStore;
  /** Base URL of the reference server; used when no `store` is given. */
  @property() endpoint?: string;
  /**
   * Language: `fr`, `en` or `de`. Without it, the page's: the closest `lang` attribute around the element
   * (`<html lang="en">`), followed when it changes; French when that is none of the three.
   */
  @property() override lang = '';
  private readonly langController = new LangController(this, () => this.lang);
  /** Name under which the draft is kept in this browser. */
  @property({ attribute: 'draft-key' }) draftKey = 'default';
  /** Identifier of the partner site, recorded as the submission's source. */
  @property() partner?: string;
  /** Values to start from, by field (`{ entityName: 'Association X' }`); as an attribute, JSON. Ignored once a draft exists. */
  @property({ type: Object }) prefill?: Partial<DeclarationDraft>;
  /** How long the practice must have run, in months, as the store that receives it requires (default 12). */
  @property({ type: Number, attribute: 'min-practice-age-months' }) minPracticeAgeMonths?: number;
  /** Id of the practice to follow, from the declarant's secret link: the element shows the follow-up page. */
  @property() practice?: string;
  /** Secret token of the declarant's link, which goes with `practice`. */
  @property() token?: string;
  /**
   * Address of the follow-up page given after sending: a template where `{id}` and `{token}` are
   * replaced (`https://partenaire.example/suivi?pratique={id}&jeton={token}`), absolute or relative
   * to the page. Default: this page with `pratique` and `jeton` query parameters.
   */
  @property({ attribute: 'follow-up-url' }) followUpUrl?: string;
  /**
   * Opt-in: without `practice`, read `pratique` and `jeton` from the page's address and show the
   * follow-up page. Off by default, so a page never turns into someone's follow-up by a crafted link
   * unless its owner chose to be the follow-up page.
   */
  @property({ type: Boolean, attribute: 'follow-up-from-url' }) followUpFromUrl = false;
  /**
   * Secret token of a collection campaign's invitation link, sent with the submission: the server
   * records the campaign and the partner the link was made for (never what the page claims).
   */
  @property() invitation?: string;
  /**
   * Opt-in: without `invitation`, read it from the page's address (`?invitation=…`), so one page
   * serves every link of a campaign. Off by default, like `follow-up-from-url`.
   */
  @property({ type: Boolean, attribute: 'invitation-from-url' }) invitationFromUrl = false;

  @state() private data: DeclarationDraft = emptyDraft();
  @state() private step = 0;
  @state() private phase: Phase = 'editing';
  @state() private errors: { field: string; message: string }[] = [];
  @state() private showErrors = false;
  @state() private draftStatus = '';
  @state() private sendError = '';
  @state() private submitted?: SubmittedPractice | DeclarantPractice;
  @state() private departmentQuery = '';
  @state() private counterAnnouncement = '';
  @state() private confirmingDiscard = false;
  @state() private alreadyReference = '';
  @state() private sendRetryable = true;
  /** The follow-up page, once its code is loaded (the first time this element follows a practice). */
  @state() private followUp?: FollowUpPage;
  /** True when the follow-up page's code could not be fetched. */
  @state() private followUpFailed = false;
  /** True while the declarant edits complements in the steps. */
  @state() private complements = false;
  @state() private announcement = '';
  /** The practice and token the element follows (attributes, or the page's address when allowed). */
  private target?: { practice: string; token: string };
  private needsLoad = false;
  private warnedLink = false;
  private idempotencyKey?: string;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private pendingDraft?: StoredDraft;
  private lastCounterBucket = '';
  private focusAfterRender?: 'summary' | 'heading' | string;
  private touched = false;
  private initialized = false;
  private firstPendingChange = 0;
  private readonly flush = () => {
    if (this.saveTimer) this.saveDraft();
  };
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };
  // Two tabs on one draft: the last save wins, and the other tab is told. Both send under one key.
  private readonly onStorage = (e: StorageEvent) => {
    if (e.key !== this.storageKey || this.phase !== 'editing') return;
    // The other tab's submission key names this declaration too: a send from here cannot make a second practice.
    // Read from the event: by the time it arrives, the other tab may have sent and cleared the draft.
    const key = parseDraftKey(e.newValue);
    if (key) this.idempotencyKey = key;
    this.draftStatus = e.newValue === null ? this.t.draftGoneElsewhere : this.t.draftElsewhere;
  };

  private get t(): FormStrings {
    return FORM_STRINGS[this.language];
  }

  private get language(): Lang {
    return this.langController.lang;
  }

  private get storageKey() {
    // Complements have their own draft per practice: a new declaration's draft on the same page is another thing.
    return this.target ? `pi-declaration-form:complements:${this.target.practice}` : `pi-declaration-form:${this.draftKey}`;
  }

  private resolveStore(): PracticeStore | undefined {
    return this.store ?? (this.endpoint ? createHttpStore(this.endpoint) : undefined);
  }

  private findTarget(): { practice: string; token: string } | undefined {
    if (this.practice) return { practice: this.practice, token: this.token ?? '' };
    return this.followUpFromUrl && globalThis.location ? followUpParams(globalThis.location.href) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A reload or a closed tab never calls disconnectedCallback: these do.
    globalThis.addEventListener?.('pagehide', this.flush);
    globalThis.addEventListener?.('storage', this.onStorage);
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
    // A host moving the element in its page reconnects it: the draft is offered only once.
    if (this.initialized) return;
    this.initialized = true;
    // A follow-up page offers no new declaration's draft; willUpdate loads the practice.
    if (this.findTarget()) return;
    const stored = this.readDraft();
    if (stored) {
      this.pendingDraft = stored;
      this.phase = 'resume-offer';
    } else {
      this.applyPrefill();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('pagehide', this.flush);
    globalThis.removeEventListener?.('storage', this.onStorage);
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
    this.flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('practice') || changed.has('token') || changed.has('followUpFromUrl')) {
      const target = this.findTarget();
      if (target?.practice !== this.target?.practice || target?.token !== this.target?.token) {
        this.flush(); // complements typed for the practice followed until now
        this.target = target;
        this.complements = false;
        this.followUp?.reset();
        this.followUpFailed = false;
        this.needsLoad = !!target;
      }
    }
    // A store given after the element is on the page: the follow-up that could not load can now.
    if ((changed.has('store') || changed.has('endpoint')) && this.target && this.followUp?.status !== 'ready') this.needsLoad = true;
    // A prefill set after the element is on the page still applies, until the person types or resumes a draft.
    if (changed.has('prefill') && !this.touched && this.phase === 'editing' && !this.complements) this.applyPrefill();
    if (changed.has('lang') && this.showErrors) this.errors = this.stepErrors();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (target) {
      const selector = target === 'summary' ? '.summary' : target === 'heading' ? 'h2' : `#${target}`;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
    // After the focus: a load that settles at once (no token) asks focus for what the next render shows.
    if (this.needsLoad) {
      this.needsLoad = false;
      void this.openFollowUp();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Draft
  // ---------------------------------------------------------------------------------------------

  private readDraft(): StoredDraft | undefined {
    try {
      const raw = globalThis.localStorage?.getItem(this.storageKey);
      const draft = raw ? (JSON.parse(raw) as StoredDraft) : undefined;
      if (draft?.version !== DRAFT_VERSION || !draft.data) return undefined;
      if (Date.now() - Date.parse(draft.savedAt) > DRAFT_MAX_AGE_MS) {
        globalThis.localStorage.removeItem(this.storageKey);
        return undefined;
      }
      return { ...draft, data: { ...emptyDraft(), ...draft.data } };
    } catch {
      return undefined;
    }
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    const now = Date.now();
    if (!this.saveTimer) this.firstPendingChange = now;
    const delay = Math.max(0, Math.min(SAVE_DELAY_MS, this.firstPendingChange + SAVE_MAX_DELAY_MS - now));
    this.saveTimer = setTimeout(() => this.saveDraft(), delay);
  }

  private saveDraft() {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const savedAt = new Date();
    const draft: StoredDraft = { version: DRAFT_VERSION, data: this.data, step: this.step, savedAt: savedAt.toISOString(), ...(this.idempotencyKey ? { idempotencyKey: this.idempotencyKey } : {}) };
    try {
      globalThis.localStorage.setItem(this.storageKey, JSON.stringify(draft));
      this.draftStatus = this.t.draftSaved(savedAt.toLocaleTimeString(this.language, { hour: '2-digit', minute: '2-digit' }));
    } catch {
      this.draftStatus = this.t.draftUnavailable;
    }
  }

  private clearDraft() {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    try {
      globalThis.localStorage?.removeItem(this.storageKey);
    } catch {
      /* nothing to clear */
    }
  }

  private resume() {
    // Another tab may have saved since the offer was shown: take up the latest version.
    const draft = this.readDraft() ?? this.pendingDraft;
    this.pendingDraft = undefined;
    if (draft) {
      this.data = draft.data;
      this.step = Math.min(Math.max(0, draft.step | 0), LAST_STEP);
      this.idempotencyKey = draft.idempotencyKey;
      this.touched = true;
    }
    this.phase = 'editing';
    this.focusAfterRender = 'heading';
    this.announceStep();
  }

  private discard() {
    this.confirmingDiscard = false;
    this.pendingDraft = undefined;
    this.clearDraft();
    this.data = emptyDraft();
    this.applyPrefill();
    this.step = 0;
    this.idempotencyKey = undefined;
    this.touched = false;
    this.phase = 'editing';
    this.focusAfterRender = 'heading';
  }

  private applyPrefill() {
    let prefill = this.prefill;
    if (typeof prefill === 'string') {
      try {
        prefill = JSON.parse(prefill) as Partial<DeclarationDraft>;
      } catch {
        prefill = undefined;
      }
    }
    if (prefill && typeof prefill === 'object') {
      const base = emptyDraft();
      this.data = {
        ...base, ...prefill,
        location: { ...base.location, ...prefill.location },
        departmentAgreement: { ...base.departmentAgreement, ...prefill.departmentAgreement },
        declarant: { ...base.declarant, ...prefill.declarant },
      };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Editing
  // ---------------------------------------------------------------------------------------------

  private set(path: string, value: unknown) {
    const data = structuredClone(this.data) as unknown as Record<string, unknown>;
    const parts = path.split('.');
    let target = data;
    for (const p of parts.slice(0, -1)) target = target[p] as Record<string, unknown>;
    target[parts[parts.length - 1]!] = value;
    this.data = data as unknown as DeclarationDraft;
    this.touched = true;
    if (this.showErrors) this.errors = this.stepErrors();
    this.scheduleSave();
  }

  private toggle(path: string, code: string, checked: boolean, multiple: boolean) {
    const current = (get(this.data, path) as string[] | string) ?? (multiple ? [] : '');
    if (!multiple) return this.set(path, code);
    const list = current as string[];
    this.set(path, checked ? [...list.filter((c) => c !== code), code] : list.filter((c) => c !== code));
  }

  /** The declaration as sent: only what the chosen scale shows, so hidden values never travel. */
  private toInput(): Record<string, unknown> {
    return { ...this.data, location: locationAsked(this.data.scale, this.data.location) };
  }

  private get ruleOptions() {
    return { lang: this.language, ...(this.minPracticeAgeMonths !== undefined ? { minPracticeAgeMonths: this.minPracticeAgeMonths } : {}) };
  }

  private stepErrors(step = this.step) {
    return validateFields(this.toInput(), STEP_FIELDS[step] ?? [], this.ruleOptions).map(({ field, message }) => ({ field, message }));
  }

  private errorFor(path: string) {
    return this.showErrors ? this.errors.find((e) => e.field === path)?.message : undefined;
  }

  private goTo(step: number) {
    this.step = step;
    this.errors = [];
    this.showErrors = false;
    this.sendError = '';
    this.focusAfterRender = 'heading';
    this.saveDraft();
    this.announceStep();
  }

  private announceStep() {
    this.dispatchEvent(new StepChangeEvent(this.step, STEP_NAMES[this.step]!));
  }

  private next() {
    const errors = this.stepErrors();
    if (errors.length) {
      this.errors = errors;
      this.showErrors = true;
      this.focusAfterRender = 'summary';
      return;
    }
    this.goTo(Math.min(this.step + 1, LAST_STEP));
  }

  private async submit() {
    if (this.phase === 'sending') return;
    const store = this.store ?? (this.endpoint ? createHttpStore(this.endpoint) : undefined);
    if (!store) {
      this.sendError = this.t.notConfigured;
      this.sendRetryable = false;
      this.dispatchEvent(new SubmitErrorEvent(Object.assign(new Error(this.t.notConfigured), { code: 'not-configured' })));
      return;
    }
    // The key is kept with the draft: a retry, even after a reload or from another tab, names the same submission.
    this.idempotencyKey = this.readDraft()?.idempotencyKey ?? this.idempotencyKey ?? newIdempotencyKey();
    this.saveDraft();
    this.phase = 'sending';
    this.sendError = '';
    this.focusAfterRender = 'sending-status';
    try {
      const invitation = this.currentInvitation();
      const source = { ...(this.partner ? { partner: this.partner } : {}), ...(globalThis.location?.href ? { page: pageWithoutInvitation(globalThis.location.href).slice(0, 2000) } : {}) };
      const practice = await store.submit(this.toInput(), { idempotencyKey: this.idempotencyKey, source, ...(invitation ? { invitation } : {}) });
      this.clearDraft();
      this.submitted = practice;
      this.phase = 'done';
      this.focusAfterRender = 'heading';
      this.dispatchEvent(new PracticeSubmittedEvent(practice));
    } catch (e) {
      const error: StoreFailure = asFailure(e);
      this.phase = 'editing';
      this.dispatchEvent(new SubmitErrorEvent(error));
      const code = (error as { code?: string }).code;
      if (code === 'already-submitted') {
        // The first version is recorded; the edits made since cannot go under the same key.
        this.clearDraft();
        this.alreadyReference = (error as { reference?: string }).reference ?? '';
        this.phase = 'already-submitted';
        this.focusAfterRender = 'heading';
        return;
      }
      this.sendRetryable = code === undefined || code === 'unavailable';
      // The server refused a field the browser accepted (another version of the rules): show it where it is typed.
      if (!this.showFieldErrors(error.fields)) {
        this.sendError = error.message;
        this.focusAfterRender = 'send-error';
      }
    }
  }

  /** The invitation to send: the property, else the page's `?invitation=` when `invitation-from-url` is set. */
  private currentInvitation(): string | undefined {
    if (this.invitation?.trim()) return this.invitation.trim();
    if (!this.invitationFromUrl || !globalThis.location) return undefined;
    return new URL(globalThis.location.href).searchParams.get('invitation')?.trim() || undefined;
  }

  /** Shows field errors on the first step that holds one, with the summary focused; false when none belongs to a step. */
  private showFieldErrors(fields: readonly { field: string; message: string }[] | undefined): boolean {
    const firstStep = fields?.length ? STEP_FIELDS.findIndex((prefixes) => fields.some((f) => prefixes.some((p) => f.field === p || f.field.startsWith(`${p}.`)))) : -1;
    if (firstStep < 0) return false;
    this.step = firstStep;
    this.errors = fields!.map(({ field, message }) => ({ field, message }));
    this.showErrors = true;
    this.focusAfterRender = 'summary';
    this.announceStep();
    return true;
  }

  private restart() {
    this.submitted = undefined;
    this.alreadyReference = '';
    this.discard();
  }

  // ---------------------------------------------------------------------------------------------
  // Follow-up: the declarant's page behind the secret link, in its own file (follow-up-page.ts)
  // ---------------------------------------------------------------------------------------------

  /** Fetches the follow-up page's code if needed, then loads the practice; if the code does not arrive, says so. */
  private async openFollowUp() {
    this.followUpFailed = false;
    try {
      const { FollowUpPage } = await loadFollowUpPage();
      this.followUp ??= new FollowUpPage(this.followUpHost());
    } catch {
      // The network, most likely: the "unavailable" state, whose "Réessayer" asks for the code again.
      if (this.target && !this.followUp) {
        this.followUpFailed = true;
        this.focusAfterRender = 'heading';
      }
      return;
    }
    if (this.target) void this.followUp.load();
  }

  /** What the follow-up page uses of this element, given explicitly: it is compiled apart and loaded later. */
  private followUpHost(): FollowUpHost {
    const el = this; // for the getters, whose own `this` is the object
    return {
      get language() { return el.language; },
      get strings() { return el.t; },
      get target() { return el.target; },
      get storageKey() { return el.storageKey; },
      get ruleOptions() { return el.ruleOptions; },
      get renderRoot() { return el.renderRoot; },
      get updateComplete() { return el.updateComplete; },
      requestUpdate: () => this.requestUpdate(),
      dispatchEvent: (event) => this.dispatchEvent(event),
      resolveStore: () => this.resolveStore(),
      readDraft: () => this.readDraft(),
      clearDraft: () => this.clearDraft(),
      focusAfter: (target) => { this.focusAfterRender = target; },
      renderWait: (error, retry) => this.renderFollowUpWait(error, retry),
      editComplements: (data, step) => this.editComplements(data, step),
      leaveComplements: () => this.leaveComplements(),
      closeComplements: () => this.closeComplements(),
    };
  }

  /** The form's steps on the practice's declaration (or the complements draft), to give complements. */
  private editComplements(data: DeclarationDraft, step: number) {
    this.data = { ...emptyDraft(), ...data };
    this.step = Math.min(Math.max(0, step | 0), LAST_STEP);
    this.idempotencyKey = undefined;
    this.touched = false;
    this.errors = [];
    this.showErrors = false;
    this.sendError = '';
    this.complements = true;
    this.phase = 'editing';
    this.focusAfterRender = 'heading';
    this.announceStep();
  }

  private leaveComplements() {
    if (this.touched || this.saveTimer) this.saveDraft();
    this.complements = false;
    this.sendError = '';
    this.focusAfterRender = 'heading';
  }

  private closeComplements() {
    this.complements = false;
    this.showErrors = false;
    this.errors = [];
    this.sendError = '';
  }

  /** The recap's "Envoyer les compléments": the form checks and shows, the follow-up page talks to the store. */
  private async sendComplements() {
    const page = this.followUp;
    if (this.phase === 'sending' || page?.status !== 'ready') return;
    const store = this.resolveStore();
    if (!store) {
      this.sendError = this.t.notConfigured;
      this.sendRetryable = false;
      return;
    }
    // The domain's rules for the whole declaration before anything travels (a step reached by
    // "Précédent" is not checked on the way, a rule may have changed since): errors go where they are typed.
    const checked = validateDeclaration(this.toInput(), this.ruleOptions);
    if (!checked.ok) {
      this.showFieldErrors(checked.errors);
      return;
    }
    this.saveDraft();
    this.phase = 'sending';
    this.sendError = '';
    this.focusAfterRender = 'sending-status';
    const failure = await page.sendComplements(store, this.toInput(), checked.value);
    this.phase = 'editing';
    if (!failure) return;
    this.sendRetryable = failure.retryable;
    if (!this.showFieldErrors(failure.fields)) {
      this.sendError = failure.message;
      this.focusAfterRender = 'send-error';
    }
  }

  /** Says something through the polite live region; the same text twice is still spoken. */
  private announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => { this.announcement = text; });
  }

  private get followLink(): string | undefined {
    const practice = this.submitted;
    const token = practice && 'declarantToken' in practice ? practice.declarantToken : '';
    if (!practice || !token || !globalThis.location) return undefined;
    if (!this.followUpUrl && !this.followUpFromUrl && !this.warnedLink) {
      // The default link comes back to this page, which only reads it with follow-up-from-url.
      this.warnedLink = true;
      console.warn('<pi-declaration-form>: the follow-up link points to this page; add follow-up-from-url here, or set follow-up-url to the page that has it.');
    }
    return followUpLink(practice.id, token, globalThis.location.href, this.followUpUrl);
  }

  private async copyLink(link: string) {
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard API (a plain-http page) or no permission: select the link, and try the older command.
      const anchor = this.renderRoot.querySelector('#follow-up-link');
      const selection = globalThis.getSelection?.();
      if (anchor && selection) {
        const range = document.createRange();
        range.selectNodeContents(anchor);
        selection.removeAllRanges();
        selection.addRange(range);
        copied = document.execCommand?.('copy') ?? false;
      }
    }
    this.announce(copied ? this.t.copied : this.t.copyFailed);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  override render() {
    return html`<div class="form" part="form" lang=${this.language}>${this.renderPhase()}</div>`;
  }

  private renderPhase(): TemplateResult {
    const t = this.t;
    if (this.target && !this.complements) {
      return this.followUp?.render() ?? this.renderFollowUpWait(this.followUpFailed ? t.fuCodeFailed : undefined, () => this.openFollowUp());
    }
    if (this.phase === 'resume-offer' && this.pendingDraft) {
      const saved = new Date(this.pendingDraft.savedAt);
      return html`<section part="step" aria-labelledby="resume-title">
        <h2 id="resume-title" tabindex="-1">${t.resumeTitle}</h2>
        <p>${t.resumeText(saved.toLocaleDateString(this.language), saved.toLocaleTimeString(this.language, { hour: '2-digit', minute: '2-digit' }))}</p>
        ${this.confirmingDiscard
          ? html`<p class="alert" id="discard-confirm" tabindex="-1">${t.discardConfirm}</p>
            <div class="buttons">
              <button type="button" part="button" @click=${this.discard}>${t.discardYes}</button>
              <button type="button" class="primary" part="button button-primary" @click=${() => { this.confirmingDiscard = false; this.focusAfterRender = 'heading'; }}>${t.cancel}</button>
            </div>`
          : html`<div class="buttons">
              <button type="button" class="primary" part="button button-primary" @click=${this.resume}>${t.resume}</button>
              <button type="button" part="button" @click=${() => { this.confirmingDiscard = true; this.focusAfterRender = 'discard-confirm'; }}>${t.discard}</button>
            </div>`}
      </section>`;
    }
    if (this.phase === 'already-submitted') {
      return html`<section class="notice" part="confirmation" aria-labelledby="done-title">
        <h2 id="done-title" tabindex="-1">${t.alreadyTitle}</h2>
        <p>${t.alreadyText(this.alreadyReference)}</p>
        <div class="buttons"><button type="button" part="button" @click=${this.restart}>${t.newDeclaration}</button></div>
      </section>`;
    }
    if (this.phase === 'done' && this.submitted) {
      const link = this.followLink;
      return html`<section class="success" part="confirmation" aria-labelledby="done-title">
        <h2 id="done-title" tabindex="-1">${t.doneTitle}</h2>
        <p>${t.doneText(this.submitted.reference)}</p>
        <p>${t.doneNext}</p>
        ${link ? html`<section class="link-box" part="follow-up-link" aria-labelledby="link-title">
          <h3 id="link-title">${t.linkTitle}</h3>
          <p>${t.linkText}</p>
          <p><strong>${t.linkPrivate}</strong></p>
          <p class="link"><a id="follow-up-link" href=${link}>${link}</a></p>
          <div class="buttons"><button type="button" class="primary" part="button button-primary" @click=${() => this.copyLink(link)}>${t.copy}</button></div>
        </section>` : nothing}
        <div class="buttons"><button type="button" part="button" @click=${this.restart}>${t.newDeclaration}</button></div>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>`;
    }
    const total = STEP_NAMES.length;
    return html`
      <p class="progress" part="progress" id="progress">${t.progress(this.step + 1, total)}</p>
      <div class="progress-bar" part="progress" aria-hidden="true">${STEP_NAMES.map((_, i) => html`<span class=${i <= this.step ? 'done' : ''}></span>`)}</div>
      <section part="step" aria-labelledby="step-title">
        <h2 id="step-title" tabindex="-1" aria-describedby="progress">${t.steps[this.step]}</h2>
        ${this.complements ? this.followUp?.renderRequest(true) : nothing}
        ${this.step > 0 && this.step < LAST_STEP ? html`<p class="required-note">${t.requiredNote}</p>` : nothing}
        ${this.renderSummary()}
        <form novalidate ?inert=${this.phase === 'sending'} @submit=${(e: Event) => {
          e.preventDefault();
          if (this.step < LAST_STEP) this.next();
          else void (this.complements ? this.sendComplements() : this.submit());
        }}>
          ${[this.renderConditions, this.renderPractice, this.renderLocation, this.renderContact, this.renderRecap][this.step]!.call(this)}
          ${this.sendError ? html`<div id="send-error" class="alert" role="alert" tabindex="-1"><p><strong>${t.sendFailed}</strong> ${this.sendError}</p>${this.sendRetryable ? html`<p>${t.sendKept}</p>` : nothing}</div>` : nothing}
          <div class="buttons">
            ${this.step > 0 ? html`<button type="button" part="button" @click=${() => this.goTo(this.step - 1)}>${t.previous}</button>` : nothing}
            ${this.step < LAST_STEP
              ? html`<button type="submit" class="primary" part="button button-primary">${t.next}</button>`
              : html`<button type="submit" class="primary" part="button button-primary" ?disabled=${this.phase === 'sending'} aria-disabled=${this.phase === 'sending' ? 'true' : 'false'}>${this.phase === 'sending' ? t.sending : this.sendError ? t.retry : this.complements ? this.followUp?.submitLabel : t.submit}</button>`}
          </div>
        </form>
        ${this.phase === 'sending' ? html`<p class="notice" id="sending-status" role="status" tabindex="-1">${t.sending}</p>` : nothing}
        <p class="draft-status" part="draft-status" role="status">${this.draftStatus}</p>
        <p class="visually-hidden" aria-live="polite">${this.counterAnnouncement}</p>
      </section>`;
  }

  /** The follow-up page while its code or the practice loads; with `error`, the "unavailable" state, whose "Réessayer" calls `retry`. */
  private renderFollowUpWait(error?: string, retry?: () => void): TemplateResult {
    const t = this.t;
    return error === undefined
      ? html`<section part="follow-up" aria-labelledby="fu-title" aria-busy="true">
        <h2 id="fu-title" tabindex="-1">${t.fuTitle}</h2><p role="status">${t.fuLoading}</p></section>`
      : html`<section part="follow-up" aria-labelledby="fu-title">
        <h2 id="fu-title" tabindex="-1">${t.unavailableTitle}</h2>
        <p class="alert" role="alert">${error}</p>
        <div class="buttons"><button type="button" class="primary" part="button button-primary" @click=${retry}>${t.reload}</button></div>
      </section>`;
  }

  private renderSummary() {
    if (!this.showErrors || this.errors.length === 0) return nothing;
    return html`<div class="summary" part="error-summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <h3 id="summary-title">${this.t.errorSummary(this.errors.length)}</h3>
      <ul>${this.errors.map((e) => html`<li><a href="#${idOf(e.field)}" @click=${(ev: Event) => this.focusField(ev, e.field)}>${e.message}</a></li>`)}</ul>
    </div>`;
  }

  private focusField(event: Event, field: string) {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${idOf(field)}`);
    // A group (fieldset) cannot take focus: its chosen option, or its first one, does.
    const el = target?.tagName === 'FIELDSET'
      ? (target.querySelector<HTMLElement>('input:checked') ?? target.querySelector<HTMLElement>('input'))
      : target;
    el?.focus();
  }

  private label(path: string, required: boolean) {
    return html`${fieldLabel(path, this.language)}${required ? html`<span class="asterisk" aria-hidden="true"> *</span><span class="visually-hidden"> (${this.t.required})</span>` : nothing}`;
  }

  private errorLine(path: string) {
    const message = this.errorFor(path);
    return message ? html`<p class="error" id=${errorIdOf(path)}>${message}</p>` : nothing;
  }

  private describedBy(path: string, ...others: string[]) {
    return [...others, this.errorFor(path) ? errorIdOf(path) : ''].filter(Boolean).join(' ') || nothing;
  }

  private textField(path: string, options: { required?: boolean; max?: number; multiline?: boolean; type?: string; autocomplete?: string; hint?: string } = {}) {
    const { required = true, max, multiline = false, type = 'text', autocomplete = 'off', hint } = options;
    const id = idOf(path);
    const hintId = `${id}-hint`;
    const value = (get(this.data, path) as string) ?? '';
    const invalid = !!this.errorFor(path);
    const hints = [hint, max ? this.t.maxChars(max) : undefined].filter(Boolean).join(' ');
    const onInput = (e: Event) => this.set(path, (e.target as HTMLInputElement).value);
    const counterId = `${id}-counter`;
    return html`<div class="field ${invalid ? 'invalid' : ''}">
      <label for=${id}>${this.label(path, required)}${hints ? html`<span class="hint" id=${hintId}>${hints}</span>` : nothing}</label>
      ${multiline
        ? html`<textarea id=${id} .value=${value} aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.describedBy(path, counterId)} @input=${(e: Event) => { onInput(e); this.announceCounter((e.target as HTMLTextAreaElement).value, max ?? 0); }}></textarea>
            ${max ? this.renderCounter(value, max, counterId) : nothing}`
        : html`<input id=${id} type=${type} .value=${value} autocomplete=${autocomplete} aria-required=${required ? 'true' : 'false'}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${this.describedBy(path)} @input=${onInput}>`}
      ${this.errorLine(path)}
    </div>`;
  }

  private renderCounter(value: string, max: number, id: string) {
    const n = visibleLength(value);
    return html`<p class="counter ${n > max ? 'over' : ''}" id=${id}>${this.t.counter(n, max)}</p>`;
  }

  /** One polite announcement when the count crosses a threshold near the limit, not at every keystroke. */
  private announceCounter(value: string, max: number) {
    const left = max - visibleLength(value);
    const bucket = left < 0 ? 'over' : left === 0 ? '0' : left <= 10 ? '10' : left <= 50 ? '50' : left <= 100 ? '100' : '';
    if (bucket === this.lastCounterBucket) return;
    this.lastCounterBucket = bucket;
    this.counterAnnouncement = bucket === '' ? '' : left < 0 ? this.t.counterOver(-left) : this.t.counterNear(left);
  }

  private choiceGroup(path: string, list: ListName, options: { multiple: boolean; hint?: string }) {
    const { multiple, hint } = options;
    const other = OTHER_OF[path];
    const selected = get(this.data, path) as string[] | string;
    const isChecked = (code: string) => (multiple ? (selected as string[]).includes(code) : selected === code);
    const invalid = !!this.errorFor(path);
    const groupId = idOf(path);
    const hasOther = isChecked(OTHER);
    return html`<fieldset class=${invalid ? 'invalid' : ''} id=${groupId} data-group=${path} aria-describedby=${this.describedBy(path)} role="group">
      <legend>${this.label(path, true)}${hint ? html`<span class="hint">${hint}</span>` : nothing}</legend>
      <div class="choices">
        ${taxonomy[list].map((term) => {
          const id = `${groupId}-${term.code}`;
          return html`<div class="choice">
            <input type=${multiple ? 'checkbox' : 'radio'} id=${id} name=${path} .value=${term.code} .checked=${isChecked(term.code)}
              aria-invalid=${invalid ? 'true' : 'false'} @change=${(e: Event) => this.toggle(path, term.code, (e.target as HTMLInputElement).checked, multiple)}>
            <label for=${id}>${term.label}</label>
          </div>`;
        })}
      </div>
      ${this.errorLine(path)}
      ${other && hasOther ? html`<div class="other">${this.textField(other, { max: LIMITS.other })}</div>` : nothing}
    </fieldset>`;
  }

  private checkbox(path: string, label?: string) {
    const id = idOf(path);
    const invalid = !!this.errorFor(path);
    return html`<div class="field ${invalid ? 'invalid' : ''}">
      <div class="choice">
        <input type="checkbox" id=${id} .checked=${get(this.data, path) === true} aria-required="true" aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.describedBy(path)} @change=${(e: Event) => this.set(path, (e.target as HTMLInputElement).checked)}>
        <label for=${id}>${label ?? fieldLabel(path, this.language)}<span class="asterisk" aria-hidden="true"> *</span></label>
      </div>
      ${this.errorLine(path)}
    </div>`;
  }

  private renderConditions() {
    const t = this.t;
    return html`${t.conditionsIntro.map((p) => html`<p>${p}</p>`)}
      <ul>${t.conditionsItems.map((item) => html`<li>${item}</li>`)}</ul>
      <fieldset>
        <legend>${t.conditionsLegend}<span class="asterisk" aria-hidden="true"> *</span></legend>
        ${this.checkbox('conditionsAccepted')}
      </fieldset>`;
  }

  private renderPractice() {
    const t = this.t;
    return html`
      ${this.textField('implementationDate', { hint: t.dateHint })}
      ${this.textField('entityName', { max: LIMITS.entityName, autocomplete: 'organization' })}
      ${this.textField('title', { max: LIMITS.title })}
      ${this.textField('description', { max: LIMITS.description, multiline: true })}
      ${this.choiceGroup('scale', 'scales', { multiple: false })}
      ${this.choiceGroup('interventionTypes', 'interventionTypes', { multiple: true })}
      ${this.choiceGroup('themes', 'themes', { multiple: true })}
      ${this.choiceGroup('audiences', 'audiences', { multiple: true })}
      ${this.choiceGroup('relay', 'relays', { multiple: false })}`;
  }

  private renderLocation() {
    const t = this.t;
    const rule = LOCATION_RULES[this.data.scale];
    if (!rule) {
      return html`<p class="notice">${fieldLabel('scale', this.language)}\u00a0: ${t.notGiven}.
        <button type="button" class="link" @click=${() => this.goTo(1)}>${t.edit}</button></p>`;
    }
    if (rule.regions === 'none' && rule.departments === 'none') return html`<p class="notice">${t.nationalNote}</p>`;
    return html`${rule.regions === 'many' ? this.regionPicker() : nothing}
      ${rule.departments === 'none' ? nothing : this.departmentPicker(rule.departments === 'many')}
      ${rule.locality === 'required' ? this.textField('location.locality', { max: LIMITS.locality, hint: t.localityHint }) : nothing}`;
  }

  private regionPicker() {
    const path = 'location.regions';
    const invalid = !!this.errorFor(path);
    const selected = this.data.location.regions;
    return html`<fieldset class=${invalid ? 'invalid' : ''} id=${idOf(path)} data-group=${path} role="group" aria-describedby=${this.describedBy(path)}>
      <legend>${this.label(path, true)}</legend>
      <div class="choices">${taxonomy.regions.map((r) => {
        const id = `${idOf(path)}-${r.code}`;
        return html`<div class="choice"><input type="checkbox" id=${id} .checked=${selected.includes(r.code)} aria-invalid=${invalid ? 'true' : 'false'}
          @change=${(e: Event) => this.toggle(path, r.code, (e.target as HTMLInputElement).checked, true)}><label for=${id}>${r.label}</label></div>`;
      })}</div>
      ${this.errorLine(path)}
    </fieldset>`;
  }

  private departmentPicker(multiple: boolean) {
    const t = this.t;
    const path = 'location.departments';
    const invalid = !!this.errorFor(path);
    const selected = this.data.location.departments;
    const matches = findDepartments(this.departmentQuery);
    // What is chosen stays visible whatever the search.
    const shown = [...selected.map((c) => getDepartment(c)).filter((d) => d !== undefined && !matches.includes(d)), ...matches];
    const searchId = `${idOf(path)}-search`;
    return html`<fieldset class=${invalid ? 'invalid' : ''} id=${idOf(path)} data-group=${path} role="group" aria-describedby=${this.describedBy(path, `${searchId}-count`)}>
      <legend>${this.label(path, true)}</legend>
      <div class="field">
        <label for=${searchId}>${t.departmentSearch}<span class="hint" id="${searchId}-hint">${t.departmentSearchHint}</span></label>
        <input type="search" id=${searchId} .value=${this.departmentQuery} aria-describedby="${searchId}-count" autocomplete="off"
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') e.preventDefault(); /* searching, not sending the step */ }}
          @input=${(e: Event) => { this.departmentQuery = (e.target as HTMLInputElement).value; }}>
        <p class="hint" id="${searchId}-count" aria-live="polite">${this.departmentQuery ? `${t.found(matches.length)} ` : ''}${t.selected(selected.length)}${selected.length ? ` : ${selected.map((c) => getDepartment(c)?.label ?? c).join(', ')}` : ''}</p>
      </div>
      <div class="scroll">${shown.map((d) => {
        const id = `${idOf(path)}-${d!.code}`;
        // A single choice shows none checked while several are stored (coming from another scale), so any click clears the error.
        const checked = multiple ? selected.includes(d!.code) : selected.length === 1 && selected[0] === d!.code;
        return html`<div class="choice"><input type=${multiple ? 'checkbox' : 'radio'} name=${path} id=${id} .checked=${checked} aria-invalid=${invalid ? 'true' : 'false'}
          @change=${(e: Event) => (multiple ? this.toggle(path, d!.code, (e.target as HTMLInputElement).checked, true) : this.set(path, [d!.code]))}>
          <label for=${id}>${d!.code} — ${d!.label}</label></div>`;
      })}</div>
      ${this.errorLine(path)}
    </fieldset>`;
  }

  private renderContact() {
    const t = this.t;
    return html`
      <h3>${fieldLabel('departmentAgreement', this.language)}</h3>
      ${this.checkbox('departmentAgreement.obtained')}
      ${this.textField('departmentAgreement.representative', { max: LIMITS.representative, hint: t.agreementHint })}
      <h3>${fieldLabel('declarant', this.language)}</h3>
      <p class="hint">${t.contactHint}</p>
      <div class="privacy"><slot name="privacy-notice"></slot></div>
      ${this.textField('declarant.name', { max: LIMITS.name, autocomplete: 'name' })}
      ${this.textField('declarant.email', { type: 'email', autocomplete: 'email' })}
      ${this.textField('declarant.phone', { type: 'tel', autocomplete: 'tel', required: false })}
      ${this.checkbox('declarant.accuracyCertified')}`;
  }

  private renderRecap() {
    const t = this.t;
    const lang = this.language;
    const value = validateDeclaration(this.toInput(), this.ruleOptions);
    const d = value.ok ? value.value : undefined;
    const list = (name: ListName, codes: readonly string[], other?: string) =>
      codes.map((c) => (c === OTHER && other ? `${labelOf(name, c)} (${other})` : labelOf(name, c))).join(', ');
    const row = (path: string, text: string | undefined) => html`<dt>${fieldLabel(path, lang)}</dt><dd>${text || t.notGiven}</dd>`;
    const section = (step: number, rows: TemplateResult) => html`<section class="recap-section" aria-labelledby="recap-${step}">
      <header><h3 id="recap-${step}">${t.steps[step]}</h3>
        <button type="button" class="link" @click=${() => this.goTo(step)}>${t.edit}<span class="visually-hidden"> : ${t.steps[step]}</span></button></header>
      <dl>${rows}</dl></section>`;
    const src = d ?? (this.toInput() as unknown as DeclarationDraft);
    const loc = src.location;
    const rule = LOCATION_RULES[src.scale];
    return html`<p>${t.recapIntro}</p>
      ${section(0, row('conditionsAccepted', src.conditionsAccepted ? t.yes : undefined))}
      ${section(1, html`${row('implementationDate', d ? formatDateFr(d.implementationDate) : src.implementationDate)}${row('entityName', src.entityName)}${row('title', src.title)}
        ${row('description', src.description)}${row('scale', src.scale ? labelOf('scales', src.scale) : '')}
        ${row('interventionTypes', list('interventionTypes', src.interventionTypes, src.interventionTypeOther))}
        ${row('themes', list('themes', src.themes, src.themeOther))}${row('audiences', list('audiences', src.audiences, src.audienceOther))}
        ${row('relay', src.relay ? list('relays', [src.relay], src.relayOther) : '')}`)}
      ${section(2, html`${rule?.regions === 'many' ? row('location.regions', loc.regions.map((c) => getRegion(c)?.label ?? c).join(', ')) : nothing}
        ${rule && rule.departments !== 'none' ? row('location.departments', loc.departments.map((c) => getDepartment(c)?.label ?? c).join(', ')) : nothing}
        ${rule?.locality === 'required' ? row('location.locality', loc.locality) : nothing}
        ${src.scale === 'nationale' ? row('location', t.nationalNote.split(':')[0]!.trim()) : nothing}`)}
      ${section(3, html`${row('departmentAgreement.obtained', src.departmentAgreement.obtained ? t.yes : t.no)}${row('departmentAgreement.representative', src.departmentAgreement.representative)}
        ${row('declarant.name', src.declarant.name)}${row('declarant.email', src.declarant.email)}${row('declarant.phone', src.declarant.phone)}
        ${row('declarant.accuracyCertified', src.declarant.accuracyCertified ? t.yes : t.no)}`)}`;
  }
}
