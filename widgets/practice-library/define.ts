// Registers <pi-practice-library>; a second registration (a script loaded twice) is harmless.
import { PiPracticeLibrary } from './practice-library.js';

/** Registers the element under `tag` unless that name is already taken. */
export function definePracticeLibrary(tag = 'pi-practice-library', registry: CustomElementRegistry = customElements): void {
  if (!registry.get(tag)) registry.define(tag, class extends PiPracticeLibrary {});
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-practice-library': PiPracticeLibrary;
  }
}
