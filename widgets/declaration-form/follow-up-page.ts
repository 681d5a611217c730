// The declarant's follow-up page, in its own file: <pi-declaration-form> imports it (import()) only when it follows a practice,
// so a page that only declares never downloads it. The complements are typed in the form's own steps, checked by its rules.
import { html, nothing, type TemplateResult } from 'lit';
import type { Actor, DeclarantPractice, HistoryEntry } from '../../src/model.js';
import { fieldLabel, type Lang } from '../../src/schema/messages.js';
import { validateDeclaration, type DeclarationOptions } from '../../src/schema/declaration.js';
import { locationAsked } from '../../src/schema/fields.js';
import type { PracticeStore } from '../../src/store/port.js';
import { EVENT_LABELS, ROLE_LABELS, STATE_LABELS } from '../../src/review/labels.js';
import { DeclarantActionErrorEvent, DeclarantActionEvent, type DeclarantAction } from '../events.js';
import type { DeclarationDraft, StoredDraft } from './declaration-form.js';
import { complementsCount, currentMessage, declarantDataFile, draftOfDeclaration, sameDeclaration } from './follow-up.js';
import { FOLLOW_UP_STRINGS, type FollowUpStrings } from './follow-up-strings.js';
import type { FormStrings } from './strings.js';

// How long the page waits for its host to set `store` or `endpoint` before saying it is not connected.
const CONFIG_GRACE_MS = 2000;

/** Where the follow-up page stands. */
export type FollowStatus = 'loading' | 'invalid' | 'unavailable' | 'ready';

type StoreFailure = Error & { code?: string; fields?: { field: string; message: string }[] };
const asFailure = (e: unknown): StoreFailure => (e instanceof Error ? e : new Error(String(e)));

/** Why complements were not sent, for the form to show in its steps: field errors where they are typed, or a message. */
export interface SendFailure {
  message: string;
  retryable: boolean;
  fields?: readonly { field: string; message: string }[] | undefined;
}

/**
 * What the follow-up page uses of its element. The element gives it explicitly (the page lives in
 * another file, loaded later): its language and shared texts, its store, its draft, the loading and
 * "unavailable" states, and its steps, which the complements reuse.
 */
export interface FollowUpHost {
  readonly language: Lang;
  readonly strings: FormStrings;
  /** The practice and token followed, from the attributes or the page's address. */
  readonly target: { practice: string; token: string } | undefined;
  /** Where this practice's complements draft is kept (`localStorage`). */
  readonly storageKey: string;
  readonly ruleOptions: DeclarationOptions;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<unknown>;
  requestUpdate(): void;
  dispatchEvent(event: Event): boolean;
  resolveStore(): PracticeStore | undefined;
  readDraft(): StoredDraft | undefined;
  clearDraft(): void;
  /** After the next render, focus `'heading'` or the element of that id. */
  focusAfter(target: string): void;
  /** The loading state, or with `error` the "unavailable" state whose "Réessayer" calls `retry`. */
  renderWait(error?: string, retry?: () => void): TemplateResult;
  /** Opens the form's steps on `data` at `step`, to give complements. */
  editComplements(data: DeclarationDraft, step: number): void;
  /** Back from the steps to the follow-up page, the edits kept as a draft. */
  leaveComplements(): void;
  /** Closes the steps: the complements were sent, or the practice no longer awaits them. */
  closeComplements(): void;
}

interface State {
  status: FollowStatus;
  /** The practice as its declarant sees it, once loaded. */
  followed: DeclarantPractice | undefined;
  confirming: 'withdraw' | 'erase' | undefined;
  busy: boolean;
  notice: { kind: 'success' | 'notice'; text: string; more?: string } | undefined;
  actionError: string;
  announcement: string;
  withdrawReason: string;
  /** When the complements draft of this practice was saved, if one waits. */
  complementsDraftAt: string | undefined;
}

// Every key named (none is optional), so that a reset (Object.assign) clears them all.
const initial = (): State => ({
  status: 'loading', followed: undefined, confirming: undefined, busy: false, notice: undefined,
  actionError: '', announcement: '', withdrawReason: '', complementsDraftAt: undefined,
});

