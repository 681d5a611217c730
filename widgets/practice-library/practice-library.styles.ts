// The library's look: the same sober, DSFR-like rules as the form, inside its shadow root.
import { css } from 'lit';
import { base } from '../shared/base.styles.js';

export const styles = [base, css`
  .library { padding: 1em; }
  h2 { font-size: 1.25em; margin: 0 0 0.5em; }
  h3 { font-size: 1.125em; margin: 0 0 0.25em; }
  p { margin: 0 0 0.75em; }
  label, legend { font-weight: 600; }
  .hint { display: block; font-weight: 400; font-size: 0.875em; color: var(--_text-muted); }
  input[type='search'], select {
    display: block; width: 100%; max-width: 100%; margin-top: 0.5em; padding: 0.5em 0.75em; font: inherit; color: var(--_text);
    background: #eeeeee; border: 0; border-bottom: 2px solid var(--_text); border-radius: 0.25em 0.25em 0 0; min-height: 2.5em;
  }
  select { width: auto; display: inline-block; margin: 0 0 0 0.5em; }
  .search { margin-bottom: 1em; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5em; }
  @media (min-width: 48em) { .layout { grid-template-columns: 16em minmax(0, 1fr); } }
  fieldset { border: 0; margin: 0; padding: 0.25em 0 0.5em; min-width: 0; }
  .facet { border-top: 1px solid var(--_border); padding: 0.25em 0; }
  .facet summary { font-weight: 600; cursor: pointer; padding: 0.375em 0; min-height: 2.25em; }
  legend { padding: 0 0.25em 0 0; }
  .choice { display: flex; gap: 0.5em; align-items: flex-start; margin: 0.125em 0; }
  .choice input { width: 1.125em; height: 1.125em; margin: 0.2em 0 0; flex: none; accent-color: var(--_primary); }
  .choice label { font-weight: 400; overflow-wrap: anywhere; }
  .scroll { max-height: 14em; overflow: auto; }
  .chips { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin-bottom: 0.75em; }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em; margin-bottom: 0.75em; }
  .toolbar .count { margin: 0 auto 0 0; font-weight: 600; }
  .cards { list-style: none; padding: 0; margin: 0; }
  .card { border: 1px solid var(--_border); padding: 1em; margin-bottom: 1em; overflow-wrap: anywhere; }
  .card a, .permalink a { color: var(--_primary); }
  .meta { color: var(--_text-muted); font-size: 0.875em; }
  .featured { color: #6a3f00; font-weight: 600; }
  .motivation { border-left: 3px solid #6a3f00; padding-left: 0.75em; margin: 0.5em 0; }
  .links { margin: 0.75em 0; }
  .links p, .links ul { margin: 0.25em 0; }
  .highlights-title { margin: 0 0 0.5em; }
  .tag { display: inline-block; background: var(--_background-alt); border-radius: 1em; padding: 0 0.6em; margin: 0 0.25em 0.25em 0; font-size: 0.875em; }
  mark { background: var(--_highlight); color: inherit; }
  button {
    font: inherit; min-height: 2.5em; padding: 0.375em 1em; cursor: pointer; border-radius: 0.25em;
    border: 1px solid var(--_primary); background: var(--_background); color: var(--_primary);
  }
  button[disabled] { opacity: 0.5; cursor: default; }
  button.chip { background: var(--_background-alt); border-color: var(--_border); color: var(--_text); border-radius: 1em; min-height: 2em; }
  button.link { border: 0; background: none; text-decoration: underline; padding: 0; min-height: 0; }
  .pager, .exports { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; margin: 1em 0; }
  .fiche { max-width: 48em; overflow-wrap: anywhere; }
  .fiche h2 { font-size: 1.5em; margin-top: 0.75em; }
  .text { white-space: pre-wrap; }
  dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25em 1em; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .alert { border-left: 4px solid #ce0500; padding: 0.75em 1em; }
  .map { margin: 0 0 1em; }
  .map svg { display: block; width: 100%; max-height: 28em; }
  .dep path, .dep rect { stroke: #ffffff; stroke-width: 0.6; cursor: pointer; }
  .dep.on path, .dep.on rect { stroke: #ce0500; stroke-width: 2.5; }
  .dep:focus { outline: none; }
  .dep:focus-visible path, .dep:focus-visible rect { stroke: var(--_focus); stroke-width: 3; }
  .dep text { font-size: 20px; fill: #161616; paint-order: stroke; stroke: #ffffff; stroke-width: 4px; pointer-events: none; }
  .map table { border-collapse: collapse; margin-top: 0.5em; }
  .map th, .map td { text-align: left; padding: 0.125em 0.75em 0.125em 0; font-weight: 400; }
  .map thead th { font-weight: 600; }
  .map summary { cursor: pointer; color: var(--_primary); }
  .credit { font-size: 0.75em; color: var(--_text-muted); margin-top: 0.5em; }
  @media print { .search, .facets, .chips, .toolbar, .pager, .exports, button { display: none !important; } .layout { display: block; } }
`];
