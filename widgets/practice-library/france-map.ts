// The map of France by département for the library: shaded by count, one tab stop with arrow keys, and a table as its text alternative.
import { html, nothing, svg } from 'lit';
import { taxonomy } from '../../src/taxonomy/taxonomy.js';
import { DEPARTMENT_PATHS, MAP_AUTHORS, MAP_LICENSE, MAP_VIEWBOX, OVERSEAS_TILES } from './map-data.generated.js';

export interface MapStrings {
  title: string;
  instructions: string;
  count: (label: string, n: number) => string;
  table: string;
  department: string;
  practices: string;
  legend: string;
  credit: string;
}

export const MAP_STRINGS: Readonly<Record<'fr' | 'en' | 'de', MapStrings>> = {
  fr: {
    title: 'Carte des pratiques par département',
    instructions: 'Flèches pour passer d’un département à l’autre, Entrée ou Espace pour filtrer.',
    count: (label, n) => `${label} : ${n} pratique${n > 1 ? 's' : ''}`,
    table: 'Voir les chiffres par département (tableau)',
    department: 'Département',
    practices: 'Pratiques',
    legend: 'Plus la couleur est foncée, plus il y a de pratiques.',
    credit: 'Fond de carte',
  },
  en: {
    title: 'Map of the practices by département',
    instructions: 'Arrow keys move from one département to the next, Enter or Space filters.',
    count: (label, n) => `${label}: ${n} practice${n > 1 ? 's' : ''}`,
    table: 'See the figures by département (table)',
    department: 'Département',
    practices: 'Practices',
    legend: 'The darker the colour, the more practices.',
    credit: 'Base map',
  },
  de: {
    title: 'Karte der Praktiken nach Département',
    instructions: 'Pfeiltasten wechseln das Département, Eingabe oder Leertaste filtert.',
    count: (label, n) => `${label}: ${n} ${n === 1 ? 'Praxis' : 'Praktiken'}`,
    table: 'Zahlen nach Département anzeigen (Tabelle)',
    department: 'Département',
    practices: 'Praktiken',
    legend: 'Je dunkler die Farbe, desto mehr Praktiken.',
    credit: 'Kartengrundlage',
  },
};

// Five steps from no practice to the most: light to the primary colour, each step readable against the next.
const SHADES = ['#f6f6f6', '#dcdcf7', '#a9a9ee', '#6a6ad8', '#000091'];
const shade = (n: number, max: number) => (n <= 0 || max <= 0 ? SHADES[0] : SHADES[Math.min(4, 1 + Math.floor((3 * (n - 1)) / Math.max(1, max - 1)))]);

/** Départements in the order the arrow keys follow: the INSEE order of the taxonomy. */
export const MAP_ORDER: readonly string[] = taxonomy.departments.map((d) => d.code);

export interface MapInput {
  counts: Readonly<Record<string, number>>;
  selected: readonly string[];
  /** The département that holds the tab stop. */
  focus: string;
  strings: MapStrings;
  toggle(code: string): void;
  move(code: string): void;
}

/** Moves the roving tab stop with the arrow keys, Home and End; Enter and Space filter. */
export function mapKeydown(event: KeyboardEvent, input: MapInput) {
  const index = MAP_ORDER.indexOf(input.focus);
  const go = (i: number) => {
    event.preventDefault();
    input.move(MAP_ORDER[(i + MAP_ORDER.length) % MAP_ORDER.length]!);
  };
  switch (event.key) {
    case 'ArrowRight': case 'ArrowDown': return go(index + 1);
    case 'ArrowLeft': case 'ArrowUp': return go(index - 1);
    case 'Home': return go(0);
    case 'End': return go(MAP_ORDER.length - 1);
    case 'Enter': case ' ':
      event.preventDefault();
      return input.toggle(input.focus);
    default:
      return undefined;
  }
}

export function renderMap(input: MapInput) {
  const { counts, selected, focus, strings: s } = input;
  const max = Math.max(0, ...Object.values(counts));
  const label = (code: string) => taxonomy.departments.find((d) => d.code === code)?.label ?? code;
  const area = (code: string, shape: ReturnType<typeof svg>) => {
    const n = counts[code] ?? 0;
    const on = selected.includes(code);
    return svg`<g role="button" class="dep ${on ? 'on' : ''}" data-code=${code} tabindex=${code === focus ? 0 : -1}
      aria-pressed=${on ? 'true' : 'false'} aria-label=${s.count(`${code} ${label(code)}`, n)} fill=${shade(n, max)}
      @click=${() => { input.move(code); input.toggle(code); }}>${shape}<title>${s.count(label(code), n)}</title></g>`;
  };
  return html`<figure class="map" aria-labelledby="map-title">
    <figcaption id="map-title">${s.title}<span class="hint" id="map-instructions">${s.instructions} ${s.legend}</span></figcaption>
    <svg viewBox=${MAP_VIEWBOX} role="group" aria-labelledby="map-title" aria-describedby="map-instructions" @keydown=${(e: KeyboardEvent) => mapKeydown(e, input)}>
      ${MAP_ORDER.filter((code) => DEPARTMENT_PATHS[code]).map((code) => area(code, svg`<path d=${DEPARTMENT_PATHS[code]!}></path>`))}
      ${OVERSEAS_TILES.map((tile) => area(tile.code, svg`<rect x=${tile.x} y=${tile.y} width=${tile.width} height=${tile.height} rx="4"></rect>
        <text x=${tile.x + tile.width / 2} y=${tile.y + tile.height / 2 + 6} text-anchor="middle" aria-hidden="true">${tile.code}</text>`))}
    </svg>
    <details>
      <summary>${s.table}</summary>
      <table>
        <thead><tr><th scope="col">${s.department}</th><th scope="col">${s.practices}</th></tr></thead>
        <tbody>${MAP_ORDER.filter((code) => (counts[code] ?? 0) > 0 || selected.includes(code)).map((code) => html`<tr>
          <th scope="row"><button type="button" class="link" aria-pressed=${selected.includes(code) ? 'true' : 'false'} @click=${() => input.toggle(code)}>${code} ${label(code)}</button></th>
          <td>${counts[code] ?? 0}</td></tr>`)}</tbody>
      </table>
    </details>
    <p class="credit">${s.credit} : ${MAP_AUTHORS.map((a, i) => html`${i ? ', ' : nothing}<a href=${a.url}>${a.name}</a>`)},
      <a href=${MAP_LICENSE.url}>${MAP_LICENSE.name}</a>.</p>
  </figure>`;
}
