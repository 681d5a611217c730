// Registers <pi-fiche-editor>; a second registration (a script loaded twice) is harmless.
import { PiFicheEditor } from './fiche-editor.js';

/** Registers the element under `tag` unless that name is already taken. */
export function defineFicheEditor(tag = 'pi-fiche-editor', registry: CustomElementRegistry = customElements): void {
  if (!registry.get(tag)) registry.define(tag, class extends PiFicheEditor {});
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-fiche-editor': PiFicheEditor;
  }
}
