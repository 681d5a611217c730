// The form's look: DSFR spacing, contrast and focus rules re-declared inside the shadow root, without the State's identity.
import { css } from 'lit';

export const styles = css`
  :host {
    --pi-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --pi-text: #161616;
    --pi-text-muted: #3a3a3a;
    --pi-background: #ffffff;
    --pi-background-alt: #f6f6f6;
    --pi-input-background: #eeeeee;
    --pi-border: #929292;
    --pi-primary: #000091;
    --pi-primary-hover: #1212ff;
    --pi-on-primary: #ffffff;
    --pi-error: #ce0500;
    --pi-success: #18753c;
    --pi-focus: #0a76f6;
    --pi-radius: 0.25em;
    --pi-space: 1em;
    display: block;
    all: initial;
    display: block;
    font-family: var(--pi-font-family);
    font-size: medium;
    line-height: 1.5;
    color: var(--pi-text);
    background: var(--pi-background);
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  .form { max-width: 48em; padding: var(--pi-space); }
  h2 { font-size: 1.5em; line-height: 1.25; margin: 0 0 calc(var(--pi-space) / 2); }
  h3 { font-size: 1.125em; margin: calc(var(--pi-space) * 1.5) 0 calc(var(--pi-space) / 2); }
  p { margin: 0 0 var(--pi-space); }
  .progress { color: var(--pi-text-muted); font-size: 0.875em; margin: 0; }
  .progress-bar { display: flex; gap: 0.25em; margin: 0.5em 0 var(--pi-space); }
  .progress-bar span { flex: 1; height: 0.5em; background: var(--pi-input-background); }
  .progress-bar span.done { background: var(--pi-primary); }
  .required-note { font-size: 0.875em; color: var(--pi-text-muted); }
  .field { margin: 0 0 calc(var(--pi-space) * 1.5); }
  label, legend { display: block; font-weight: 600; }
  fieldset { border: 0; margin: 0 0 calc(var(--pi-space) * 1.5); padding: 0; min-width: 0; }
  legend { padding: 0; margin-bottom: 0.5em; }
  .hint { display: block; font-weight: 400; font-size: 0.875em; color: var(--pi-text-muted); margin: 0.25em 0 0; }
  .asterisk { color: var(--pi-error); }
  input[type='text'], input[type='email'], input[type='tel'], input[type='search'], textarea, select {
    display: block; width: 100%; max-width: 100%; margin-top: 0.5em; padding: 0.5em 0.75em;
    font: inherit; color: var(--pi-text); background: var(--pi-input-background);
    border: 0; border-bottom: 2px solid var(--pi-text); border-radius: var(--pi-radius) var(--pi-radius) 0 0;
    min-height: 2.5em;
  }
  textarea { min-height: 8em; resize: vertical; }
  .invalid input[type='text'], .invalid input[type='email'], .invalid input[type='tel'], .invalid textarea, .invalid select { border-bottom-color: var(--pi-error); }
  .invalid { border-left: 2px solid var(--pi-error); padding-left: 0.75em; }
  .choice { display: flex; align-items: flex-start; gap: 0.5em; margin: 0.25em 0; }
  .choice input { width: 1.25em; height: 1.25em; margin: 0.125em 0 0; flex: none; accent-color: var(--pi-primary); }
  .choice label { font-weight: 400; }
  .choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr)); gap: 0 1em; }
  .scroll { max-height: 20em; overflow: auto; border: 1px solid var(--pi-border); padding: 0.5em; margin-top: 0.5em; }
  .other { margin: 0.5em 0 0 1.75em; }
  .error { color: var(--pi-error); font-size: 0.875em; margin: 0.25em 0 0; }
  .error::before { content: '⚠ '; }
  .counter { font-size: 0.875em; color: var(--pi-text-muted); margin: 0.25em 0 0; }
  .counter.over { color: var(--pi-error); font-weight: 600; }
  .summary { border: 2px solid var(--pi-error); padding: var(--pi-space); margin-bottom: calc(var(--pi-space) * 1.5); }
  .summary:focus { outline: 2px solid var(--pi-focus); outline-offset: 2px; }
  .summary h3 { margin-top: 0; color: var(--pi-error); }
  .summary ul { margin: 0; padding-left: 1.25em; }
  .notice { background: var(--pi-background-alt); border-left: 4px solid var(--pi-primary); padding: 0.75em var(--pi-space); }
  .alert { border-left: 4px solid var(--pi-error); background: #fff4f3; padding: 0.75em var(--pi-space); }
  .success { border-left: 4px solid var(--pi-success); background: #f0faf3; padding: 0.75em var(--pi-space); }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.75em; margin-top: calc(var(--pi-space) * 1.5); }
  button {
    font: inherit; font-weight: 500; min-height: 2.5em; padding: 0.5em 1.5em; cursor: pointer;
    border-radius: var(--pi-radius); border: 1px solid var(--pi-primary);
    background: var(--pi-background); color: var(--pi-primary);
  }
  button.primary { background: var(--pi-primary); color: var(--pi-on-primary); }
  button.primary:hover { background: var(--pi-primary-hover); }
  button[disabled] { opacity: 0.6; cursor: progress; }
  button.link { border: 0; background: none; padding: 0; min-height: 0; text-decoration: underline; color: var(--pi-primary); }
  :focus-visible { outline: 2px solid var(--pi-focus); outline-offset: 2px; }
  input:focus-visible, textarea:focus-visible, select:focus-visible { outline-offset: 2px; }
  .draft-status { font-size: 0.875em; color: var(--pi-text-muted); min-height: 1.5em; margin: 0.5em 0 0; }
  dl { margin: 0; }
  dt { font-weight: 600; margin-top: 0.5em; }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .recap-section { border-top: 1px solid var(--pi-border); padding-top: 0.5em; }
  .recap-section header { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; }
  .privacy ::slotted(*) { font-size: 0.875em; background: var(--pi-background-alt); padding: 0.75em var(--pi-space); margin: 0 0 var(--pi-space); }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.1s; } }
  @media print { .buttons, .draft-status { display: none; } }
`;
