// <pi-review-board>: the selection committee's and the editor's board. Every rule is asked of the domain (allowedEvents, explain).
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Actor, Declaration, Fiche, HistoryEntry, OpinionValue, Practice, ReviewState, Role } from '../../src/model.js';
import { EVENT_RULES, MAX_COMMENT_LENGTH, OPINIONS, type ReviewCommand, type ReviewEventType } from '../../src/review/events.js';
import { EVENT_LABELS, OPINION_LABELS, STATE_LABELS } from '../../src/review/labels.js';
import { allowedEvents, explainRefusal, pendingEvents, reviewContextOf, type AllowedEvent } from '../../src/review/review.js';
import { declarationChanges } from '../../src/schema/changes.js';
import { formatDateFr } from '../../src/schema/dates.js';
import { fieldLabel, type Lang } from '../../src/schema/messages.js';
import { labelOf, type AnyListName } from '../../src/taxonomy/taxonomy.js';
import { OTHER } from '../../src/taxonomy/lists.js';
import { isPracticeStoreError } from '../../src/store/errors.js';
import { createHttpStore } from '../../src/store/http.js';
import type { Campaign } from '../../src/store/campaigns.js';
import type { ListQuery, ListResult, PracticeStore } from '../../src/store/port.js';
import { isCommittee } from '../../src/store/views.js';
import { ReviewActionEvent } from '../events.js';
import { clearDraft, draftKey, draftsOn, emptyInput, hasContent, readDraft, writeDraft, type ActionInput, type Attempt } from './drafts.js';
import { styles } from './review-board.styles.js';
import { LangController } from '../shared/lang.js';
import { BOARD_STRINGS, type BoardStrings } from './strings.js';

/** The committee's queues by state, in the order a practice goes through them. */
export const STATE_QUEUES = ['submitted', 'inReview', 'complementsRequested', 'accepted', 'published', 'rejected', 'withdrawn', 'merged'] as const satisfies readonly ReviewState[];
/** A queue of the board: a state, or one of the two work lists. */
export type QueueKey = (typeof STATE_QUEUES)[number] | 'awaitingMyOpinion' | 'awaitingDecision';
const QUEUE_KEYS: readonly QueueKey[] = [...STATE_QUEUES, 'awaitingMyOpinion', 'awaitingDecision'];

/** Where each role starts: the work it is most often there for. */
const DEFAULT_QUEUE: Readonly<Record<Role, QueueKey>> = { reviewer: 'awaitingMyOpinion', chair: 'submitted', editor: 'accepted', declarant: 'submitted' };
const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' };
const MERGE_CANDIDATES_LIMIT = 500;
const MERGE_SHOWN = 20;

type InputField = 'comment' | 'opinion' | 'into';
type Notice = { kind: 'done' | 'already' | 'restored'; text: string };
/**
 * Who the server says the token is, for one endpoint and token. `unknown`: a server without
 * `GET /me`, where the page's `actor` is taken as before.
 */
type Identity = { key: string; status: 'loading' | 'ready' | 'refused' | 'error' | 'unknown'; actor?: Actor; message?: string };
interface Conflict {
  fromVersion: number;
  toVersion: number;
  fromState: ReviewState;
  toState: ReviewState;
  entries: HistoryEntry[];
  /** The action the person was writing, when the new state no longer allows it. */
  gone?: { label: string; text: string };
}

