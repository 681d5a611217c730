// Every catalogue (fr, en, de) has the same keys in every language, and each text quotes the same values in each.
// The catalogues are found, not listed: every exported `Record<Lang, …>` of src/ and of the elements' *strings.ts files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGS } from '../../src/schema/messages.js';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const CATALOGUE = /Record<\s*(?:Lang|'fr'\s*\|\s*'en'\s*\|\s*'de')\s*,|\{\s*fr\s*,\s*en\s*,\s*de\s*\}/;
const files = [
  ...walk('src').filter((f) => !f.endsWith('.generated.ts')),
  ...walk('widgets').filter((f) => /strings\.ts$/.test(f) || f.endsWith('france-map.ts')),
].filter((f) => CATALOGUE.test(readFileSync(f, 'utf8')));

// Values a text cannot print by chance (no département code, no year, no limit of the schema).
const MARKERS = [947, 953, 967, 983, 991, 997, 9419, 9437, 9473, 9491];

/**
 * A stand-in argument: printed or computed with, it is a marker number; read as an object, each property is
 * another stand-in; used as a list, it is empty. So one call shows which arguments a text quotes.
 */
function standIn(next: () => number): unknown {
  const value = next();
  const properties = new Map<string, unknown>();
  return new Proxy([], {
    get(target, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? value : String(value));
      if (typeof key === 'string' && !(key in Array.prototype)) {
        if (!properties.has(key)) properties.set(key, standIn(next));
        return properties.get(key);
      }
      return Reflect.get(target, key);
    },
  });
}

/** Calls a text function of catalogue `lang` with stand-ins (a parameter named `l` or `lang` gets the language) and lists the markers it printed. */
function quoted(fn: (...args: unknown[]) => unknown, lang: string): string {
  let n = 0;
  const next = () => MARKERS[n++ % MARKERS.length]!;
  const params = (/^(?:function[^(]*)?\(?([^)=]*)\)?\s*(?:=>|\{)/.exec(fn.toString())?.[1] ?? '').split(',').map((p) => p.trim().replace(/[:=].*$/, '')).filter(Boolean);
  const args = params.map((name) => (/^(l|lang)$/.test(name) ? lang : standIn(next)));
  const out = String(fn(...args));
  return MARKERS.filter((m) => out.includes(String(m))).join(',');
}

/** The shape of a catalogue entry: key paths, and for each leaf its kind, arity and the values it quotes. */
function shape(value: unknown, lang: string, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'function') out.set(path, `function/${value.length} quoting [${quoted(value as (...a: unknown[]) => unknown, lang)}]`);
  else if (Array.isArray(value)) {
    out.set(path, `array of ${value.length}`);
    value.forEach((v, i) => shape(v, lang, `${path}[${i}]`).forEach((s, k) => out.set(k, s)));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) shape(v, lang, path ? `${path}.${k}` : k).forEach((s, key) => out.set(key, s));
  } else if (typeof value === 'string') {
    const placeholders = [...value.matchAll(/\{\w+\}|%[sd]/g)].map((m) => m[0]).sort();
    out.set(path, placeholders.length ? `text with ${placeholders.join(' ')}` : 'text');
    if (!value.trim()) out.set(path, 'EMPTY TEXT');
  } else out.set(path, typeof value);
  return out;
}

test('the catalogues are found: the domain’s messages and every element’s strings', () => {
  for (const expected of ['src/schema/messages.ts', 'src/review/labels.ts', 'widgets/declaration-form/strings.ts', 'widgets/practice-library/strings.ts', 'widgets/review-board/strings.ts']) {
    assert.ok(files.includes(expected), `${expected} is checked`);
  }
  // Every element's folder has its catalogue.
  for (const folder of readdirSync('widgets', { withFileTypes: true }).filter((e) => e.isDirectory() && !['shared', 'bundles'].includes(e.name))) {
    assert.ok(files.some((f) => f.startsWith(join('widgets', folder.name, ''))), `widgets/${folder.name}/ has a strings.ts with fr, en and de`);
  }
});

for (const file of files) {
  test(`${file}: every catalogue has the same keys, kinds and quoted values in fr, en and de`, async () => {
    const module = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
    const catalogues = Object.entries(module).filter(([, v]) => v && typeof v === 'object' && 'fr' in (v as object));
    if (!catalogues.length) return; // its catalogues are module-private: their Record<Lang, …> type holds them
    for (const [name, catalogue] of catalogues) {
      const byLang = catalogue as Record<string, unknown>;
      assert.deepEqual(Object.keys(byLang).sort(), [...LANGS].sort(), `${name}: one entry per language`);
      const reference = shape(byLang.fr, 'fr');
      assert.ok(reference.size > 0, `${name}: not empty`);
      for (const lang of LANGS.filter((l) => l !== 'fr')) {
        const other = shape(byLang[lang], lang);
        const missing = [...reference.keys()].filter((k) => !other.has(k));
        const extra = [...other.keys()].filter((k) => !reference.has(k));
        assert.deepEqual(missing, [], `${name}.${lang}: keys missing (present in fr)`);
        assert.deepEqual(extra, [], `${name}.${lang}: keys that fr does not have`);
        const differing = [...reference].filter(([k, s]) => other.get(k) !== s).map(([k, s]) => `${k}: fr ${s}, ${lang} ${other.get(k)}`);
        assert.deepEqual(differing, [], `${name}.${lang}: entries whose kind or quoted values differ from French`);
      }
    }
  });
}
