// Hostile text for the injection tests: markup, scripts, links, formulas, XML and SQL, each valid for the schema
// (no control character), so that it reaches storage and every channel that shows it.
import type { Actor, Practice } from '../../src/model.js';
import type { EngineStore } from '../../src/store/engine.js';
import { validInput } from './declarations.js';
import { validFiche } from './fiche-contract.js';

/** One payload per kind of injection; a page that ran any of them sets `window.__pwned`. */
export const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  script: '<script>window.__pwned="script"</script>',
  svg: '"><svg onload=window.__pwned="svg">',
  js: 'javascript:window.__pwned="href"',
  template: '${window.__pwned="tpl"} {{constructor.constructor("window.__pwned=1")()}}',
  formula: '=HYPERLINK("http://evil.example/?x","cliquez")',
  formulaPlus: '+SUM(1+1)*cmd|\' /C calc\'!A0',
  formulaMinus: '-2+3',
  formulaAt: '@SUM(1+1)',
  xml: ']]></title><entry><title>faux</title></entry><![CDATA[',
  entity: '&lt;b&gt; &amp;amp; &#x3C;i&#x3E;',
  sql: "'; DROP TABLE practices; --",
  sqlQuote: "O'Brien \" ) OR 1=1 --",
  bidi: 'abc\u202edcba\u202c',
} as const;

/** Every payload in one text, within `max` characters when given. */
export const allPayloads = (max = 1000) => Object.values(PAYLOADS).join(' ¶ ').slice(0, max);

/** A declaration whose every free text is hostile. */
export function hostileDeclaration(marker = 'H'): Record<string, unknown> {
  return {
    ...validInput(),
    title: `${marker} ${PAYLOADS.img} ${PAYLOADS.sql}`,
    entityName: `${PAYLOADS.formula} ${PAYLOADS.svg}`.slice(0, 100),
    description: allPayloads(),
    scale: 'locale',
    location: { regions: [], departments: ['59'], locality: `${PAYLOADS.js}` },
    themes: ['education', 'autre'],
    themeOther: `${PAYLOADS.xml}`.slice(0, 100),
    relay: 'autre',
    relayOther: PAYLOADS.formulaAt,
    departmentAgreement: { obtained: true, representative: PAYLOADS.script },
    declarant: { name: PAYLOADS.template.slice(0, 100), email: 'camille.martin@example.org', accuracyCertified: true },
  };
}

/** A fiche whose every free text is hostile. */
export function hostileFiche(marker = 'F'): Record<string, unknown> {
  return {
    ...validFiche(),
    title: `${marker} ${PAYLOADS.svg} ${PAYLOADS.formulaPlus}`,
    entityName: `${PAYLOADS.entity} ${PAYLOADS.sqlQuote}`,
    summary: allPayloads(),
    objectives: `${PAYLOADS.script}\n\n${PAYLOADS.formulaMinus}`,
    means: PAYLOADS.img,
    keysToSuccess: PAYLOADS.template,
    expectedResults: PAYLOADS.xml,
    difficulties: PAYLOADS.js,
    partners: [PAYLOADS.formula, PAYLOADS.svg, PAYLOADS.sql],
    coAuthors: [{ name: PAYLOADS.img.slice(0, 100), organisation: PAYLOADS.formulaAt }],
  };
}

const reviewer: Actor = { id: 'rev-1', role: 'reviewer' };
const reviewer2: Actor = { id: 'rev-2', role: 'reviewer' };
const chair: Actor = { id: 'chair', role: 'chair' };
const editor: Actor = { id: 'editor', role: 'editor' };

/** What {@link seedHostile} made: a published and featured declaration, one waiting for review, a published fiche. */
export interface HostileSeed {
  published: Practice;
  submitted: Practice;
  fiche: Practice;
}

/** Puts hostile practices through the whole workflow, with hostile comments at every step. */
export async function seedHostile(store: EngineStore): Promise<HostileSeed> {
  const send = async (p: Practice, event: Record<string, unknown>) =>
    (await store.send(p.id, event as never, { expectedVersion: p.version })) as Practice;
  let published = (await store.submit(hostileDeclaration('Publiée'), { idempotencyKey: 'hostile-1', source: { partner: PAYLOADS.svg, page: `https://asso.example.org/?q=${encodeURIComponent(PAYLOADS.img)}` } })) as unknown as Practice;
  published = (await store.get(published.id, { actor: chair })) as Practice;
  published = await send(published, { type: 'START_REVIEW', actor: reviewer });
  published = await send(published, { type: 'GIVE_OPINION', actor: reviewer, opinion: 'favorable', comment: PAYLOADS.script });
  published = await send(published, { type: 'GIVE_OPINION', actor: reviewer2, opinion: 'reserve', comment: PAYLOADS.formula });
  published = await send(published, { type: 'ACCEPT', actor: chair, comment: `${PAYLOADS.img} ${PAYLOADS.xml}` });
  published = await send(published, { type: 'PUBLISH', actor: editor });
  published = await send(published, { type: 'FEATURE', actor: editor, comment: `${PAYLOADS.svg} ${PAYLOADS.formula}` });
  let submitted = (await store.submit(hostileDeclaration('Reçue'), { idempotencyKey: 'hostile-2', source: { partner: PAYLOADS.sql, page: PAYLOADS.js } })) as unknown as Practice;
  submitted = (await store.get(submitted.id, { actor: chair })) as Practice;
  let fiche = await store.createFiche(hostileFiche('Fiche'), { actor: editor });
  fiche = await send(fiche, { type: 'PUBLISH', actor: editor, comment: PAYLOADS.template });
  return { published, submitted, fiche };
}