/** Reads `actor` from a property (an object) or an attribute (JSON); anything unreadable is no actor. */
export function parseActor(value: unknown): Actor | undefined {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (!v || typeof v !== 'object') return undefined;
  const { id, role, name } = v as Record<string, unknown>;
  if (typeof id !== 'string' || !id.trim() || typeof role !== 'string') return undefined;
  return { id, role: role as Role, ...(typeof name === 'string' && name.trim() ? { name } : {}) };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const clampPageSize = (n: number) => Math.min(100, Math.max(1, Math.trunc(n) || 20));

/**
 * The selection committee's and the editor's board: queues by state with counts, a practice's
 * full view with its history and opinions, the actions the review machine allows with the fields
 * each requires, what the complements changed, and conflicts handled when two members act at once.
 * What a member types is kept in this browser until the store confirms it.
 *
 * @summary Review, decide on and publish the declared practices.
 * @tagname pi-review-board
 * @fires pi-review-event - `ReviewActionEvent`: the store accepted an action (`detail.practiceId`, `detail.type`, `detail.practice`).
 * @csspart board - The board's outer box.
 * @csspart queues - The list of queues.
 * @csspart queue-button - Each queue's button (also `button`).
 * @csspart list - The practices of the chosen queue.
 * @csspart item - One practice in the list.
 * @csspart practice - The open practice.
 * @csspart changes - The side-by-side table of what the complements changed.
 * @csspart history - The practice's history.
 * @csspart opinions - The opinions of the current round.
 * @csspart actions - The actions box.
 * @csspart action-form - The form of the chosen action.
 * @csspart conflict - What changed when another member acted at the same time.
 * @csspart notice - The confirmation of an action.
 * @csspart alert - A refusal or failure.
 * @csspart button - Every button.
 * @csspart button-primary - The button that confirms an action.
 * @csspart campaign-filter - The campaign filter under the queues.
 * @csspart select - The campaign filter's list.
 * @csspart campaigns - The campaigns' view (or the organiser's view of their campaign).
 * @csspart campaigns-table - The table of each campaign's counts.
 * @cssprop --pi-font-family - Font (the system's sans-serif).
 * @cssprop --pi-text - Text colour (#161616).
 * @cssprop --pi-text-muted - Secondary text (#3a3a3a).
 * @cssprop --pi-background - Background (#ffffff).
 * @cssprop --pi-background-alt - Notices, state badges, table heads (#f6f6f6).
 * @cssprop --pi-input-background - Background of inputs (#eeeeee).
 * @cssprop --pi-border - Borders (#929292).
 * @cssprop --pi-primary - Buttons, links, chosen queue (#000091).
 * @cssprop --pi-primary-hover - Primary button on hover (#1212ff).
 * @cssprop --pi-on-primary - Text on primary (#ffffff).
 * @cssprop --pi-error - Errors (#ce0500).
 * @cssprop --pi-success - Confirmation (#18753c).
 * @cssprop --pi-focus - Focus ring (#0a76f6).
 * @cssprop --pi-radius - Corner radius (0.25em).
 * @cssprop --pi-space - Base spacing (1em).
 */
export class PiReviewBoard extends LitElement {
  static override styles = styles;

  /** Any store of the domain (memory, browser, HTTP); takes precedence over `endpoint`. */
  @property({ attribute: false }) store?: PracticeStore;
  /** Base URL of the reference server; used with `token` when no `store` is set. */
  @property() endpoint?: string;
  /** Bearer token of the committee member or editor, sent to `endpoint`. */
  @property() token?: string;
  /**
   * Who uses the board: `{ id, role: 'reviewer' | 'chair' | 'editor', name? }`; as an attribute, JSON.
   * It chooses which actions are offered. Required with `store`; optional with `endpoint` and `token`,
   * where the board asks the server who the token is (`GET /me`) and follows its answer, saying so
   * when this attribute disagrees.
   */
  @property({ converter: { fromAttribute: (v: string | null) => parseActor(v) } }) actor?: Actor;
  /**
   * Language: `fr`, `en` or `de`. Without it, the page's: the closest `lang` attribute around the element
   * (`<html lang="en">`), followed when it changes; French when that is none of the three.
   */
  @property() override lang = '';
  private readonly langController = new LangController(this, () => this.lang);
  /** Practices per page of a queue (1 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** The queue shown first (a state such as `inReview`, or `awaitingMyOpinion`, `awaitingDecision`); by default the role's usual one. */
  @property() queue?: QueueKey;
  /** Id of a practice to open at once (a link from a notification). */
  @property({ attribute: 'practice' }) practiceId?: string;
  /**
   * The declaration form's page, to build the campaigns' invitation links (`?invitation=…` is added);
   * without it the links show the token as a query string to add to that page.
   */
  @property({ attribute: 'form-url' }) formUrl?: string;
  /** The organiser's view: the id of their campaign, with `campaign-token`. The board then shows that campaign only. */
  @property({ attribute: 'campaign' }) campaignId?: string;
  /** The organiser's secret campaign link token, which goes with `campaign`. */
  @property({ attribute: 'campaign-token' }) campaignToken?: string;
  /** Opt-in: read `campagne` and `jeton` from the page's address for the organiser's view (like the form's `follow-up-from-url`). */
  @property({ type: Boolean, attribute: 'campaign-from-url' }) campaignFromUrl = false;

  @state() private current: QueueKey = 'submitted';
  @state() private view: 'queues' | 'campaigns' = 'queues';
  @state() private campaigns?: Campaign[];
  @state() private campaignFilter = '';
  @state() private organiserCampaign?: Campaign;
  @state() private organiserStatus: 'loading' | 'ready' | 'not-found' | 'error' = 'loading';
  @state() private page = 1;
  @state() private list?: ListResult;
  @state() private workTotals: Partial<Record<'awaitingMyOpinion' | 'awaitingDecision', number>> = {};
  @state() private listStatus: 'loading' | 'ready' | 'error' = 'loading';
  @state() private listError = '';
  @state() private storageFailed = false;
  @state() private opened?: Practice;
  @state() private openStatus: 'closed' | 'loading' | 'ready' | 'not-found' | 'error' = 'closed';
  @state() private action?: ReviewEventType;
  @state() private input: ActionInput = emptyInput();
  @state() private refusal?: { message: string; field?: InputField };
  @state() private sending = false;
  @state() private sendError?: { message: string; retryable: boolean };
  @state() private notice?: Notice;
  @state() private conflict?: Conflict;
  @state() private announcement = '';
  @state() private intoQuery = '';
  @state() private intoPool?: Practice[];
  @state() private references: Record<string, string> = {};
  @state() private identity?: Identity;
  private identityTicket = 0;
  private openingId?: string;
  private resolved?: { key: string; store: PracticeStore };
  private listTicket = 0;
  private openTicket = 0;
  private focusTarget?: string;
  private startedAs?: string;

  private get t(): BoardStrings {
    return BOARD_STRINGS[this.language];
  }

  private get language(): Lang {
    return this.langController.lang;
  }

  /** True when the server says who uses the board: `endpoint` and `token`, no `store`. */
  private get asksServer(): boolean {
    return !this.store && !!this.endpoint && !!this.token;
  }

  private get credential(): string {
    return `${this.endpoint}\u0000${this.token ?? ''}`;
  }

  private get who(): Actor | undefined {
    if (!this.asksServer) return parseActor(this.actor);
    const identity = this.identity;
    if (identity?.key !== this.credential) return undefined;
    if (identity.status === 'unknown') return parseActor(this.actor);
    return identity.status === 'ready' ? identity.actor : undefined;
  }

  /** The store in use: the `store` property, or an HTTP store for `endpoint` and `token`, made once per pair. */
  private get source(): PracticeStore | undefined {
    if (this.store) return this.store;
    if (!this.endpoint) return undefined;
    const key = this.credential;
    if (this.resolved?.key !== key) this.resolved = { key, store: createHttpStore(this.endpoint, this.token ? { token: this.token } : {}) };
    return this.resolved.store;
  }

  /** Asks the server who the token is; the token decides what the server allows, so the board follows it rather than the page. */
  private async loadIdentity(again = false): Promise<void> {
    const store = this.source;
    if (!this.asksServer || !store) {
      this.identity = undefined;
      return;
    }
    const key = this.credential;
    if (!again && this.identity?.key === key && this.identity.status !== 'error') return;
    const ticket = ++this.identityTicket;
    this.identity = { key, status: 'loading' };
    try {
      const actor = store.whoAmI ? await store.whoAmI() : undefined;
      if (ticket !== this.identityTicket) return;
      this.identity = actor ? { key, status: 'ready', actor } : { key, status: 'unknown' };
      // Said once, when the answer arrives; the notice stays visible while the page disagrees.
      const m = this.mismatch();
      if (m) this.announce(this.t.actorMismatch(this.actorName(m.given), this.actorName(m.server)));
    } catch (e) {
      if (ticket !== this.identityTicket) return;
      const code = isPracticeStoreError(e) ? e.code : undefined;
      // A wrong or revoked token is refused here once, rather than as an empty board.
      if (code === 'forbidden') this.identity = { key, status: 'refused' };
      // A server without GET /me: the page's actor, as before it existed.
      else if (code === 'not-found') this.identity = { key, status: 'unknown' };
      else this.identity = { key, status: 'error', message: isPracticeStoreError(e) ? e.message : '' };
    }
  }

  /** The page's actor when it disagrees (id or role) with the server's answer for the token. */
  private mismatch(): { given: Actor; server: Actor } | undefined {
    const identity = this.identity;
    if (!this.asksServer || identity?.status !== 'ready' || identity.key !== this.credential || !identity.actor) return undefined;
    const given = parseActor(this.actor);
    if (!given || (given.id === identity.actor.id && given.role === identity.actor.role)) return undefined;
    return { given, server: identity.actor };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') || changed.has('endpoint') || changed.has('token')) void this.loadIdentity();
    // The server's answer arriving (or another token's) is another member taking the seat.
    const seated = (changed as Map<PropertyKey, unknown>).has('identity');
    const who = this.who;
    // A first actor, or another member taking the seat (a demo's role switcher): the queue that fits them.
    if (who && this.startedAs !== `${who.id}\u0000${who.role}`) {
      this.startedAs = `${who.id}\u0000${who.role}`;
      this.current = this.queue && QUEUE_KEYS.includes(this.queue) ? this.queue : DEFAULT_QUEUE[who.role] ?? 'submitted';
      this.page = 1;
    } else if (changed.has('queue') && this.queue && QUEUE_KEYS.includes(this.queue)) {
      this.current = this.queue;
      this.page = 1;
    }
    if (changed.has('store') || changed.has('endpoint') || changed.has('campaignId') || changed.has('campaignToken') || changed.has('campaignFromUrl')) {
      if (this.organiserLink()) void this.loadOrganiserCampaign();
    }
    if (changed.has('store') || changed.has('endpoint') || changed.has('token') || changed.has('actor') || seated) void this.loadCampaigns();
    if (changed.has('store') || changed.has('endpoint') || changed.has('token') || changed.has('actor') || seated || changed.has('queue') || changed.has('pageSize')) {
      void this.loadList();
      if (this.opened && (changed.has('store') || changed.has('endpoint') || changed.has('actor') || seated)) void this.openPractice(this.opened.id);
    }
    if ((changed.has('practiceId') || seated) && this.practiceId && this.practiceId !== this.opened?.id) void this.openPractice(this.practiceId);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = undefined;
    const [first, fallback] = target.split('||');
    const el = this.renderRoot.querySelector<HTMLElement>(first!) ?? (fallback ? this.renderRoot.querySelector<HTMLElement>(fallback) : null);
    el?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Queues
  // ---------------------------------------------------------------------------------------------

  private queueQuery(key: QueueKey, actor: Actor): ListQuery {
    if (key === 'awaitingMyOpinion') return { awaitingOpinionOf: actor.id };
    if (key === 'awaitingDecision') return { awaitingDecision: true };
    return { states: [key] };
  }

  /** True when the domain lets this role give opinions: only then is "awaiting my opinion" a queue of theirs. */
  private givesOpinions(actor: Actor) {
    return EVENT_RULES.GIVE_OPINION.roles.includes(actor.role);
  }

  private queueLabel(key: QueueKey): string {
    if (key === 'awaitingMyOpinion') return this.t.awaitingMine;
    if (key === 'awaitingDecision') return this.t.awaitingDecision;
    return STATE_LABELS[this.language][key];
  }

  private queueCount(key: QueueKey): number | undefined {
    if (key === 'awaitingMyOpinion' || key === 'awaitingDecision') return this.workTotals[key];
    return this.list?.counts[key];
  }

  /** Loads the page of the current queue, with the counts of every queue. */
  async loadList(options: { announce?: boolean } = {}): Promise<void> {
    const store = this.source;
    const actor = this.who;
    if (!store || !actor || !isCommittee(actor)) return;
    const ticket = ++this.listTicket;
    const size = clampPageSize(this.pageSize);
    const key = this.current;
    if (!this.list) this.listStatus = 'loading';
    try {
      const page = { offset: (this.page - 1) * size, limit: size };
      const scope: ListQuery = this.campaignFilter ? { campaign: this.campaignFilter } : {};
      const work = (q: ListQuery) => store.list({ ...q, ...scope, limit: 1 }, { actor }).then((r) => r.total);
      const [result, mine, decision] = await Promise.all([
        store.list({ ...this.queueQuery(key, actor), ...scope, ...page }, { actor }),
        key === 'awaitingMyOpinion' || !this.givesOpinions(actor) ? Promise.resolve(undefined) : work(this.queueQuery('awaitingMyOpinion', actor)),
        key === 'awaitingDecision' ? Promise.resolve(undefined) : work(this.queueQuery('awaitingDecision', actor)),
      ]);
      // A newer choice of queue or page already asked: its answer wins.
      if (ticket !== this.listTicket) return;
      // Asked now, after the wait: the focus may have been put on an item meanwhile (coming back from a practice).
      const hadFocusInList = this.listHasFocus();
      const pages = Math.max(1, Math.ceil(result.total / size));
      if (this.page > pages) {
        // The last page emptied (its practices moved on): show the new last one.
        this.page = pages;
        return this.loadList(options);
      }
      this.list = result;
      this.workTotals = {
        ...(this.givesOpinions(actor) ? { awaitingMyOpinion: key === 'awaitingMyOpinion' ? result.total : mine } : {}),
        awaitingDecision: key === 'awaitingDecision' ? result.total : decision,
      };
      for (const p of result.items) this.rememberReference(p);
      this.listStatus = 'ready';
      if (options.announce) this.announce(this.t.queueAnnounce(this.queueLabel(key), result.total));
      // The practice one came back to may have left the queue: focus goes to the queue's heading, not to the page's top.
      if (hadFocusInList && !this.opened) {
        await this.updateComplete;
        if (!this.listHasFocus()) this.focusNow('#queue-title');
      }
    } catch (e) {
      if (ticket !== this.listTicket) return;
      this.listStatus = 'error';
      this.listError = isPracticeStoreError(e) ? e.message : '';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Campaigns
  // ---------------------------------------------------------------------------------------------

  /** The campaigns and their counts, when the store keeps campaigns; the board works without them. */
  private async loadCampaigns() {
    const store = this.source;
    const actor = this.who;
    if (!store?.listCampaigns || !actor || !isCommittee(actor)) {
      this.campaigns = undefined;
      return;
    }
    try {
      this.campaigns = await store.listCampaigns({ actor });
    } catch {
      // The queues still work; the campaigns' view says nothing rather than something wrong.
      this.campaigns = undefined;
    }
  }

  /** The organiser's campaign id and secret token, from the attributes or (opt-in) the page's address. */
  private organiserLink(): { id: string; token: string } | undefined {
    if (this.campaignId && this.campaignToken) return { id: this.campaignId, token: this.campaignToken };
    if (!this.campaignFromUrl || !globalThis.location) return undefined;
    const params = new URL(globalThis.location.href).searchParams;
    const id = params.get('campagne');
    const token = params.get('jeton');
    return id && token ? { id, token } : undefined;
  }

  private async loadOrganiserCampaign() {
    const link = this.organiserLink();
    const store = this.source;
    if (!link || !store?.getCampaign) return;
    this.organiserStatus = 'loading';
    try {
      // The organiser's link works like the declarant's: the token is the only credential.
      const c = await store.getCampaign(link.id, { actor: { id: 'organiser', role: 'declarant', token: link.token } });
      this.organiserCampaign = c;
      this.organiserStatus = c ? 'ready' : 'not-found';
    } catch {
      this.organiserStatus = 'error';
    }
  }

  private showCampaigns() {
    if (this.opened || this.openStatus !== 'closed') this.closePractice(false);
    this.view = 'campaigns';
    this.focusTarget = '#campaigns-title';
    void this.loadCampaigns();
  }

  private filterByCampaign(id: string) {
    this.campaignFilter = id;
    this.view = 'queues';
    this.page = 1;
    this.list = this.list ? { ...this.list, items: [] } : undefined;
    this.listStatus = 'loading';
    if (this.opened || this.openStatus !== 'closed') this.closePractice(false);
    void this.loadList({ announce: true });
  }

  private invitationLink(token: string): string {
    if (!this.formUrl) return `?invitation=${token}`;
    return `${this.formUrl}${this.formUrl.includes('?') ? '&' : '?'}invitation=${encodeURIComponent(token)}`;
  }

  /** The organiser's link: this page, with the campaign and its secret token (what `campaign-from-url` reads). */
  private organiserUrl(c: Campaign): string | undefined {
    if (!c.organiserToken || !globalThis.location) return undefined;
    const url = new URL(globalThis.location.href);
    url.search = '';
    url.hash = '';
    url.searchParams.set('campagne', c.id);
    url.searchParams.set('jeton', c.organiserToken);
    return url.href;
  }

  private async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.announce(this.t.campaigns.copied);
    } catch {
      // Without clipboard access the link stays visible and selectable.
    }
  }

  private renderCampaignFilter() {
    const t = this.t.campaigns;
    if (!this.campaigns?.length) return nothing;
    return html`<div class="campaign-filter" part="campaign-filter">
      <label for="campaign-filter">${t.filter}</label>
      <select id="campaign-filter" part="select" .value=${this.campaignFilter} @change=${(e: Event) => this.filterByCampaign((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.campaignFilter}>${t.all}</option>
        ${this.campaigns.map((c) => html`<option value=${c.id} ?selected=${this.campaignFilter === c.id}>${c.name}</option>`)}
      </select>
    </div>`;
  }

  private renderCampaignsView(): TemplateResult {
    const t = this.t.campaigns;
    const list = this.campaigns ?? [];
    return html`<section class="campaigns" part="campaigns" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title" tabindex="-1">${t.title}</h2>
      ${list.length === 0 ? html`<p>${t.none}</p>` : html`
        <div class="table-wrap" part="campaigns-table" tabindex="0" role="region" aria-label=${`${t.title} : ${t.received}, ${t.inReview}, ${t.published}`}>
          <table>
            <caption class="visually-hidden">${t.title}</caption>
            <thead><tr><th scope="col">${t.filter}</th><th scope="col">${t.organiser}</th><th scope="col">${t.status}</th>
              <th scope="col" class="num">${t.received}</th><th scope="col" class="num">${t.inReview}</th><th scope="col" class="num">${t.published}</th></tr></thead>
            <tbody>${list.map((c) => html`<tr>
              <th scope="row">${c.name}</th>
              <td>${c.organiser.name} <span class="meta">(${t.kinds[c.organiser.kind]})</span></td>
              <td>${c.status === 'open' ? t.open : t.closed}</td>
              <td class="num">${c.counts.received}</td><td class="num">${c.counts.inReview}</td><td class="num">${c.counts.published}</td>
            </tr>`)}</tbody>
          </table>
        </div>
        ${list.map((c) => this.renderCampaignLinks(c, true))}`}
    </section>`;
  }

  /** A campaign's invitation links (and, for the editor, the organiser's), each with a copy button. */
  private renderCampaignLinks(c: Campaign, committee: boolean) {
    const t = this.t.campaigns;
    const organiser = committee ? this.organiserUrl(c) : undefined;
    const headingId = `links-${c.id}`;
    return html`<section class="campaign" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${t.links(c.name)}</h3>
      <ul class="links">
        ${c.invitations.map((i) => {
          const link = this.invitationLink(i.token);
          return html`<li><span class="who">${i.partner ?? t.generic}</span>
            <code class="link-text">${link}</code>
            <button type="button" part="button" aria-label=${`${t.copy} : ${i.partner ?? t.generic}`} @click=${() => void this.copy(link)}>${t.copy}</button></li>`;
        })}
        ${organiser ? html`<li><span class="who">${t.organiserLink}</span> <code class="link-text">${organiser}</code>
          <button type="button" part="button" aria-label=${`${t.copy} : ${t.organiserLink}`} @click=${() => void this.copy(organiser)}>${t.copy}</button></li>` : nothing}
      </ul>
      ${committee ? html`<button type="button" part="button" class="link" @click=${() => this.filterByCampaign(c.id)}>${t.showPractices}<span class="visually-hidden"> : ${c.name}</span></button>` : nothing}
    </section>`;
  }

  /** What the organiser sees through their secret link: their campaign's links and counts, nothing of the committee's. */
  private renderOrganiserView(): TemplateResult {
    const t = this.t;
    const c = this.organiserCampaign;
    if (this.organiserStatus === 'loading') return html`<p>${t.loading}</p>`;
    if (!c) return html`<p class="notice" role="alert">${this.organiserStatus === 'error' ? t.loadError : t.campaigns.organiserNotFound}</p>`;
    return html`<section class="campaigns" part="campaigns" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title" tabindex="-1">${c.name}</h2>
      <p>${t.campaigns.organiserIntro}</p>
      <dl class="counts">
        <div><dt>${t.campaigns.status}</dt><dd>${c.status === 'open' ? t.campaigns.open : t.campaigns.closed}</dd></div>
        <div><dt>${t.campaigns.received}</dt><dd>${c.counts.received}</dd></div>
        <div><dt>${t.campaigns.inReview}</dt><dd>${c.counts.inReview}</dd></div>
        <div><dt>${t.campaigns.published}</dt><dd>${c.counts.published}</dd></div>
      </dl>
      ${this.renderCampaignLinks(c, false)}
    </section>`;
  }

  private listHasFocus() {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return !!active && !!active.closest('.queue');
  }

  private chooseQueue(key: QueueKey) {
    this.view = 'queues';
    this.current = key;
    this.page = 1;
    this.list = this.list ? { ...this.list, items: [] } : undefined;
    this.listStatus = 'loading';
    if (this.opened || this.openStatus !== 'closed') this.closePractice(false);
    void this.loadList({ announce: true });
  }

  private goToPage(page: number) {
    this.page = page;
    this.focusTarget = '#queue-title';
    void this.loadList({ announce: true });
  }

  // ---------------------------------------------------------------------------------------------
  // A practice
  // ---------------------------------------------------------------------------------------------

  /** Opens a practice by id: loads the committee's view, restores an unsent action, and focuses its heading. */
  async openPractice(id: string): Promise<void> {
    const store = this.source;
    const actor = this.who;
    if (!store || !actor) return;
    const ticket = ++this.openTicket;
    this.openingId = id;
    this.openStatus = 'loading';
    this.resetAction();
    this.notice = undefined;
    this.conflict = undefined;
    try {
      const p = (await store.get(id, { actor })) as Practice | undefined;
      if (ticket !== this.openTicket) return;
      if (!p || !('review' in p) || !('snapshot' in p.review)) {
        this.opened = undefined;
        this.openStatus = 'not-found';
        this.focusTarget = '#practice-title';
        return;
      }
      this.opened = p;
      this.openStatus = 'ready';
      this.rememberReference(p);
      void this.lookUpReferences(p);
      this.focusTarget = '#practice-title';
      this.resumeDraft(p, actor);
    } catch (e) {
      if (ticket !== this.openTicket) return;
      this.openStatus = 'error';
      this.sendError = { message: isPracticeStoreError(e) ? e.message : this.t.loadError, retryable: true };
      this.focusTarget = '#practice-title';
    }
  }

  /**
   * Brings back what this actor left unsent on the practice: an attempt that in fact landed is
   * recognised and cleared; otherwise the newest draft for an action still allowed is reopened.
   */
  private resumeDraft(p: Practice, actor: Actor) {
    const allowed = this.allowedFor(p, actor);
    for (const { type, key, draft } of draftsOn(actor.id, p.id)) {
      if (draft.attempt && this.landed(p, actor, type, draft, draft.attempt)) {
        clearDraft(key);
        this.notice = { kind: 'already', text: this.t.alreadyDone(this.eventLabel(type), STATE_LABELS[this.language][p.review.state]) };
        continue;
      }
      if (!this.action && hasContent(draft) && allowed.some((a) => a.type === type)) {
        this.action = type;
        this.input = { comment: draft.comment, opinion: draft.opinion, into: draft.into };
        if (type === 'MERGE') void this.loadMergeCandidates();
        this.notice ??= { kind: 'restored', text: this.t.restored(this.eventLabel(type)) };
      }
    }
  }

  /** Back to the list, focus on the practice one came from (or on the queue's heading if it left the queue). */
  private closePractice(focus = true) {
    const id = this.opened?.id ?? this.openingId;
    this.openTicket++;
    this.opened = undefined;
    this.openingId = undefined;
    this.openStatus = 'closed';
    this.resetAction();
    this.notice = undefined;
    this.conflict = undefined;
    this.sendError = undefined;
    if (focus) {
      this.focusTarget = id ? `.queue button[data-id="${CSS.escape(id)}"]||#queue-title` : '#queue-title';
      void this.loadList();
    }
  }

  private rememberReference(p: Practice) {
    if (this.references[p.id] !== p.reference) this.references = { ...this.references, [p.id]: p.reference };
  }

  /** The references of merge targets named in the history, so it reads "into PI-2026-000012", not an id. */
  private async lookUpReferences(p: Practice) {
    const store = this.source;
    const actor = this.who;
    if (!store || !actor) return;
    const missing = [...new Set(p.review.history.map((h) => h.into).filter((id): id is string => !!id && !this.references[id]))];
    for (const id of missing) {
      try {
        const target = (await store.get(id, { actor })) as Practice | undefined;
        if (target?.reference) this.rememberReference(target);
      } catch {
        /* the id is shown instead */
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Actions: offered from allowedEvents, checked with explain() before sending
  // ---------------------------------------------------------------------------------------------

  private allowedFor(p: Practice, actor: Actor): AllowedEvent[] {
    return allowedEvents(p.review.snapshot, actor, this.language);
  }

  private eventLabel(type: string): string {
    return EVENT_LABELS[this.language][type as ReviewEventType] ?? type;
  }

  private get draftKeyNow(): string | undefined {
    const actor = this.who;
    return actor && this.opened && this.action ? draftKey(actor.id, this.opened.id, this.action) : undefined;
  }

  private openAction(type: ReviewEventType) {
    if (this.action === type) {
      this.cancelAction();
      return;
    }
    this.resetAction();
    this.action = type;
    const key = this.draftKeyNow;
    const draft = key ? readDraft(key) : undefined;
    if (draft) this.input = { comment: draft.comment, opinion: draft.opinion, into: draft.into };
    if (type === 'MERGE') void this.loadMergeCandidates();
    this.focusTarget = this.firstFieldSelector(type);
  }

  private cancelAction() {
    const type = this.action;
    // Cancelling is a choice: what was typed for this action is let go.
    const key = this.draftKeyNow;
    if (key) clearDraft(key);
    this.resetAction();
    if (type) this.focusTarget = `#action-${type}`;
  }

  private resetAction() {
    this.action = undefined;
    this.input = emptyInput();
    this.refusal = undefined;
    this.sendError = undefined;
    this.sending = false;
    this.intoQuery = '';
  }

  private firstFieldSelector(type: ReviewEventType): string {
    const requires = EVENT_RULES[type].requires;
    if (requires.includes('opinion')) return '#f-opinion input:checked||#f-opinion input';
    if (requires.includes('into')) return '#f-into-search';
    if (this.asksComment(type)) return '#f-comment';
    return '#action-submit';
  }

  /** A comment is asked when the event requires it; an opinion may carry one (the domain keeps it, optional). */
  private asksComment(type: ReviewEventType) {
    return EVENT_RULES[type].requires.includes('comment') || type === 'GIVE_OPINION';
  }

  private edit(patch: Partial<ActionInput>) {
    this.input = { ...this.input, ...patch };
    const key = this.draftKeyNow;
    // A pending attempt stays recorded: its first sending may still have landed.
    if (key) this.storageFailed = !writeDraft(key, this.input, readDraft(key)?.attempt);
    if (this.refusal) this.refusal = undefined;
  }

  private command(type: ReviewEventType, actor: Actor): ReviewCommand {
    const { id, role, name } = actor;
    const cmd: Record<string, unknown> = { type, actor: { id, role, ...(name ? { name } : {}) } };
    const requires = EVENT_RULES[type].requires;
    if (this.asksComment(type) && this.input.comment.trim()) cmd.comment = this.input.comment;
    if (requires.includes('opinion')) cmd.opinion = this.input.opinion;
    if (requires.includes('into')) cmd.into = this.input.into;
    return cmd as unknown as ReviewCommand;
  }

  /** Sends the open action: explain() first, then the store with the version the person read. */
  async submitAction(): Promise<void> {
    const store = this.source;
    const actor = this.who;
    const p = this.opened;
    const type = this.action;
    if (!store || !actor || !p || !type || this.sending) return;
    const cmd = this.command(type, actor);
    const refusal = explainRefusal(p.review.snapshot, cmd, this.language);
    if (refusal) {
      const reason = refusal.message;
      // Shown beside the field it is about, when the domain names one the board asks for.
      const field = refusal.field === 'comment' || refusal.field === 'opinion' || refusal.field === 'into' ? refusal.field : undefined;
      this.refusal = field ? { message: reason, field } : { message: reason };
      this.focusTarget = field === 'opinion' ? '#f-opinion input:checked||#f-opinion input' : field === 'into' ? '#f-into-search' : field === 'comment' ? '#f-comment' : '#action-submit';
      return;
    }
    const key = draftKey(actor.id, p.id, type);
    const previous = readDraft(key)?.attempt;
    // Recorded before sending: if the answer is lost, a reload or a retry can tell whether it landed.
    const attempt: Attempt = previous && previous.expectedVersion === p.version ? previous : { expectedVersion: p.version, historyLength: p.review.history.length };
    writeDraft(key, this.input, attempt);
    this.sending = true;
    this.sendError = undefined;
    this.refusal = undefined;
    // The member may go back to the list while the store answers: the answer must not reopen the practice.
    const ticket = this.openTicket;
    try {
      const after = (await store.send(p.id, cmd, { expectedVersion: p.version })) as Practice;
      if (ticket !== this.openTicket) {
        clearDraft(key);
        this.dispatchEvent(new ReviewActionEvent(after, type));
        void this.loadList();
        return;
      }
      this.succeeded(after, type, key, false);
    } catch (e) {
      // Left meanwhile: the draft and its attempt stay, and are looked at when the practice is opened again.
      if (ticket !== this.openTicket) return;
      this.sending = false;
      const code = isPracticeStoreError(e) ? e.code : 'unavailable';
      if (code === 'version-conflict') {
        await this.resolveConflict(p, type, key, actor);
        return;
      }
      const message = isPracticeStoreError(e) ? e.message : this.t.sendFailed;
      this.sendError = { message, retryable: code === 'unavailable' };
      // A refusal other than a failure will not go through by retrying: the attempt did not land.
      if (code !== 'unavailable') writeDraft(key, this.input);
      this.focusTarget = '#action-submit';
    }
  }

  private succeeded(after: Practice, type: ReviewEventType, key: string, already: boolean) {
    clearDraft(key);
    this.opened = after;
    this.rememberReference(after);
    this.resetAction();
    this.conflict = undefined;
    const stateLabel = STATE_LABELS[this.language][after.review.state];
    this.notice = { kind: already ? 'already' : 'done', text: (already ? this.t.alreadyDone : this.t.done)(this.eventLabel(type), stateLabel) };
    this.focusTarget = '#notice';
    this.dispatchEvent(new ReviewActionEvent(after, type));
    // The counts changed; the list is refreshed for when the person goes back to it.
    void this.loadList();
  }

  /** True when the latest history entry is this actor's event, with what they typed: the lost answer's write landed. */
  private landed(p: Practice, actor: Actor, type: ReviewEventType, input: ActionInput, attempt: Attempt): boolean {
    if (p.version <= attempt.expectedVersion || p.review.history.length <= attempt.historyLength) return false;
    const last = p.review.history[p.review.history.length - 1];
    return !!last && last.actor.id === actor.id && last.type === type
      && (last.comment ?? '') === input.comment.trim()
      && (type !== 'GIVE_OPINION' || last.opinion === input.opinion)
      && (type !== 'MERGE' || last.into === input.into);
  }

  /** Reloads after a version conflict: recognises one's own landed retry, or shows what others changed and keeps the text. */
  private async resolveConflict(before: Practice, type: ReviewEventType, key: string, actor: Actor) {
    let fresh: Practice | undefined;
    const ticket = this.openTicket;
    try {
      fresh = (await this.source!.get(before.id, { actor })) as Practice | undefined;
      if (ticket !== this.openTicket) return;
    } catch (e) {
      if (ticket !== this.openTicket) return;
      this.sendError = { message: isPracticeStoreError(e) ? e.message : this.t.loadError, retryable: true };
      this.focusTarget = '#action-submit';
      return;
    }
    if (!fresh) {
      this.opened = undefined;
      this.openStatus = 'not-found';
      this.focusTarget = '#practice-title';
      return;
    }
    const attempt = readDraft(key)?.attempt;
    if (attempt && this.landed(fresh, actor, type, this.input, attempt)) {
      this.succeeded(fresh, type, key, true);
      return;
    }
    // Not ours: the text stays, the attempt is over (nothing of it landed after the version it named).
    writeDraft(key, this.input);
    const stillAllowed = this.allowedFor(fresh, actor).some((a) => a.type === type);
    const conflict: Conflict = {
      fromVersion: before.version,
      toVersion: fresh.version,
      fromState: before.review.state,
      toState: fresh.review.state,
      entries: fresh.review.history.slice(before.review.history.length),
    };
    if (!stillAllowed) {
      const text = [this.input.opinion ? OPINION_LABELS[this.language][this.input.opinion as OpinionValue] ?? this.input.opinion : '', this.input.comment].filter(Boolean).join(' — ');
      if (text) conflict.gone = { label: this.eventLabel(type), text };
      const input = this.input;
      this.resetAction();
      // Kept in this browser all the same: if the action becomes possible again, the text comes back.
      writeDraft(key, input);
    }
    this.opened = fresh;
    this.conflict = conflict;
    this.notice = undefined;
    this.focusTarget = '#conflict';
    void this.lookUpReferences(fresh);
    void this.loadList();
  }

  private async loadMergeCandidates() {
    const store = this.source;
    const actor = this.who;
    if (!store || !actor || this.intoPool) return;
    try {
      const states = STATE_QUEUES.filter((s) => s !== 'merged');
      const { items } = await store.list({ states, limit: MERGE_CANDIDATES_LIMIT }, { actor });
      for (const p of items) this.rememberReference(p);
      this.intoPool = items;
    } catch {
      this.intoPool = [];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  private announce(text: string) {
    // The same text twice is still spoken: the region is emptied first.
    this.announcement = '';
    void this.updateComplete.then(() => { this.announcement = text; });
  }

  private focusNow(selector: string) {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private when(iso: string): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(LOCALES[this.language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(d);
  }

  private day(iso: string): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(LOCALES[this.language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' }).format(d);
  }

  private actorName(a: Actor): string {
    const role = this.t.roleNames[a.role] ?? a.role;
    if (a.name) return `${a.name} (${role})`;
    // The declarant's id is technical (it names the practice): the role says it all.
    return a.role === 'declarant' ? this.t.theDeclarant : `${a.id} (${role})`;
  }

  override render() {
    const t = this.t;
    const actor = this.who;
    const identity = this.asksServer && this.identity?.key === this.credential ? this.identity : undefined;
    const mismatch = this.mismatch();
    const body = this.organiserLink() && (this.store || this.endpoint) && !(actor && isCommittee(actor))
      ? this.renderOrganiserView()
      : this.asksServer && (!identity || identity.status === 'loading')
      ? html`<p>${t.loading}</p>`
      : identity?.status === 'refused'
      ? html`<p class="notice" id="token-refused">${t.tokenRefused}</p>`
      : identity?.status === 'error'
      ? html`<div class="alert" part="alert" role="alert"><p>${t.loadError} ${identity.message ?? ''}</p>
        <button type="button" part="button" @click=${() => void this.loadIdentity(true)}>${t.retry}</button></div>`
      : !(this.store || this.endpoint) || !actor
      ? html`<p class="notice">${t.notConfigured}</p>`
      : !isCommittee(actor)
        ? html`<p class="notice">${t.notCommittee}</p>`
        : html`<div class="layout">${this.renderQueues(actor)}<div class="main">${this.openStatus !== 'closed' ? this.renderPractice(actor) : this.view === 'campaigns' ? this.renderCampaignsView() : this.renderList()}</div></div>`;
    return html`<div class="board" part="board" lang=${this.language}>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${mismatch ? html`<p class="notice" part="notice" id="identity-notice">${t.actorMismatch(this.actorName(mismatch.given), this.actorName(mismatch.server))}</p>` : nothing}
      ${body}
    </div>`;
  }

  private renderQueues(actor: Actor) {
    const keys = QUEUE_KEYS.filter((k) => k !== 'awaitingMyOpinion' || this.givesOpinions(actor));
    // The two work lists first: they are what a member comes to do.
    const ordered = [...keys.filter((k) => k === 'awaitingMyOpinion' || k === 'awaitingDecision'), ...keys.filter((k) => k !== 'awaitingMyOpinion' && k !== 'awaitingDecision')];
    return html`<nav class="queues" part="queues" aria-labelledby="queues-title">
      <h2 id="queues-title">${this.t.queuesTitle}</h2>
      <ul>${ordered.map((key) => {
        const n = this.queueCount(key);
        const special = key === 'awaitingMyOpinion' || key === 'awaitingDecision';
        return html`<li><button type="button" part="button queue-button" class=${special ? 'special' : ''} data-queue=${key}
          aria-pressed=${this.view === 'queues' && this.current === key ? 'true' : 'false'} @click=${() => this.chooseQueue(key)}>
          <span>${this.queueLabel(key)}</span> <span class="count">${n === undefined ? '' : `(${n})`}</span></button></li>`;
      })}</ul>
      ${this.campaigns ? html`${this.renderCampaignFilter()}
        <p><button type="button" part="button queue-button" data-view="campaigns" aria-pressed=${this.view === 'campaigns' ? 'true' : 'false'} @click=${() => this.showCampaigns()}>
          <span>${this.t.campaigns.title}</span> <span class="count">(${this.campaigns.length})</span></button></p>` : nothing}
    </nav>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const size = clampPageSize(this.pageSize);
    const r = this.list;
    const total = r && this.listStatus === 'ready' ? r.total : undefined;
    const pages = Math.max(1, Math.ceil((total ?? 0) / size));
    return html`<section class="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" tabindex="-1">${this.queueLabel(this.current)}${total === undefined ? '' : html` <span class="count">(${total})</span>`}</h2>
      ${this.campaignFilter ? html`<p class="meta">${t.campaigns.filtered(this.campaigns?.find((c) => c.id === this.campaignFilter)?.name ?? this.campaignFilter)}</p>` : nothing}
      ${this.listStatus === 'loading' ? html`<p>${t.loading}</p>` : nothing}
      ${this.listStatus === 'error' ? html`<div class="alert" part="alert" role="alert"><p>${t.loadError} ${this.listError}</p>
        <button type="button" part="button" @click=${() => void this.loadList({ announce: true })}>${t.retry}</button></div>` : nothing}
      ${this.listStatus === 'ready' && r && r.items.length === 0 ? html`<p>${t.emptyQueue}</p>` : nothing}
      ${r && r.items.length ? html`<ol class="items" part="list">${repeat(r.items, (p) => p.id, (p) => this.renderItem(p))}</ol>` : nothing}
      ${pages > 1 ? html`<nav class="pager" aria-label=${t.page(this.page, pages)}>
        <button type="button" part="button" ?disabled=${this.page <= 1} @click=${() => this.goToPage(this.page - 1)}>${t.previousPage}</button>
        <span>${t.page(this.page, pages)}</span>
        <button type="button" part="button" ?disabled=${this.page >= pages} @click=${() => this.goToPage(this.page + 1)}>${t.nextPage}</button>
      </nav>` : nothing}
    </section>`;
  }

  private renderItem(p: Practice) {
    const t = this.t;
    const body = p.declaration ?? p.fiche;
    const title = body?.title ?? p.reference;
    return html`<li class="item" part="item">
      <h3><button type="button" class="link" part="button" data-id=${p.id} @click=${() => void this.openPractice(p.id)}>${title}</button></h3>
      <p class="meta">${p.reference} · ${body?.entityName ?? ''} · <span class="state">${STATE_LABELS[this.language][p.review.state]}</span>
        · ${t.receivedOn(this.day(p.createdAt))}${p.review.state === 'inReview' ? ` · ${t.opinionsCount(p.review.opinions.length)}` : ''}</p>
    </li>`;
  }

  private renderPractice(actor: Actor): TemplateResult {
    const t = this.t;
    const back = html`<button type="button" class="back" part="button" @click=${() => this.closePractice()}><span aria-hidden="true">← </span>${t.back}</button>`;
    if (this.openStatus === 'loading') return html`<div class="practice" part="practice">${back}<p>${t.loading}</p></div>`;
    if (this.openStatus === 'not-found' || this.openStatus === 'error' || !this.opened) {
      return html`<div class="practice" part="practice">${back}
        <h2 id="practice-title" tabindex="-1">${this.openStatus === 'error' ? t.loadError : t.notFound}</h2>
        ${this.openStatus === 'error' && this.openingId ? html`<div class="alert" part="alert" role="alert"><p>${this.sendError?.message ?? t.loadError}</p>
          <button type="button" part="button" @click=${() => void this.openPractice(this.openingId!)}>${t.retry}</button></div>` : nothing}
      </div>`;
    }
    const p = this.opened;
    const lang = this.language;
    const body = p.declaration ?? p.fiche;
    return html`<article class="practice" part="practice" aria-labelledby="practice-title">
      ${back}
      <h2 id="practice-title" tabindex="-1">${body?.title ?? p.reference}</h2>
      <p class="meta">${p.reference} · ${labelOf('levels', p.level)} · <span class="state">${STATE_LABELS[lang][p.review.state]}</span>
        ${p.review.featured ? html` · <strong>★ ${t.featured}</strong>` : nothing} · ${t.version(p.version)}</p>
      ${this.notice ? html`<div id="notice" class=${this.notice.kind === 'restored' ? 'notice' : 'success'} part="notice" tabindex="-1"><p>${this.notice.text}</p></div>` : nothing}
      ${p.personalDataErasedAt ? html`<p class="notice">${t.erased(this.when(p.personalDataErasedAt))}</p>` : nothing}
      ${this.renderActions(p, actor)}
      ${this.renderChanges(p)}
      <div class="columns">
        <div class="content">
          ${p.declaration ? this.renderDeclaration(p, p.declaration) : nothing}
          ${p.fiche ? this.renderFiche(p.fiche) : nothing}
          ${this.renderDates(p)}
        </div>
        <div class="side">
          ${this.renderOpinions(p)}
          <section aria-labelledby="history-title">
            <h3 id="history-title">${t.sections.history}</h3>
            ${p.review.history.length ? html`<ol class="history" part="history">${p.review.history.map((h) => this.renderEntry(h))}</ol>` : html`<p>${t.historyEmpty}</p>`}
          </section>
        </div>
      </div>
    </article>`;
  }

  private renderEntry(h: HistoryEntry) {
    const t = this.t;
    return html`<li>
      <p class="meta"><time datetime=${h.at}>${this.when(h.at)}</time> · ${this.actorName(h.actor)}</p>
      <p><strong>${this.eventLabel(h.type)}</strong>${h.opinion ? ` : ${OPINION_LABELS[this.language][h.opinion] ?? h.opinion}` : ''}${h.into ? ` ${t.mergedInto(this.references[h.into] ?? h.into)}` : ''}</p>
      ${h.comment ? html`<p class="comment">${h.comment}</p>` : nothing}
    </li>`;
  }

  private renderOpinions(p: Practice) {
    const t = this.t;
    if (p.review.state !== 'inReview' && p.review.opinions.length === 0) return nothing;
    const min = reviewContextOf(p.review.snapshot).options.minOpinions;
    return html`<section aria-labelledby="opinions-title">
      <h3 id="opinions-title">${t.sections.opinions}</h3>
      <p>${t.opinionsProgress(p.review.opinions.length, min)}</p>
      ${p.review.opinions.length ? html`<ul class="opinions" part="opinions">${p.review.opinions.map((o) => html`<li>
        <p><strong>${OPINION_LABELS[this.language][o.opinion] ?? o.opinion}</strong> — ${this.actorName(o.actor)}, <time datetime=${o.at}>${this.when(o.at)}</time></p>
        ${o.comment ? html`<p class="comment">${o.comment}</p>` : nothing}
      </li>`)}</ul>` : html`<p>${t.noOpinions}</p>`}
    </section>`;
  }

  private renderChanges(p: Practice) {
    if (!p.previousDeclaration || !p.declaration) return nothing;
    const t = this.t;
    const changes = declarationChanges(p.previousDeclaration, p.declaration, this.language);
    const provided = [...p.review.history].reverse().find((h) => h.type === 'PROVIDE_COMPLEMENTS');
    const cell = (value: string, label: string, cls: string) =>
      html`<td role="cell" class=${cls} data-label=${label}>${value || html`<span class="empty">${t.emptyValue}</span>`}</td>`;
    return html`<section class="changes" aria-labelledby="changes-title">
      <h3 id="changes-title">${t.sections.changes}</h3>
      ${changes.length ? html`<table part="changes" role="table">
        <caption>${t.changesCaption(provided ? this.when(provided.at) : '')}</caption>
        <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">${t.field}</th><th role="columnheader" scope="col">${t.before}</th><th role="columnheader" scope="col">${t.after}</th></tr></thead>
        <tbody role="rowgroup">${changes.map((c) => html`<tr role="row" data-field=${c.field}>
          <th role="rowheader" scope="row">${c.label}</th>${cell(c.before, t.before, 'before')}${cell(c.after, t.after, 'after')}
        </tr>`)}</tbody>
      </table>` : html`<p>${t.changesNone}</p>`}
    </section>`;
  }

  private codes(list: AnyListName, codes: readonly string[] | undefined, other?: string): string {
    return (codes ?? []).map((c) => {
      const label = labelOf(list, c);
      if (c === OTHER && other) return `${label} (${other})`;
      return list === 'departments' ? `${label} (${c})` : label;
    }).join(', ');
  }

  private rows(rows: readonly [string, unknown][]) {
    return rows.filter(([, v]) => v !== undefined && v !== '').map(([field, v]) => html`<dt>${fieldLabel(field, this.language)}</dt><dd>${v}</dd>`);
  }

  private renderDeclaration(p: Practice, d: Declaration) {
    const t = this.t;
    const loc = d.location;
    const national = !loc.regions.length && !loc.departments.length && !loc.locality;
    const erased = !!p.personalDataErasedAt;
    return html`<section aria-labelledby="declaration-title">
      <h3 id="declaration-title">${t.sections.declaration}</h3>
      <dl>${this.rows([
        ['entityName', d.entityName],
        ['title', d.title],
        ['implementationDate', formatDateFr(d.implementationDate)],
        ['description', d.description],
        ['scale', labelOf('scales', d.scale)],
        ['interventionTypes', this.codes('interventionTypes', d.interventionTypes, d.interventionTypeOther)],
        ['themes', this.codes('themes', d.themes, d.themeOther)],
        ['audiences', this.codes('audiences', d.audiences, d.audienceOther)],
        ['relay', this.codes('relays', [d.relay], d.relayOther)],
        ['location', national ? t.nationwide : undefined],
        ['location.regions', this.codes('regions', loc.regions)],
        ['location.departments', this.codes('departments', loc.departments)],
        ['location.locality', loc.locality],
      ])}</dl>
    </section>
    <section aria-labelledby="agreement-title">
      <h3 id="agreement-title">${t.sections.agreement}</h3>
      <dl>${this.rows([
        ['departmentAgreement.obtained', d.departmentAgreement?.obtained ? t.yes : t.no],
        ['departmentAgreement.representative', d.departmentAgreement?.representative],
      ])}</dl>
    </section>
    <section aria-labelledby="contact-title">
      <h3 id="contact-title">${t.sections.contact}</h3>
      ${erased ? html`<p>${t.erased(this.when(p.personalDataErasedAt!))}</p>` : html`<dl>${this.rows([
        ['declarant.name', d.declarant?.name],
        ['declarant.email', d.declarant?.email ? html`<a href="mailto:${d.declarant.email}">${d.declarant.email}</a>` : undefined],
        ['declarant.phone', d.declarant?.phone],
        ['declarant.accuracyCertified', d.declarant?.accuracyCertified ? t.yes : t.no],
      ])}${p.consentedAt ? html`<dt>${t.consentedAt}</dt><dd>${this.when(p.consentedAt)}</dd>` : nothing}</dl>`}
    </section>
    ${p.source && (p.source.partner || p.source.page) ? html`<section aria-labelledby="source-title">
      <h3 id="source-title">${t.sections.source}</h3>
      <dl>${this.rows([
        ['source.partner', p.source.partner],
        // A third party's address: a plain link, no referrer, and only for http(s).
        ['source.page', p.source.page && /^https?:\/\//i.test(p.source.page) ? html`<a href=${p.source.page} rel="noopener noreferrer nofollow">${p.source.page}</a>` : p.source.page],
      ])}</dl>
    </section>` : nothing}`;
  }

  private renderFiche(f: Fiche) {
    const t = this.t;
    const loc = f.location;
    return html`<section aria-labelledby="fiche-title">
      <h3 id="fiche-title">${t.sections.fiche}</h3>
      <dl>${this.rows([
        ['entityName', f.entityName],
        ['title', f.title],
        ['summary', f.summary],
        ['objectives', f.objectives],
        ['means', f.means],
        ['keysToSuccess', f.keysToSuccess],
        ['expectedResults', f.expectedResults],
        ['difficulties', f.difficulties],
        ['partners', f.partners.join(', ')],
        ['coAuthors', f.coAuthors.map((c) => (c.organisation ? `${c.name} (${c.organisation})` : c.name)).join(', ')],
        ['scale', labelOf('scales', f.scale)],
        ['interventionTypes', this.codes('interventionTypes', f.interventionTypes, f.interventionTypeOther)],
        ['themes', this.codes('themes', f.themes, f.themeOther)],
        ['audiences', this.codes('audiences', f.audiences, f.audienceOther)],
        ['relay', f.relay ? this.codes('relays', [f.relay], f.relayOther) : undefined],
        ['location.regions', this.codes('regions', loc.regions)],
        ['location.departments', this.codes('departments', loc.departments)],
        ['location.locality', loc.locality],
        ['implementationDate', f.implementationDate ? formatDateFr(f.implementationDate) : undefined],
        ['lastReviewedAt', f.lastReviewedAt ? formatDateFr(f.lastReviewedAt) : undefined],
      ])}</dl>
    </section>`;
  }

  private renderDates(p: Practice) {
    const t = this.t;
    return html`<section aria-labelledby="dates-title">
      <h3 id="dates-title">${t.sections.dates}</h3>
      <dl>
        <dt>${t.receivedAt}</dt><dd>${this.when(p.createdAt)}</dd>
        <dt>${t.updatedAt}</dt><dd>${this.when(p.updatedAt)}</dd>
        ${p.publishedAt ? html`<dt>${t.publishedAt}</dt><dd>${this.when(p.publishedAt)}</dd>` : nothing}
      </dl>
    </section>`;
  }

  private renderActions(p: Practice, actor: Actor) {
    const t = this.t;
    let allowed: AllowedEvent[] = [];
    let later: { type: ReviewEventType; reason: string }[] = [];
    try {
      allowed = this.allowedFor(p, actor);
      later = pendingEvents(p.review.snapshot, actor, this.language);
    } catch {
      // A snapshot this version of the machine cannot read: the practice is shown, no action is offered.
    }
    return html`<section class="actions" part="actions" aria-labelledby="actions-title">
      <h3 id="actions-title">${t.sections.actions}</h3>
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${allowed.length
        ? html`<ul class="action-buttons">${allowed.map((a) => html`<li><button type="button" part="button" id="action-${a.type}" data-event=${a.type}
            aria-expanded=${this.action === a.type ? 'true' : 'false'} @click=${() => this.openAction(a.type)}>${a.label}</button></li>`)}</ul>`
        : html`<p>${t.noActions}</p>`}
      ${later.length ? html`<h4>${t.unavailableTitle}</h4>
        <ul class="not-yet">${later.map((l) => html`<li data-event=${l.type}><strong>${this.eventLabel(l.type)}</strong> : <span class="reason">${l.reason}</span></li>`)}</ul>` : nothing}
      ${this.action && allowed.some((a) => a.type === this.action) ? this.renderActionForm(p, allowed.find((a) => a.type === this.action)!) : nothing}
    </section>`;
  }

  private renderConflict(c: Conflict) {
    const t = this.t;
    const states = STATE_LABELS[this.language];
    return html`<div id="conflict" class="conflict" part="conflict" tabindex="-1" role="group" aria-labelledby="conflict-title">
      <h4 id="conflict-title">${t.conflictTitle}</h4>
      <p>${t.conflictVersions(c.fromVersion, c.toVersion)}
        ${c.fromState === c.toState ? t.conflictSameState(states[c.fromState]) : t.conflictState(states[c.fromState], states[c.toState])}</p>
      ${c.entries.length ? html`<ol class="history">${c.entries.map((h) => this.renderEntry(h))}</ol>` : html`<p>${t.conflictNothing}</p>`}
      ${c.gone ? html`<p>${t.conflictGone(c.gone.label)}</p><blockquote>${c.gone.text}</blockquote>` : html`<p>${t.conflictAgain}</p>`}
    </div>`;
  }

  private renderActionForm(p: Practice, a: AllowedEvent) {
    const t = this.t;
    const requires = a.requires;
    const general = this.refusal && !this.refusal.field ? this.refusal.message : undefined;
    const fieldless = !requires.includes('opinion') && !requires.includes('into') && !this.asksComment(a.type);
    return html`<form id="action-panel" class="action-form" part="action-form" aria-labelledby="action-title" novalidate
        @submit=${(e: Event) => { e.preventDefault(); void this.submitAction(); }}>
      <h4 id="action-title">${a.label}</h4>
      ${fieldless ? html`<p>${t.confirmIntro(a.label)}</p>` : nothing}
      ${requires.includes('opinion') ? this.renderOpinionField(p) : nothing}
      ${requires.includes('into') ? this.renderIntoField(p) : nothing}
      ${this.asksComment(a.type) ? this.renderCommentField(a.type, requires.includes('comment')) : nothing}
      ${general ? html`<p class="error" id="action-error">${general}</p>` : nothing}
      ${this.sendError ? html`<div class="alert" part="alert" role="alert" id="send-error">
        <p><strong>${this.sendError.retryable ? t.sendFailed : t.refused}</strong> ${this.sendError.message}</p>
        ${this.sendError.retryable ? html`<p>${t.sendKept}</p>` : nothing}</div>` : nothing}
      <div class="buttons">
        <button type="submit" id="action-submit" class="primary" part="button button-primary"
          aria-disabled=${this.sending ? 'true' : 'false'} aria-describedby=${general ? 'action-error' : nothing}>
          ${this.sending ? t.sending : this.sendError?.retryable ? t.retry : t.confirm(a.label)}</button>
        <button type="button" part="button" @click=${() => this.cancelAction()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private fieldError(field: InputField) {
    return this.refusal?.field === field ? this.refusal.message : undefined;
  }

  private requiredMark(required: boolean) {
    return required
      ? html`<span class="asterisk" aria-hidden="true"> *</span><span class="visually-hidden"> (${this.t.required})</span>`
      : html` <span class="hint-inline">(${this.t.optional})</span>`;
  }

  private renderCommentField(type: ReviewEventType, required: boolean) {
    const t = this.t;
    const error = this.fieldError('comment');
    const hint = t.commentHint[type];
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for="f-comment">${t.commentLabel[type] ?? t.commentLabel.default}${this.requiredMark(required)}</label>
      <p class="hint" id="f-comment-hint">${hint ? `${hint} ` : ''}${t.commentMax(MAX_COMMENT_LENGTH)} ${this.storageFailed ? t.draftUnavailable : t.draftKept}</p>
      <textarea id="f-comment" .value=${this.input.comment} ?required=${required} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'f-comment-error f-comment-hint' : 'f-comment-hint'}
        @input=${(e: Event) => this.edit({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${error ? html`<p class="error" id="f-comment-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderOpinionField(p: Practice) {
    const t = this.t;
    const error = this.fieldError('opinion');
    const actor = this.who!;
    const mine = p.review.opinions.find((o) => o.actor.id === actor.id);
    return html`<fieldset id="f-opinion" class=${error ? 'invalid' : ''} aria-describedby=${error ? 'f-opinion-error' : nothing}>
      <legend>${t.opinionLegend}${this.requiredMark(true)}</legend>
      ${mine ? html`<p class="hint">${t.opinionReplaces(OPINION_LABELS[this.language][mine.opinion] ?? mine.opinion)}</p>` : nothing}
      ${OPINIONS.map((o) => html`<div class="choice">
        <input type="radio" name="opinion" id="f-opinion-${o}" .value=${o} .checked=${this.input.opinion === o} required
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'f-opinion-error' : nothing}
          @change=${() => this.edit({ opinion: o })}>
        <label for="f-opinion-${o}">${OPINION_LABELS[this.language][o]}</label>
      </div>`)}
      ${error ? html`<p class="error" id="f-opinion-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  private renderIntoField(p: Practice) {
    const t = this.t;
    const error = this.fieldError('into');
    const pool = this.intoPool;
    const q = fold(this.intoQuery.trim());
    const matches = (pool ?? [])
      .filter((c) => c.id !== p.id)
      .filter((c) => !q || fold(`${c.reference} ${c.declaration?.title ?? c.fiche?.title ?? ''} ${c.declaration?.entityName ?? c.fiche?.entityName ?? ''}`).includes(q));
    const chosen = pool?.find((c) => c.id === this.input.into);
    // What is chosen stays visible whatever the search.
    const shown = [...(chosen && !matches.slice(0, MERGE_SHOWN).includes(chosen) ? [chosen] : []), ...matches.slice(0, MERGE_SHOWN)];
    const describedBy = ['f-into-count', error ? 'f-into-error' : ''].filter(Boolean).join(' ');
    return html`<fieldset id="f-into" class=${error ? 'invalid' : ''} aria-describedby=${describedBy}>
      <legend>${t.intoLegend}${this.requiredMark(true)}</legend>
      <label for="f-into-search">${t.intoSearch}</label>
      <p class="hint" id="f-into-hint">${t.intoSearchHint}</p>
      <input type="search" id="f-into-search" autocomplete="off" .value=${this.intoQuery} aria-describedby="f-into-hint f-into-count${error ? ' f-into-error' : ''}"
        aria-invalid=${error ? 'true' : 'false'}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') e.preventDefault(); /* searching, not sending */ }}
        @input=${(e: Event) => { this.intoQuery = (e.target as HTMLInputElement).value; }}>
      <p class="hint" id="f-into-count" aria-live="polite">${pool ? t.intoFound(matches.length) : t.intoLoading}</p>
      ${shown.length ? html`<div class="scroll">${shown.map((c, i) => html`<div class="choice">
        <input type="radio" name="into" id="f-into-${i}" .value=${c.id} .checked=${this.input.into === c.id} required
          @change=${() => this.edit({ into: c.id })}>
        <label for="f-into-${i}">${c.reference} — ${c.declaration?.title ?? c.fiche?.title ?? ''} (${STATE_LABELS[this.language][c.review.state]})</label>
      </div>`)}</div>` : nothing}
      ${error ? html`<p class="error" id="f-into-error">${error}</p>` : nothing}
    </fieldset>`;
  }
}
