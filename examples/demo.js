// The home page's last part: the domain's search over the example store, rendered with plain DOM, as a portal could in its own stack.
import { highlight, labelOf, getDepartment, getRegion, taxonomy } from '../dist/index.js';
import { createExampleStore } from '../dist/examples.js';

const store = createExampleStore();
const form = document.getElementById('search');
const status = document.getElementById('status');
const results = document.getElementById('results');
const fields = { text: form.text, themes: form.themes, regions: form.regions, sort: form.sort };

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// Text with the query's words marked, built from the domain's highlight() (no HTML parsing).
function marked(text, terms) {
  return highlight(text, terms).map((s) => (s.match ? el('mark', { textContent: s.text }) : document.createTextNode(s.text)));
}

function fillSelect(select, list, counts, all) {
  const current = select.value;
  select.replaceChildren(el('option', { value: '', textContent: all }));
  for (const term of list) {
    const n = counts[term.code] ?? 0;
    select.append(el('option', { value: term.code, textContent: `${term.label} (${n})`, disabled: n === 0 && term.code !== current }));
  }
  select.value = current;
}

function territory(p) {
  const loc = (p.declaration ?? p.fiche).location;
  if (loc.departments.length) return loc.departments.map((c) => getDepartment(c)?.label ?? c).join(', ') + (loc.locality ? ` — ${loc.locality}` : '');
  if (loc.regions.length) return loc.regions.map((c) => getRegion(c)?.label ?? c).join(', ');
  return 'France entière';
}

let pending = 0;
async function update() {
  const ticket = ++pending;
  const query = {
    text: fields.text.value,
    themes: fields.themes.value ? [fields.themes.value] : [],
    regions: fields.regions.value ? [fields.regions.value] : [],
    sort: fields.sort.value,
    limit: 20,
  };
  const r = await store.search(query);
  if (ticket !== pending) return; // a newer keystroke already asked
  fillSelect(fields.themes, taxonomy.themes, r.facets.themes, 'Toutes les thématiques');
  fillSelect(fields.regions, taxonomy.regions, r.facets.regions, 'Toutes les régions');
  status.textContent = r.total === 0 ? 'Aucune pratique ne correspond. Retirez un critère ou vérifiez l’orthographe.' : `${r.total} pratique${r.total > 1 ? 's' : ''} trouvée${r.total > 1 ? 's' : ''}${r.total > r.items.length ? `, ${r.items.length} affichées` : ''}.`;
  results.replaceChildren(
    ...r.items.map((p) => {
      const body = p.declaration ?? p.fiche;
      const terms = r.matches?.[p.id] ?? [];
      const excerpt = (p.declaration?.description ?? p.fiche.summary).slice(0, 260);
      return el('li', {},
        el('h3', {}, ...marked(body.title, terms)),
        el('p', { className: 'meta' },
          p.level === 'onpe' ? 'Fiche dispositif ONPE · ' : 'Pratique déclarée · ',
          ...marked(body.entityName, terms), ` · ${labelOf('scales', body.scale)} · ${territory(p)}`),
        p.featured ? el('p', { className: 'featured', textContent: '★ Pratique valorisée par le comité' }) : null,
        el('p', {}, ...marked(excerpt + (excerpt.length === 260 ? '…' : ''), terms)),
        el('p', {}, ...body.themes.map((t) => el('span', { className: 'tag', textContent: labelOf('themes', t) }))),
      );
    }),
  );
}

let timer;
form.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(update, 120);
});
form.addEventListener('submit', (e) => e.preventDefault());
update();
