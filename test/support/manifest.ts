// Builds the Custom Elements Manifest from the sources (as `npm run build` does) and reads what the elements' code really uses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export interface ManifestEvent { name: string; description?: string; type?: { text: string } }
export interface ManifestNamed { name: string; description?: string }
export interface ManifestAttribute extends ManifestNamed { fieldName?: string; type?: { text: string }; default?: string }
export interface ManifestMember extends ManifestNamed { kind: string; privacy?: string; static?: boolean; attribute?: string; type?: { text: string }; default?: string; readonly?: boolean }
export interface ManifestElement {
  kind: 'class';
  name: string;
  customElement?: true;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestEvent[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: (ManifestNamed & { default?: string })[];
}
export interface Manifest { schemaVersion: string; modules: { path: string; declarations?: ManifestElement[] }[] }

/** Runs the analyzer with the project's configuration into a temporary folder. */
export function buildManifest(): Manifest {
  // The analyzer resolves --outdir against the working directory: a folder inside the project, ignored by git.
  mkdirSync('node_modules/.cache', { recursive: true });
  const out = relative(process.cwd(), mkdtempSync(join('node_modules/.cache', 'pi-cem-')));
  try {
    const r = spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out, '--quiet'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the analyzer failed: ${r.stderr}`);
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const elementsOf = (manifest: Manifest) =>
  manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => ({ path: m.path, element: d })));

/** Every class in widgets/<folder>/ that extends LitElement: what should be an element of the manifest. */
export function elementClassesInCode(): { path: string; name: string }[] {
  const found: { path: string; name: string }[] = [];
  for (const folder of readdirSync('widgets', { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of readdirSync(join('widgets', folder.name)).filter((f) => f.endsWith('.ts'))) {
      const path = join('widgets', folder.name, file);
      for (const m of readFileSync(path, 'utf8').matchAll(/export\s+class\s+(\w+)\s+extends\s+LitElement\b/g)) found.push({ path, name: m[1]! });
    }
  }
  return found;
}

/**
 * The files an element's code runs: its module and, transitively, the modules it imports from widgets/ by value
 * (static or `import()`); type-only imports are left out, the domain (src/) too: it renders nothing.
 */
export function codeClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...text.matchAll(/^\s*import\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/^\s*export\s+(?!type\b)[^'";]*?\s+from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
    ];
    for (const s of specifiers) {
      const target = normalize(join(dirname(file), s.replace(/\.js$/, '.ts')));
      if (target.startsWith('widgets/')) visit(target);
    }
  };
  visit(normalize(entry));
  return [...seen];
}

/** What the code of these files uses: part names, `--pi-*` properties, slots, event classes constructed. */
export function usedInCode(files: string[]) {
  const texts = files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
  // base.styles.ts reads each public `--pi-x` once into a private `--_x`; the rest of the code uses `var(--_x)`.
  const aliases = new Map<string, string>();
  for (const { text } of texts) for (const m of text.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*(--pi-[\w-]+)/g)) aliases.set(m[1]!, m[2]!);
  const parts = new Set<string>();
  const dynamicParts: string[] = [];
  const cssProperties = new Set<string>();
  const slots = new Set<string>();
  const eventClasses = new Set<string>();
  for (const { file, text } of texts) {
    for (const m of text.matchAll(/\bpart=(?:"([^"]*)"|'([^']*)'|(\$\{))/g)) {
      if (m[3]) dynamicParts.push(file);
      else for (const p of (m[1] ?? m[2] ?? '').split(/\s+/).filter(Boolean)) parts.add(p);
    }
    for (const m of text.matchAll(/var\(\s*(--(?:pi|_)-?[\w-]+)/g)) {
      const name = m[1]!;
      if (name.startsWith('--pi-')) {
        // The alias declaration itself (`--_x: var(--pi-x, …)`) is not a use: the alias is.
        const before = text.slice(Math.max(0, m.index! - 60), m.index!);
        if (!/--_[\w-]+\s*:\s*$/.test(before)) cssProperties.add(name);
      } else if (aliases.has(name)) cssProperties.add(aliases.get(name)!);
    }
    for (const m of text.matchAll(/<slot(?:\s+name="([^"]*)")?[^>]*>/g)) slots.add(m[1] ?? '');
    for (const m of text.matchAll(/\bnew\s+(\w+Event)\s*\(/g)) eventClasses.add(m[1]!);
  }
  return { parts, dynamicParts, cssProperties, slots, eventClasses };
}

/** The reactive properties declared with `@property(…)` in a class file: name, and attribute (`null` when none). */
export function reactiveProperties(file: string): { name: string; attribute: string | null }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/@property\(([^)]*)\)\s*(?:override\s+)?(?:declare\s+)?(?:accessor\s+)?(\w+)/g)].map((m) => {
    const options = m[1] ?? '';
    const name = m[2]!;
    if (/attribute:\s*false/.test(options)) return { name, attribute: null };
    const explicit = /attribute:\s*['"]([^'"]+)['"]/.exec(options)?.[1];
    return { name, attribute: explicit ?? name.toLowerCase() };
  });
}
