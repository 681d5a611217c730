// What every element shares: the public --pi-* tokens with their defaults, and a reset so the host page's CSS does not leak in.
import { css } from 'lit';

/**
 * Each public `--pi-*` property is read once here, with its default, into a private `--_*` one:
 * a value set on the element or on any ancestor reaches the element (a default declared on
 * `:host` itself would hide the ancestors' values).
 */
export const base = css`
  :host {
    --_font-family: var(--pi-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--pi-text, #161616);
    --_text-muted: var(--pi-text-muted, #3a3a3a);
    --_background: var(--pi-background, #ffffff);
    --_background-alt: var(--pi-background-alt, #f6f6f6);
    --_input-background: var(--pi-input-background, #eeeeee);
    --_border: var(--pi-border, #929292);
    --_primary: var(--pi-primary, #000091);
    --_primary-hover: var(--pi-primary-hover, #1212ff);
    --_on-primary: var(--pi-on-primary, #ffffff);
    --_error: var(--pi-error, #ce0500);
    --_success: var(--pi-success, #18753c);
    --_highlight: var(--pi-highlight, #fceeac);
    --_focus: var(--pi-focus, #0a76f6);
    --_radius: var(--pi-radius, 0.25em);
    --_space: var(--pi-space, 1em);
    all: initial;
    display: block;
    background: var(--_background);
    /*
     * What the element's text inherits is its own, even against a page rule that matches the host ("* { … }",
     * "body * { … }"), !important or not: an !important declaration of the shadow tree wins over the page's.
     * The host's box (display, margins, width) stays the page's to lay out; colours and fonts go through --pi-*.
     */
    font-family: var(--_font-family) !important;
    /* The person's own default size, not the host's root size (sites with html { font-size: 62.5% }). */
    font-size: medium !important;
    font-style: normal !important;
    font-weight: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    line-height: 1.5 !important;
    color: var(--_text) !important;
    -webkit-text-fill-color: currentcolor !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    text-decoration: none !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    list-style: disc outside none !important;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
