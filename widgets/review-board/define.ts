// Registers <pi-review-board>; a second registration (a script loaded twice) is harmless.
import { PiReviewBoard } from './review-board.js';

/** Registers the element under `tag` unless that name is already taken. */
export function defineReviewBoard(tag = 'pi-review-board', registry: CustomElementRegistry = customElements): void {
  if (!registry.get(tag)) registry.define(tag, class extends PiReviewBoard {});
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-review-board': PiReviewBoard;
  }
}
