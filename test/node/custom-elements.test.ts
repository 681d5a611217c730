// The Custom Elements Manifest documents every element, attribute, property, event, part, slot and custom property the code uses, and nothing it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildManifest, codeClosure, elementClassesInCode, elementsOf, reactiveProperties, usedInCode, type ManifestElement } from '../support/manifest.js';

const manifest = buildManifest();
const elements = elementsOf(manifest);
const eventNameOf = new Map<string, string>();
for (const m of manifest.modules) {
  for (const d of m.declarations ?? []) {
    const field = d.members?.find((x) => x.static && x.name === 'eventName');
    if (field?.default) eventNameOf.set(d.name, field.default.replace(/^['"]|['"]$/g, ''));
  }
}

const undocumented = <T extends { name: string; description?: string }>(items: T[] | undefined) => (items ?? []).filter((i) => !i.description?.trim()).map((i) => i.name);
const names = (items: { name: string }[] | undefined) => new Set((items ?? []).map((i) => i.name));
const sorted = (s: Iterable<string>) => [...s].sort();

test('every LitElement class under widgets/ is an element of the manifest, with its tag, summary and description', () => {
  const inCode = elementClassesInCode();
  assert.ok(inCode.length >= 3, 'the three elements at least');
  for (const { path, name } of inCode) {
    const found = elements.find((e) => e.element.name === name);
    assert.ok(found, `${name} (${path}) is not in the manifest`);
    assert.match(found.element.tagName ?? '', /^pi-[a-z-]+$/, `${name}: add \`@tagname pi-…\` to its JSDoc`);
    assert.ok(found.element.summary?.trim(), `${name}: add \`@summary\``);
    assert.ok(found.element.description?.trim(), `${name}: describe the element in its JSDoc`);
  }
});

test('each element is registered under its manifest tag and typed in HTMLElementTagNameMap', () => {
  for (const { path, element } of elements) {
    const define = join(dirname(path), 'define.ts');
    assert.ok(existsSync(define), `${element.tagName}: ${define} registers it`);
    const text = readFileSync(define, 'utf8');
    assert.match(text, new RegExp(`tag\\s*=\\s*'${element.tagName}'`), `${define} registers ${element.tagName} by default`);
    assert.match(text, new RegExp(`interface HTMLElementTagNameMap\\s*\\{[^}]*'${element.tagName}'\\s*:\\s*${element.name}\\b`), `${define} maps ${element.tagName} to ${element.name}`);
  }
  const all = readFileSync('widgets/define.ts', 'utf8');
  for (const { path } of elements) assert.ok(all.includes(`./${dirname(path).split('/').pop()}/define.js`), `widgets/define.ts registers ${path}`);
});

for (const { path, element } of elements) {
  const tag = element.tagName ?? element.name;
  const used = usedInCode(codeClosure(path));

  test(`<${tag}>: every public reactive property and attribute is described`, () => {
    const props = reactiveProperties(path);
    assert.ok(props.length > 0);
    const members = new Map((element.members ?? []).map((m) => [m.name, m]));
    const attributes = new Map((element.attributes ?? []).map((a) => [a.name, a]));
    for (const p of props) {
      const member = members.get(p.name);
      assert.ok(member, `${tag}: property ${p.name} is not in the manifest`);
      assert.ok(member.description?.trim(), `${tag}: property ${p.name} has no description (JSDoc above it)`);
      if (p.attribute) {
        const attribute = attributes.get(p.attribute);
        assert.ok(attribute, `${tag}: attribute ${p.attribute} is not in the manifest`);
        assert.ok(attribute.description?.trim(), `${tag}: attribute ${p.attribute} has no description`);
      }
    }
    assert.deepEqual(undocumented(element.attributes), [], `${tag}: attributes without a description`);
  });

  test(`<${tag}>: every event it dispatches is documented with @fires, typed, and in GlobalEventHandlersEventMap`, () => {
    const dispatched = new Set([...used.eventClasses].filter((c) => eventNameOf.has(c)).map((c) => eventNameOf.get(c)!));
    assert.deepEqual(sorted(names(element.events)), sorted(dispatched), `${tag}: events documented (left) and dispatched by the code (right)`);
    assert.deepEqual(undocumented(element.events), [], `${tag}: events without @fires`);
    const eventMap = readFileSync('widgets/events.ts', 'utf8');
    for (const e of element.events ?? []) {
      assert.ok(e.type?.text, `${tag}: ${e.name} has no event class`);
      assert.match(eventMap, new RegExp(`'${e.name}'\\s*:\\s*${e.type!.text}\\s*;`), `widgets/events.ts: GlobalEventHandlersEventMap lacks '${e.name}': ${e.type!.text}`);
    }
  });

  test(`<${tag}>: the parts in its templates are the parts documented with @csspart`, () => {
    assert.deepEqual(used.dynamicParts, [], `${tag}: write part names literally (part="…"), so that they can be checked`);
    assert.deepEqual(sorted(names(element.cssParts)), sorted(used.parts), `${tag}: parts documented (left) and used in templates (right)`);
    assert.deepEqual(undocumented(element.cssParts), []);
  });

  test(`<${tag}>: the --pi-* custom properties its styles read are the ones documented with @cssprop`, () => {
    assert.ok(used.cssProperties.size > 0);
    assert.deepEqual(sorted(names(element.cssProperties)), sorted(used.cssProperties), `${tag}: custom properties documented (left) and read by its styles (right)`);
    assert.deepEqual(undocumented(element.cssProperties), []);
  });

  test(`<${tag}>: its slots are documented with @slot`, () => {
    assert.deepEqual(sorted(names(element.slots)), sorted(used.slots), `${tag}: slots documented (left) and in templates (right)`);
    assert.deepEqual(undocumented(element.slots), []);
  });
}

test('package.json names the manifest that the build writes, and it is the one the sources give', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { customElements?: string; exports: Record<string, unknown> };
  assert.equal(pkg.customElements, './dist/custom-elements.json');
  assert.equal(pkg.exports['./custom-elements.json'], './dist/custom-elements.json');
  assert.ok(existsSync('dist/custom-elements.json'), 'run `npm run build`');
  const built = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: ManifestElement[] }[] };
  assert.deepEqual(sorted(elementsOf(built as never).map((e) => e.element.tagName!)), sorted(elements.map((e) => e.element.tagName!)));
});