/**
 * The follow-up page of one `<pi-declaration-form>`: the practice's state, the committee's requests
 * and decisions, the complements, withdrawal, and the declarant's personal data. Its state re-renders
 * the element whenever it changes.
 */
export class FollowUpPage {
  private readonly s: State;
  private loadSeq = 0;
  private configTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: FollowUpHost) {
    // Every change of the page's state is a change of the element's: one proxy instead of a requestUpdate() after each.
    this.s = new Proxy(initial(), {
      set(target, key, value) {
        (target as unknown as Record<PropertyKey, unknown>)[key] = value;
        host.requestUpdate();
        return true;
      },
    });
  }

  get status(): FollowStatus {
    return this.s.status;
  }

  /** What the form's last step says while complements are edited. */
  get submitLabel(): string {
    return this.t.sendComplements;
  }

  private get t(): FollowUpStrings {
    return FOLLOW_UP_STRINGS[this.host.language];
  }

  /** The declarant as the store knows them: by the link's token, never by a name. */
  private get declarant(): Actor {
    return { id: 'declarant', role: 'declarant', token: this.host.target?.token ?? '' };
  }

  /** Forgets the practice followed until now (the element follows another one, or none). */
  reset(): void {
    this.loadSeq++;
    clearTimeout(this.configTimer);
    Object.assign(this.s, initial());
  }

  /** The declarant's view, or `undefined` when the link names nothing (a wrong token looks like a missing practice). */
  private async fetchFollowed(store: PracticeStore): Promise<DeclarantPractice | undefined> {
    const view = await store.get(this.host.target!.practice, { actor: this.declarant });
    // Only a declarant's view has a history: anything else (a public view) is not this link's practice.
    return view && 'review' in view && Array.isArray(view.review?.history) ? (view as DeclarantPractice) : undefined;
  }

  async load(): Promise<void> {
    const target = this.host.target;
    if (!target) return;
    const seq = ++this.loadSeq;
    const store = this.host.resolveStore();
    const s = this.s;
    s.actionError = '';
    clearTimeout(this.configTimer);
    if (!store) {
      // Hosts often set `store` or `endpoint` just after the element is on the page (after an await):
      // the page waits a moment before saying it is not connected; setting one then loads at once.
      s.status = 'loading';
      this.configTimer = setTimeout(() => {
        if (seq !== this.loadSeq || this.host.resolveStore()) return;
        s.status = 'unavailable';
        s.actionError = this.host.strings.notConfigured;
        this.host.focusAfter('heading');
      }, CONFIG_GRACE_MS);
      return;
    }
    if (!target.token) {
      s.status = 'invalid';
    } else {
      s.status = 'loading';
      try {
        const view = await this.fetchFollowed(store);
        if (seq !== this.loadSeq) return;
        s.followed = view;
        s.status = view ? 'ready' : 'invalid';
        if (view) this.settleDraft(view);
      } catch (e) {
        if (seq !== this.loadSeq) return;
        s.status = 'unavailable';
        s.actionError = asFailure(e).message;
      }
    }
    // The page exists for this content: once it is there, reading starts at its heading.
    this.host.focusAfter('heading');
  }

  /**
   * A complements draft left from an earlier visit: kept while complements are awaited; otherwise
   * the practice moved on, and the draft (personal data included) goes, saying whether it had been
   * received (an answer lost, then a reload) or not.
   */
  private settleDraft(view: DeclarantPractice) {
    const draft = this.host.readDraft();
    this.s.complementsDraftAt = undefined;
    if (!draft) return;
    if (view.review.state === 'complementsRequested') {
      this.s.complementsDraftAt = draft.savedAt;
      return;
    }
    this.host.clearDraft();
    const typed = validateDeclaration({ ...draft.data, location: locationAsked(draft.data.scale, draft.data.location) }, this.host.ruleOptions);
    const received = typed.ok && view.review.history.some((h) => h.type === 'PROVIDE_COMPLEMENTS') && sameDeclaration(typed.value, view.declaration);
    this.s.notice = received
      ? { kind: 'success', text: this.t.complementsLanded }
      : { kind: 'notice', text: this.t.complementsObsolete(STATE_LABELS[this.host.language][view.review.state]) };
  }

  /** Opens the steps on the current declaration, or on the draft of complements this browser keeps. */
  private openComplements() {
    const view = this.s.followed;
    if (!view?.declaration) return;
    const draft = this.host.readDraft();
    this.s.notice = undefined;
    this.s.confirming = undefined;
    // Without a draft, the practice's own step (the conditions were accepted at the first sending):
    // "Suivant" then checks each step again on the way to the recap, as for a new declaration.
    this.host.editComplements(draft ? draft.data : draftOfDeclaration(view.declaration), draft ? draft.step : 1);
  }

  private backToFollowUp() {
    this.host.leaveComplements();
    this.s.complementsDraftAt = this.host.readDraft()?.savedAt;
  }

  /**
   * Sends complements the form has checked with the domain's rules (`declaration` as typed,
   * `checked` as the rules normalised it). `undefined` when the page takes over (sent, or what
   * happened meanwhile is shown); otherwise why, for the form to show in its steps.
   */
  async sendComplements(store: PracticeStore, declaration: Record<string, unknown>, checked: unknown): Promise<SendFailure | undefined> {
    const base = this.s.followed;
    const target = this.host.target;
    if (!base || !target) return { message: this.t.changedMeanwhile, retryable: false };
    try {
      // The version read on loading: if a first attempt landed but its answer was lost, a retry is refused, never applied twice.
      const view = await store.send(target.practice, { type: 'PROVIDE_COMPLEMENTS', actor: this.declarant, declaration }, { expectedVersion: base.version });
      this.complementsDone(view as DeclarantPractice, this.t.complementsSent);
      return undefined;
    } catch (e) {
      const error = asFailure(e);
      this.host.dispatchEvent(new DeclarantActionErrorEvent('PROVIDE_COMPLEMENTS', error));
      if (error.code === 'version-conflict' || error.code === 'illegal-transition') return this.afterConflict(store, base, checked);
      if (error.code === 'not-found') return this.linkRefused();
      return { message: error.message, retryable: error.code === undefined || error.code === 'unavailable', fields: error.fields };
    }
  }

  private complementsDone(view: DeclarantPractice, text: string) {
    this.host.clearDraft();
    this.host.closeComplements();
    this.s.complementsDraftAt = undefined;
    this.s.followed = view;
    this.s.notice = { kind: 'success', text };
    this.host.focusAfter('notice');
    this.host.dispatchEvent(new DeclarantActionEvent('PROVIDE_COMPLEMENTS', view));
  }

  /**
   * The practice changed since it was loaded. Reloaded, it tells what happened: our own complements
   * (a first attempt that landed, its answer lost), something else while complements are still
   * awaited (the edits stay, to send again), or a practice that no longer awaits them.
   */
  private async afterConflict(store: PracticeStore, base: DeclarantPractice, sent: unknown): Promise<SendFailure | undefined> {
    let fresh: DeclarantPractice | undefined;
    try {
      fresh = await this.fetchFollowed(store);
    } catch (e) {
      return { message: asFailure(e).message, retryable: true };
    }
    if (!fresh) return this.linkRefused();
    if (fresh.review.state === 'complementsRequested') {
      this.s.followed = fresh;
      return { message: this.t.changedMeanwhile, retryable: true };
    }
    if (complementsCount(fresh) > complementsCount(base) && sameDeclaration(fresh.declaration, sent)) {
      this.complementsDone(fresh, this.t.complementsLanded);
      return undefined;
    }
    this.host.clearDraft();
    this.host.closeComplements();
    this.s.complementsDraftAt = undefined;
    this.s.followed = fresh;
    this.s.notice = { kind: 'notice', text: this.t.complementsObsolete(STATE_LABELS[this.host.language][fresh.review.state]) };
    this.host.focusAfter('notice');
    return undefined;
  }

  /** The store no longer recognises the link (a token revoked, a practice deleted). */
  private linkRefused(): undefined {
    this.host.closeComplements();
    this.s.followed = undefined;
    this.s.status = 'invalid';
    this.host.focusAfter('heading');
    return undefined;
  }

  private ask(what: 'withdraw' | 'erase') {
    this.s.confirming = what;
    this.s.actionError = '';
    // The last action's message gives way to the question about the next one.
    this.s.notice = undefined;
    this.host.focusAfter(`confirm-${what}-text`);
  }

  private cancelConfirm() {
    const what = this.s.confirming;
    this.s.confirming = undefined;
    // Back to the button that opened the question.
    this.host.focusAfter(`${what}-button`);
  }

  /** Runs a withdrawal or an erasure: one at a time, the answer shown and announced, a failure kept in an alert. */
  private async act(action: DeclarantAction, run: (store: PracticeStore, base: DeclarantPractice) => Promise<DeclarantPractice>, done: (view: DeclarantPractice) => { text: string; more?: string }) {
    const s = this.s;
    const base = s.followed;
    const store = this.host.resolveStore();
    if (s.busy || !base || !store) return;
    s.busy = true;
    s.actionError = '';
    try {
      const view = await run(store, base);
      s.followed = view;
      s.confirming = undefined;
      s.notice = { kind: 'success', ...done(view) };
      this.host.focusAfter('notice');
      this.host.dispatchEvent(new DeclarantActionEvent(action, view));
    } catch (e) {
      const error = asFailure(e);
      this.host.dispatchEvent(new DeclarantActionErrorEvent(action, error));
      if (error.code === 'not-found') {
        this.linkRefused();
      } else if (error.code === 'version-conflict' || error.code === 'illegal-transition') {
        // Reloaded, the page shows what the practice is now, and offers what the domain allows now.
        const fresh = await this.fetchFollowed(store).catch(() => undefined);
        if (fresh) s.followed = fresh;
        s.confirming = undefined;
        const landed = action === 'WITHDRAW' && fresh?.review.state === 'withdrawn';
        s.notice = landed ? { kind: 'success', text: this.t.withdrawn } : { kind: 'notice', text: this.t.changedMeanwhile };
        this.host.focusAfter('notice');
      } else {
        s.actionError = error.message;
        this.host.focusAfter('action-error');
      }
    } finally {
      s.busy = false;
    }
  }

  private withdraw() {
    const comment = this.s.withdrawReason.trim();
    return this.act('WITHDRAW',
      async (store, base) => {
        const view = await store.send(base.id, { type: 'WITHDRAW', actor: this.declarant, ...(comment ? { comment } : {}) }, { expectedVersion: base.version });
        // Complements typed for a withdrawn practice will never be sent: they go, with the personal data they hold.
        this.host.clearDraft();
        this.s.complementsDraftAt = undefined;
        return view as DeclarantPractice;
      },
      () => ({ text: this.t.withdrawn, more: this.t.stateHelp.withdrawn }));
  }

  private erase() {
    return this.act('ERASE_PERSONAL_DATA',
      async (store, base) => {
        const view = (await store.erasePersonalData(base.id, { actor: this.declarant })) as DeclarantPractice;
        this.forgetContactInDraft();
        return view;
      },
      (view) => ({ text: this.t.erased(this.day(view.personalDataErasedAt ?? new Date().toISOString())), more: this.t.erasedMeaning }));
  }

  /** Erasure covers this browser too: a waiting complements draft keeps its edits but loses the contact. */
  private forgetContactInDraft() {
    const draft = this.host.readDraft();
    if (!draft) return;
    const data = { ...draft.data, declarant: { ...draft.data.declarant, name: '', email: '', phone: '' } };
    try {
      globalThis.localStorage.setItem(this.host.storageKey, JSON.stringify({ ...draft, data }));
    } catch {
      this.host.clearDraft();
    }
  }

  /** Saves the declarant's view as a JSON file, built here: the data they see is the data they get. */
  private download() {
    const followed = this.s.followed;
    if (!followed) return;
    const { name, text } = declarantDataFile(followed);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.host.renderRoot.appendChild(a);
    a.click();
    a.remove();
    // Revoked later, not at once: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.announce(this.t.downloaded(name));
  }

  /** Says something through the polite live region; the same text twice is still spoken. */
  private announce(text: string) {
    this.s.announcement = '';
    void this.host.updateComplete.then(() => { this.s.announcement = text; });
  }

  private day(iso: string) {
    return new Date(iso).toLocaleDateString(this.host.language);
  }

  private moment(iso: string) {
    return new Date(iso).toLocaleString(this.host.language, { dateStyle: 'short', timeStyle: 'short' });
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  /** The follow-up page: the practice, what the committee said, what the declarant may do now. */
  render(): TemplateResult {
    const t = this.t;
    const s = this.s;
    const view = s.followed;
    const lang = this.host.language;
    if (s.status === 'invalid') {
      return html`<section class="alert" part="follow-up" aria-labelledby="fu-title">
        <h2 id="fu-title" tabindex="-1">${t.invalidTitle}</h2><p>${t.invalidText}</p></section>`;
    }
    if (s.status === 'unavailable') return this.host.renderWait(s.actionError, () => this.load());
    if (!view) return this.host.renderWait();
    const allowed = new Set((view.review.allowed ?? []).map((a) => a.type));
    const d = view.declaration;
    const fact = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`<section part="follow-up" aria-labelledby="fu-title">
      <h2 id="fu-title" tabindex="-1">${this.host.strings.fuTitle}</h2>
      ${s.notice ? html`<div id="notice" class=${s.notice.kind} tabindex="-1"><p>${s.notice.text}</p>${s.notice.more ? html`<p>${s.notice.more}</p>` : nothing}</div>` : nothing}
      <dl class="facts">
        ${fact(t.reference, view.reference)}
        ${d ? fact(fieldLabel('title', lang), d.title) : nothing}
        ${d ? fact(fieldLabel('entityName', lang), d.entityName) : nothing}
        ${fact(t.state, html`<strong class="state">${STATE_LABELS[lang][view.review.state]}</strong>`)}
        ${fact(t.declaredOn, this.day(view.createdAt))}
        ${fact(t.updatedOn, this.moment(view.updatedAt))}
      </dl>
      <p>${t.stateHelp[view.review.state]}</p>
      ${this.renderRequest(false)}
      ${allowed.size === 0 ? html`<p class="hint">${t.nothingToDo}</p>` : nothing}
      <h3>${t.history}</h3>
      <ol class="history">${view.review.history.map((h) => this.renderHistoryEntry(h))}</ol>
      ${allowed.has('WITHDRAW') ? html`<section aria-labelledby="withdraw-title">
        <h3 id="withdraw-title">${EVENT_LABELS[lang].WITHDRAW}</h3>
        <p>${t.withdrawText}</p>
        ${s.confirming === 'withdraw'
          ? this.renderConfirm('withdraw', t.withdrawConfirm, t.withdrawYes, html`<div class="field">
              <label for="f-withdraw-reason">${t.reason}</label>
              <textarea id="f-withdraw-reason" .value=${s.withdrawReason} @input=${(e: Event) => { s.withdrawReason = (e.target as HTMLTextAreaElement).value; }}></textarea>
            </div>`)
          : html`<div class="buttons"><button type="button" id="withdraw-button" class="danger" part="button button-danger" @click=${() => this.ask('withdraw')}>${EVENT_LABELS[lang].WITHDRAW}</button></div>`}
      </section>` : nothing}
      ${this.renderPersonalData(view)}
      ${s.actionError ? html`<div id="action-error" class="alert" role="alert" tabindex="-1"><p><strong>${t.actionFailed}</strong> ${s.actionError}</p></div>` : nothing}
      <p class="visually-hidden" role="status">${s.announcement}</p>
    </section>`;
  }

  /** The committee's message behind the current state; above the complements, with the way back to the follow-up. */
  renderRequest(editing: boolean) {
    const t = this.t;
    const lang = this.host.language;
    const view = this.s.followed;
    const message = view && currentMessage(view);
    const canComplete = !editing && !!view?.declaration && (view.review.allowed ?? []).some((a) => a.type === 'PROVIDE_COMPLEMENTS');
    if (!message && !canComplete && !editing) return nothing;
    const asked = view?.review.state === 'complementsRequested';
    const saved = this.s.complementsDraftAt ? new Date(this.s.complementsDraftAt) : undefined;
    return html`<section class="request" part="committee-message" aria-labelledby="request-title">
      <h3 id="request-title">${asked ? t.requestTitle : t.decisionTitle}</h3>
      ${message ? html`<blockquote><p>${message.comment}</p><footer>${this.who(message)}, <time datetime=${message.at}>${this.moment(message.at)}</time></footer></blockquote>` : nothing}
      ${editing
        ? html`<p>${t.complementsIntro}</p>
          <div class="buttons"><button type="button" part="button" @click=${() => this.backToFollowUp()}>${t.backToFollowUp}</button></div>`
        : canComplete
          ? html`${saved ? html`<p>${t.draftWaiting(saved.toLocaleDateString(lang), saved.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }))}</p>` : nothing}
            <div class="buttons"><button type="button" class="primary" part="button button-primary" @click=${() => this.openComplements()}>${saved ? t.resumeComplements : EVENT_LABELS[lang].PROVIDE_COMPLEMENTS}</button></div>`
          : nothing}
    </section>`;
  }

  private who(entry: HistoryEntry) {
    if (entry.actor.role === 'declarant') return this.t.you;
    const role = ROLE_LABELS[this.host.language][entry.actor.role] ?? entry.actor.role;
    return role.charAt(0).toUpperCase() + role.slice(1);
  }

  private renderHistoryEntry(entry: HistoryEntry) {
    const what = this.t.events[entry.type] ?? entry.type;
    return html`<li><time datetime=${entry.at}>${this.moment(entry.at)}</time> — <strong>${this.who(entry)}</strong> : ${what}
      ${entry.comment ? html`<blockquote><p>${entry.comment}</p></blockquote>` : nothing}</li>`;
  }

  /** A question before an action that cannot be undone: focus goes to it, Escape or "Annuler" comes back. */
  private renderConfirm(what: 'withdraw' | 'erase', question: string, yes: string, extra: TemplateResult | typeof nothing = nothing) {
    const shared = this.host.strings;
    const busy = this.s.busy;
    const run = what === 'withdraw' ? () => this.withdraw() : () => this.erase();
    return html`<div class="confirm" role="group" aria-labelledby="confirm-${what}-text" ?inert=${busy}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); this.cancelConfirm(); } }}>
      <p class="alert" id="confirm-${what}-text" tabindex="-1">${question}</p>
      ${extra}
      <div class="buttons">
        <button type="button" class="danger" part="button button-danger" @click=${run}>${busy ? shared.sending : yes}</button>
        <button type="button" class="primary" part="button button-primary" @click=${() => this.cancelConfirm()}>${shared.cancel}</button>
      </div>
    </div>`;
  }

  private renderPersonalData(view: DeclarantPractice) {
    const t = this.t;
    const lang = this.host.language;
    const contact = view.declaration?.declarant;
    const erasedAt = view.personalDataErasedAt;
    return html`<section aria-labelledby="data-title">
      <h3 id="data-title">${t.dataTitle}</h3>
      ${erasedAt
        ? html`<p>${t.erased(this.day(erasedAt))}</p><p>${t.erasedMeaning}</p>`
        : html`<p>${t.dataText}</p>
          ${contact ? html`<dl class="facts contact">
            ${[['declarant.name', contact.name], ['declarant.email', contact.email], ['declarant.phone', contact.phone]].filter(([, v]) => v).map(([k, v]) => html`<div><dt>${fieldLabel(k!, lang)}</dt><dd>${v}</dd></div>`)}
          </dl>` : nothing}`}
      ${this.s.confirming === 'erase'
        ? this.renderConfirm('erase', t.eraseConfirm, t.eraseYes)
        : html`<div class="buttons">
            <button type="button" part="button" @click=${() => this.download()}>${t.download}</button>
            ${erasedAt || view.level !== 'declared' ? nothing : html`<button type="button" id="erase-button" class="danger" part="button button-danger" @click=${() => this.ask('erase')}>${t.erase}</button>`}
          </div>`}
    </section>`;
  }
}
