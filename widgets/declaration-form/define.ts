// Registers <pi-declaration-form>; a second registration (a script loaded twice) is harmless.
import { PiDeclarationForm } from './declaration-form.js';

/** Registers the element under `tag` unless that name is already taken. */
export function defineDeclarationForm(tag = 'pi-declaration-form', registry: CustomElementRegistry = customElements): void {
  if (!registry.get(tag)) registry.define(tag, class extends PiDeclarationForm {});
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-declaration-form': PiDeclarationForm;
  }
}
