// The board's look: the same sober, DSFR-like spacing, contrast and focus rules as the other elements.
import { css } from 'lit';
import { base } from '../shared/base.styles.js';

export const styles = [base, css`
  .board { padding: var(--_space); overflow-wrap: anywhere; }
  h2 { font-size: 1.375em; line-height: 1.25; margin: 0 0 0.5em; }
  h3 { font-size: 1.125em; margin: 1.25em 0 0.5em; }
  h4 { font-size: 1em; margin: 1em 0 0.5em; }
  p { margin: 0 0 0.75em; }
  ul, ol { margin: 0 0 1em; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5em; }
  @media (min-width: 56em) { .layout { grid-template-columns: 16em minmax(0, 1fr); } }

  .queues ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.5em; }
  @media (min-width: 56em) { .queues ul { flex-direction: column; } .queues button { width: 100%; } }
  .queues button { display: flex; justify-content: space-between; gap: 0.75em; text-align: left; font-weight: 400; }
  .queues button[aria-pressed='true'] { background: var(--_primary); color: var(--_on-primary); font-weight: 600; }
  .queues .special { border-style: dashed; }
  .count { font-variant-numeric: tabular-nums; white-space: nowrap; flex: none; }

  .items { list-style: none; padding: 0; }
  .item { border: 1px solid var(--_border); padding: 0.75em 1em; margin-bottom: 0.75em; }
  .item h3 { margin: 0 0 0.25em; font-size: 1.0625em; }
  .meta { color: var(--_text-muted); font-size: 0.875em; }
  .state { display: inline-block; background: var(--_background-alt); border: 1px solid var(--_border); border-radius: 1em; padding: 0 0.6em; color: var(--_text); }

  button {
    font: inherit; min-height: 2.5em; padding: 0.375em 1em; cursor: pointer; border-radius: var(--_radius);
    border: 1px solid var(--_primary); background: var(--_background); color: var(--_primary);
  }
  button.primary { background: var(--_primary); color: var(--_on-primary); font-weight: 600; }
  button.primary:hover { background: var(--_primary-hover); }
  button[aria-disabled='true'] { opacity: 0.6; cursor: progress; }
  button.link { border: 0; background: none; padding: 0; min-height: 0; text-decoration: underline; text-align: left; font-weight: 600; }
  .buttons, .pager { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; margin: 1em 0; }
  .action-buttons { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5em; }
  .action-buttons button[aria-expanded='true'] { background: var(--_primary); color: var(--_on-primary); }

  .practice { max-width: 72em; }
  .practice > h2 { font-size: 1.5em; margin-top: 0.75em; }
  .columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2em; }
  @media (min-width: 72em) { .columns { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
  dl { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.125em 1em; margin: 0 0 1em; }
  @media (min-width: 40em) { dl { grid-template-columns: minmax(8em, 14em) minmax(0, 1fr); } }
  dt { font-weight: 600; }
  dd { margin: 0 0 0.5em; white-space: pre-wrap; }
  a { color: var(--_primary); }

  .history, .opinions { padding-left: 1.25em; }
  .history li, .opinions li { margin-bottom: 0.75em; }
  .history p, .opinions p { margin: 0; }
  .comment { white-space: pre-wrap; border-left: 3px solid var(--_border); padding-left: 0.75em; margin-top: 0.25em !important; }

  /* break-word, not anywhere: the columns keep their width instead of breaking every word. */
  table { border-collapse: collapse; width: 100%; margin: 0 0 1em; overflow-wrap: break-word; }
  .changes th[scope='row'] { width: 22%; }
  caption { text-align: left; font-weight: 600; margin-bottom: 0.5em; }
  th, td { border: 1px solid var(--_border); padding: 0.5em 0.75em; text-align: left; vertical-align: top; white-space: pre-wrap; }
  thead th { background: var(--_background-alt); }
  td.before { background: #fff4f3; }
  td.after { background: #f0faf3; }
  .empty { color: var(--_text-muted); font-style: italic; }
  /* On a phone the three columns stack: each row becomes a block with its own labels. */
  @media (max-width: 40em) {
    .changes thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .changes tr, .changes th, .changes td, .changes th[scope='row'] { display: block; width: 100%; }
    .changes tr { margin-bottom: 0.75em; border: 1px solid var(--_border); }
    .changes th, .changes td { border: 0; }
    .changes td::before { content: attr(data-label) ' : '; font-weight: 600; }
  }

  .actions { border: 1px solid var(--_border); padding: 0 1em; margin: 1em 0; background: var(--_background); }
  .action-form { border-top: 1px solid var(--_border); padding: 0.5em 0 0; }
  .field { margin: 0 0 1em; }
  label, legend { display: block; font-weight: 600; }
  fieldset { border: 0; margin: 0 0 1em; padding: 0; min-width: 0; }
  legend { padding: 0; margin-bottom: 0.5em; }
  .hint { display: block; font-weight: 400; font-size: 0.875em; color: var(--_text-muted); margin: 0.25em 0 0; }
  .asterisk { color: var(--_error); }
  .hint-inline { font-weight: 400; color: var(--_text-muted); }
  textarea, input[type='search'] {
    display: block; width: 100%; max-width: 100%; margin-top: 0.5em; padding: 0.5em 0.75em; font: inherit; color: var(--_text);
    background: var(--_input-background); border: 0; border-bottom: 2px solid var(--_text); border-radius: var(--_radius) var(--_radius) 0 0; min-height: 2.5em;
  }
  textarea { min-height: 7em; resize: vertical; }
  [aria-invalid='true'] { border-bottom-color: var(--_error); }
  .invalid { border-left: 2px solid var(--_error); padding-left: 0.75em; }
  .choice { display: flex; align-items: flex-start; gap: 0.5em; margin: 0.25em 0; }
  .choice input { width: 1.25em; height: 1.25em; margin: 0.125em 0 0; flex: none; accent-color: var(--_primary); }
  .choice label { font-weight: 400; }
  .scroll { max-height: 16em; overflow: auto; border: 1px solid var(--_border); padding: 0.5em; margin-top: 0.5em; }
  .error { color: var(--_error); font-weight: 600; }
  .error::before { content: '⚠ '; }

  .notice { background: var(--_background-alt); border-left: 4px solid var(--_primary); padding: 0.75em 1em; }
  .alert { border-left: 4px solid var(--_error); background: #fff4f3; padding: 0.75em 1em; margin: 0 0 1em; }
  .success { border-left: 4px solid var(--_success); background: #f0faf3; padding: 0.75em 1em; margin: 0 0 1em; }
  .conflict { border: 2px solid #b34000; background: #fff8f0; padding: 0 1em 0.5em; margin: 1em 0; }
  .alert p:last-child, .success p:last-child, .notice p:last-child { margin-bottom: 0; }
  blockquote { margin: 0.5em 0; padding-left: 0.75em; border-left: 3px solid var(--_border); white-space: pre-wrap; }
  /* Campaigns: the filter in the queues' column, the table of counts, and each campaign's links. */
  .campaign-filter { margin: 1em 0 0.5em; }
  .campaign-filter select {
    display: block; width: 100%; margin-top: 0.25em; padding: 0.5em; font: inherit; color: var(--_text);
    background: var(--_input-background); border: 0; border-bottom: 2px solid var(--_text); border-radius: var(--_radius) var(--_radius) 0 0;
  }
  .table-wrap { overflow-x: auto; margin: 0 0 1.5em; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.5em; border-bottom: 1px solid var(--_border); vertical-align: top; }
  thead th { border-bottom: 2px solid var(--_text); }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .campaign { margin: 0 0 1.5em; }
  .links { list-style: none; padding: 0; margin: 0 0 0.5em; }
  .links li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.75em; padding: 0.5em 0; border-bottom: 1px solid var(--_border); }
  .links .who { font-weight: 600; min-width: 12em; }
  .link-text { overflow-wrap: anywhere; font-size: 0.875em; flex: 1 1 16em; }
  .counts { display: flex; flex-wrap: wrap; gap: 1em; margin: 0 0 1.5em; }
  .counts div { border: 1px solid var(--_border); padding: 0.5em 1em; min-width: 8em; }
  .counts dt { font-size: 0.875em; color: var(--_text-muted); }
  .counts dd { margin: 0; font-size: 1.5em; font-weight: 700; }
  @media (prefers-reduced-motion: no-preference) { button { transition: background-color 0.1s; } }
  @media print { .queues, .actions, .back, .pager { display: none !important; } .layout { display: block; } }
`];
