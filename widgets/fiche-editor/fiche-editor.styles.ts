// The fiche editor's look: the shared tokens, a single column that holds at 375 px, DSFR-like fields and focus.
import { css } from 'lit';
import { base } from '../shared/base.styles.js';

export const styles = [base, css`
  .editor { max-width: 60em; padding: var(--_space); }
  h2 { font-size: 1.5em; margin: 0 0 0.5em; }
  h3 { font-size: 1.2em; margin: 1.5em 0 0.5em; }
  .meta { color: var(--_text-muted); margin: 0 0 0.5em; }
  .badge { display: inline-block; background: var(--_background-alt); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0 0.5em; }
  .due { font-weight: 600; }
  .overdue { color: var(--_error); font-weight: 600; }
  .field { margin: 0 0 1.25em; }
  label, legend { display: block; font-weight: 600; margin-bottom: 0.25em; }
  .hint { display: block; font-weight: 400; color: var(--_text-muted); font-size: 0.875em; }
  /* A class, not a style attribute: a page whose CSP has no 'unsafe-inline' refuses inline styles. */
  .hint.inline { display: inline; }
  input[type='text'], textarea, select {
    display: block; width: 100%; font: inherit; color: var(--_text); background: var(--_input-background);
    border: 0; border-bottom: 2px solid var(--_border); border-radius: var(--_radius) var(--_radius) 0 0; padding: 0.5em;
  }
  textarea { min-height: 6em; resize: vertical; }
  select[multiple] { min-height: 8em; }
  fieldset { border: 0; padding: 0; margin: 0 0 1.25em; }
  .choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(14em, 1fr)); gap: 0.25em 1em; }
  .choice { display: flex; gap: 0.5em; align-items: flex-start; }
  .choice label { font-weight: 400; margin: 0; }
  .choice input { margin-top: 0.3em; }
  [aria-invalid='true'] { border-bottom-color: var(--_error); }
  .error { color: var(--_error); margin: 0.25em 0 0; }
  .alert { border-left: 4px solid var(--_error); padding: 0.5em 1em; margin: 1em 0; background: var(--_background-alt); }
  .alert ul { margin: 0.25em 0; padding-left: 1.25em; }
  .notice { border-left: 4px solid var(--_success); padding: 0.5em 1em; margin: 1em 0; background: var(--_background-alt); }
  .alert a, .notice a, a { color: var(--_primary); }
  button {
    font: inherit; cursor: pointer; border-radius: var(--_radius); padding: 0.5em 1em; margin: 0.25em 0.5em 0.25em 0;
    border: 1px solid var(--_primary); background: var(--_background); color: var(--_primary);
  }
  button.primary { background: var(--_primary); color: var(--_on-primary); }
  button.primary:hover { background: var(--_primary-hover); }
  button[disabled] { opacity: 0.6; cursor: default; }
  section { border-top: 1px solid var(--_border); margin-top: 2em; padding-top: 0.5em; }
  ol.versions { list-style: none; padding: 0; }
  ol.versions > li { border-left: 3px solid var(--_border); padding: 0.25em 0 0.25em 0.75em; margin-bottom: 0.75em; }
  h4 { font-size: 1em; margin: 0.75em 0 0.25em; }
  table { border-collapse: collapse; width: 100%; margin: 0.25em 0 0.5em; table-layout: fixed; }
  th, td { border: 1px solid var(--_border); padding: 0.25em 0.5em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: var(--_background-alt); }
  ul.links { padding-left: 1.25em; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1em; }
  @media (max-width: 40em) { .row { grid-template-columns: 1fr; } .editor { padding: calc(var(--_space) / 2); } }
`];
