// The events of the elements: classes, so TypeScript users get typed fields and frameworks the usual `detail`.
import type { CoauthorLink, DeclarantPractice, Practice, PublicPractice, SubmittedPractice } from '../src/model.js';
import type { ReviewEventType } from '../src/review/events.js';

const init = { bubbles: true, composed: true } as const;

/** `pi-step-change`: the declaration form shows another step. */
export class StepChangeEvent extends CustomEvent<{ step: number; name: string }> {
  static readonly eventName = 'pi-step-change';
  constructor(step: number, name: string) {
    super(StepChangeEvent.eventName, { ...init, detail: { step, name } });
  }
}

/** `pi-submitted`: the store confirmed the declaration; `detail.practice` is the declarant's view with the secret token. */
export class PracticeSubmittedEvent extends CustomEvent<{ practice: SubmittedPractice | DeclarantPractice }> {
  static readonly eventName = 'pi-submitted';
  constructor(practice: SubmittedPractice | DeclarantPractice) {
    super(PracticeSubmittedEvent.eventName, { ...init, detail: { practice } });
  }
}

/** `pi-submit-error`: sending failed; the form keeps everything and offers to retry. */
export class SubmitErrorEvent extends CustomEvent<{ error: Error; code: string; retryable: boolean }> {
  static readonly eventName = 'pi-submit-error';
  constructor(error: Error & { code?: string }) {
    const code = error.code ?? 'unavailable';
    super(SubmitErrorEvent.eventName, { ...init, detail: { error, code, retryable: code === 'unavailable' } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pi-step-change': StepChangeEvent;
    'pi-submitted': PracticeSubmittedEvent;
    'pi-submit-error': SubmitErrorEvent;
  }
}

/** `pi-practice-open`: the library shows a practice's fiche; `detail.practice` is its public view. */
export class PracticeOpenEvent extends CustomEvent<{ practice: PublicPractice }> {
  static readonly eventName = 'pi-practice-open';
  constructor(practice: PublicPractice) {
    super(PracticeOpenEvent.eventName, { ...init, detail: { practice } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pi-practice-open': PracticeOpenEvent;
  }
}

/** Detail of {@link ReviewActionEvent}. */
export interface ReviewActionDetail {
  practiceId: string;
  /** The review event the store accepted (`START_REVIEW`, `GIVE_OPINION`, `ACCEPT`…). */
  type: ReviewEventType;
  /** The practice as the store returned it after the event (the committee's view). */
  practice: Practice;
}

/** `pi-review-event`: the store accepted an action sent from the review board. */
export class ReviewActionEvent extends CustomEvent<ReviewActionDetail> {
  static readonly eventName = 'pi-review-event';
  constructor(practice: Practice, type: ReviewEventType) {
    super(ReviewActionEvent.eventName, { ...init, detail: { practiceId: practice.id, type, practice } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pi-review-event': ReviewActionEvent;
  }
}

/** What a declarant did from the follow-up page (their secret link). */
export type DeclarantAction = 'PROVIDE_COMPLEMENTS' | 'WITHDRAW' | 'ERASE_PERSONAL_DATA';

/** `pi-declarant-action`: the store accepted an action of the declarant; `detail.practice` is their view after it. */
export class DeclarantActionEvent extends CustomEvent<{ action: DeclarantAction; practice: DeclarantPractice }> {
  static readonly eventName = 'pi-declarant-action';
  constructor(action: DeclarantAction, practice: DeclarantPractice) {
    super(DeclarantActionEvent.eventName, { ...init, detail: { action, practice } });
  }
}

/** `pi-declarant-action-error`: an action of the declarant failed; `retryable` when nothing was refused (the service did not answer). */
export class DeclarantActionErrorEvent extends CustomEvent<{ action: DeclarantAction; error: Error; code: string; retryable: boolean }> {
  static readonly eventName = 'pi-declarant-action-error';
  constructor(action: DeclarantAction, error: Error & { code?: string }) {
    const code = error.code ?? 'unavailable';
    super(DeclarantActionErrorEvent.eventName, { ...init, detail: { action, error, code, retryable: code === 'unavailable' } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pi-declarant-action': DeclarantActionEvent;
    'pi-declarant-action-error': DeclarantActionErrorEvent;
  }
}

/** What a confirmed write of the fiche editor was. */
export type FicheSavedKind = 'create' | 'edit' | 'publish' | 'actualise';

/** `pi-fiche-saved`: the store confirmed a fiche's creation, new version, publication or actualisation. */
export class FicheSavedEvent extends CustomEvent<{ practice: Practice; kind: FicheSavedKind }> {
  static readonly eventName = 'pi-fiche-saved';
  constructor(practice: Practice, kind: FicheSavedKind) {
    super(FicheSavedEvent.eventName, { ...init, detail: { practice, kind } });
  }
}

/** `pi-fiche-error`: the store refused or did not answer; what was typed is kept. */
export class FicheErrorEvent extends CustomEvent<{ error: Error; code: string }> {
  static readonly eventName = 'pi-fiche-error';
  constructor(error: Error, code: string) {
    super(FicheErrorEvent.eventName, { ...init, detail: { error, code } });
  }
}

/** `pi-coauthor-invited`: a co-author's secret link was created; `detail.url` is the page to send them. */
export class CoauthorInvitedEvent extends CustomEvent<{ link: CoauthorLink; url: string }> {
  static readonly eventName = 'pi-coauthor-invited';
  constructor(link: CoauthorLink, url: string) {
    super(CoauthorInvitedEvent.eventName, { ...init, detail: { link, url } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pi-fiche-saved': FicheSavedEvent;
    'pi-fiche-error': FicheErrorEvent;
    'pi-coauthor-invited': CoauthorInvitedEvent;
  }
}
