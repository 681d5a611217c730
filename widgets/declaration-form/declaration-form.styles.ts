// The form's look: DSFR spacing, contrast and focus rules re-declared inside the shadow root, without the State's identity.
import { css } from 'lit';
import { base } from '../shared/base.styles.js';

export const styles = [base, css`
  .form { max-width: 48em; padding: var(--_space); }
  h2 { font-size: 1.5em; line-height: 1.25; margin: 0 0 calc(var(--_space) / 2); }
  h3 { font-size: 1.125em; margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2); }
  p { margin: 0 0 var(--_space); }
  .progress { color: var(--_text-muted); font-size: 0.875em; margin: 0; }
  .progress-bar { display: flex; gap: 0.25em; margin: 0.5em 0 var(--_space); }
  .progress-bar span { flex: 1; height: 0.5em; background: var(--_input-background); }
  .progress-bar span.done { background: var(--_primary); }
  .required-note { font-size: 0.875em; color: var(--_text-muted); }
  .field { margin: 0 0 calc(var(--_space) * 1.5); }
  label, legend { display: block; font-weight: 600; }
  fieldset { border: 0; margin: 0 0 calc(var(--_space) * 1.5); padding: 0; min-width: 0; }
  legend { padding: 0; margin-bottom: 0.5em; }
  .hint { display: block; font-weight: 400; font-size: 0.875em; color: var(--_text-muted); margin: 0.25em 0 0; }
  .asterisk { color: var(--_error); }
  input[type='text'], input[type='email'], input[type='tel'], input[type='search'], textarea, select {
    display: block; width: 100%; max-width: 100%; margin-top: 0.5em; padding: 0.5em 0.75em;
    font: inherit; color: var(--_text); background: var(--_input-background);
    border: 0; border-bottom: 2px solid var(--_text); border-radius: var(--_radius) var(--_radius) 0 0;
    min-height: 2.5em;
  }
  textarea { min-height: 8em; resize: vertical; }
  .invalid input[type='text'], .invalid input[type='email'], .invalid input[type='tel'], .invalid textarea, .invalid select { border-bottom-color: var(--_error); }
  .invalid { border-left: 2px solid var(--_error); padding-left: 0.75em; }
  .choice { display: flex; align-items: flex-start; gap: 0.5em; margin: 0.25em 0; }
  .choice input { width: 1.25em; height: 1.25em; margin: 0.125em 0 0; flex: none; accent-color: var(--_primary); }
  .choice label { font-weight: 400; }
  .choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr)); gap: 0 1em; }
  .scroll { max-height: 20em; overflow: auto; border: 1px solid var(--_border); padding: 0.5em; margin-top: 0.5em; }
  .other { margin: 0.5em 0 0 1.75em; }
  .error { color: var(--_error); font-size: 0.875em; margin: 0.25em 0 0; }
  .error::before { content: '⚠ '; }
  .counter { font-size: 0.875em; color: var(--_text-muted); margin: 0.25em 0 0; }
  .counter.over { color: var(--_error); font-weight: 600; }
  .summary { border: 2px solid var(--_error); padding: var(--_space); margin-bottom: calc(var(--_space) * 1.5); }
  .summary:focus { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .summary h3 { margin-top: 0; color: var(--_error); }
  .summary ul { margin: 0; padding-left: 1.25em; }
  .notice { background: var(--_background-alt); border-left: 4px solid var(--_primary); padding: 0.75em var(--_space); }
  .alert { border-left: 4px solid var(--_error); background: #fff4f3; padding: 0.75em var(--_space); }
  .success { border-left: 4px solid var(--_success); background: #f0faf3; padding: 0.75em var(--_space); }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.75em; margin-top: calc(var(--_space) * 1.5); }
  button {
    font: inherit; font-weight: 500; min-height: 2.5em; padding: 0.5em 1.5em; cursor: pointer;
    border-radius: var(--_radius); border: 1px solid var(--_primary);
    background: var(--_background); color: var(--_primary);
  }
  button.primary { background: var(--_primary); color: var(--_on-primary); }
  button.primary:hover { background: var(--_primary-hover); }
  button[disabled] { opacity: 0.6; cursor: progress; }
  button.link { border: 0; background: none; padding: 0; min-height: 0; text-decoration: underline; color: var(--_primary); }
  input:focus-visible, textarea:focus-visible, select:focus-visible { outline-offset: 2px; }
  .draft-status { font-size: 0.875em; color: var(--_text-muted); min-height: 1.5em; margin: 0.5em 0 0; }
  dl { margin: 0; }
  dt { font-weight: 600; margin-top: 0.5em; }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .recap-section { border-top: 1px solid var(--_border); padding-top: 0.5em; }
  .recap-section header { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; }
  .privacy ::slotted(*) { font-size: 0.875em; background: var(--_background-alt); padding: 0.75em var(--_space); margin: 0 0 var(--_space); }
  button.danger { border-color: var(--_error); color: var(--_error); }
  button.danger:hover { background: #fff4f3; }
  /* The follow-up link and the committee's message must stand out from the text around them. */
  .link-box { border: 1px solid var(--_border); background: var(--_background); padding: var(--_space); margin: var(--_space) 0; }
  .link-box h3, .request h3 { margin-top: 0; }
  /* Links of the error summary take the host's colour too, as the buttons do. */
  .link a, .summary a { color: var(--_primary); overflow-wrap: anywhere; }
  .request { border-left: 4px solid var(--_primary); background: var(--_background-alt); padding: var(--_space); margin: var(--_space) 0 calc(var(--_space) * 1.5); }
  blockquote { margin: 0.5em 0 var(--_space); padding: 0.5em 0 0.5em var(--_space); border-left: 2px solid var(--_border); white-space: pre-wrap; overflow-wrap: anywhere; }
  blockquote p { margin: 0; }
  blockquote footer { font-size: 0.875em; color: var(--_text-muted); margin-top: 0.25em; white-space: normal; }
  .request blockquote { font-size: 1.125em; background: var(--_background); border-left-color: var(--_primary); }
  .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr)); gap: 0 1.5em; margin: var(--_space) 0; }
  .facts dd { overflow-wrap: anywhere; }
  .facts.contact { grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr)); }
  .success > p:last-child, .notice > p:last-child, .alert > p:last-child { margin-bottom: 0; }
  @media (max-width: 30em) { .request { padding: 0.75em; } .request blockquote { font-size: 1em; } }
  .state { color: var(--_primary); }
  .history { padding-left: 1.25em; margin: 0 0 var(--_space); }
  .history li { margin-bottom: 0.5em; }
  .history time { color: var(--_text-muted); }
  .history blockquote { margin-bottom: 0; }
  .confirm { margin-top: var(--_space); }
  .confirm p.alert:focus { outline: 2px solid var(--_focus); outline-offset: 2px; }
  #notice:focus, #action-error:focus { outline: 2px solid var(--_focus); outline-offset: 2px; }
  @media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.1s; } }
  @media print { .buttons, .draft-status { display: none; } }
`];
