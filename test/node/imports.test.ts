// Imports through the reference server over real HTTP, on PGlite and PostgreSQL: a dry run of a file with faulty rows lists
// every row's problems and writes nothing; a real import of the example files; the same files again change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readImport, DDF_PARTNER } from '../../src/import/index.js';
import { createHttpStore } from '../../src/store/index.js';
import type { Practice } from '../../src/model.js';
import type { ReferenceServer } from '../../examples/server/server.js';
import { BOARD, TOKEN_OF, backends, startServer, type Storage } from '../support/server.js';
import { NOW } from '../support/store-contract.js';
import { validInput } from '../support/declarations.js';

const file = (name: string) => readFileSync(new URL(`../../examples/data/imports/${name}`, import.meta.url), 'utf8');
const editor = TOKEN_OF.editor!;

async function post(url: string, path: string, body: string, type: string, token: string | null = editor) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': type, Origin: BOARD, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('reading import files', () => {
  test('CSV columns by field or by French label, values by code or by label, several values per cell', () => {
    const csv = 'Intitulé de la pratique;level;Thématique;regions;departments;coAuthors\nUn titre;onpe;Santé mentale | education;Bretagne;Finistère|56;Claire Morel (ONPE)|Yann\n';
    const { records, problems, positions } = readImport(csv);
    assert.deepEqual(problems, []);
    assert.deepEqual(positions, ['Ligne 2']);
    const fiche = (records[0] as { fiche: Record<string, unknown> }).fiche;
    assert.equal(fiche.title, 'Un titre');
    assert.deepEqual(fiche.themes, ['sante-mentale', 'education']);
    assert.deepEqual(fiche.location, { regions: ['53'], departments: ['29', '56'] });
    assert.deepEqual(fiche.coAuthors, [{ name: 'Claire Morel', organisation: 'ONPE' }, { name: 'Yann' }]);
  });

  test('an unknown column, a row without level and malformed JSON are said in French', () => {
    const read = readImport('title,couleur\nUn titre,bleu\n');
    assert.match(read.problems.map((p) => p.message).join(' '), /Colonne\(s\) inconnue\(s\).*« couleur »/);
    assert.match(read.problems.map((p) => p.message).join(' '), /Niveau/);
    assert.deepEqual(read.unreadable, [0]);
    assert.match(readImport('{ pas du json', { format: 'json' }).problems[0]!.message, /n’est pas du JSON valide/);
  });

  test('Départements de France records are recorded as theirs; a structured JSON record keeps its own source otherwise', () => {
    const ddf = readImport(file('ddf-initiatives.json'), { format: 'json', origin: 'ddf' });
    assert.ok(ddf.records.every((r) => r.level === 'declared' && r.source?.partner === DDF_PARTNER));
    const plain = readImport(JSON.stringify({ records: [{ level: 'declared', declaration: validInput() }] }));
    assert.equal((plain.records[0] as { source?: unknown }).source, undefined);
  });

  test('a JSON file says its origin itself; the caller’s wins; an unknown one is a problem of the file, in French', () => {
    const own = readImport(file('ddf-initiatives.json'));
    assert.deepEqual(own.problems, []);
    assert.ok(own.records.length > 0 && own.records.every((r) => r.level === 'declared' && r.source?.partner === DDF_PARTNER));
    const flat = JSON.stringify({ origin: 'onpe', records: [{ title: 'Un titre' }] });
    assert.equal(readImport(flat).records[0]!.level, 'onpe');
    assert.equal(readImport(flat, { origin: 'ddf' }).records[0]!.level, 'declared', 'the caller’s origin wins');
    const unknown = readImport(JSON.stringify({ origin: 'autre', records: [{ title: 'Un titre' }] }));
    assert.deepEqual(unknown.problems.filter((p) => p.index === -1).map((p) => [p.field, p.code]), [['origin', 'invalid_choice']]);
    assert.match(unknown.problems[0]!.message, /Origine du fichier\s:\s« autre » est inconnue/);
  });
});

for (const backend of await backends()) {
  if (backend.unavailable) {
    const { reason, required } = backend.unavailable;
    test(`imports on ${backend.name}`, { skip: required ? false : reason }, () => {
      throw new Error(`${backend.name} did not start: ${reason}`);
    });
    continue;
  }
  describe(`imports through the reference server on ${backend.name}`, () => {
    let storage: Storage;
    let server: ReferenceServer;
    let url: string;
    const committeeList = async () => (await createHttpStore(url, { token: TOKEN_OF.chair! }).list({ limit: 500 }, { actor: { id: 'chair', role: 'chair' } }));
    before(async () => {
      storage = await backend.open();
      server = await startServer(storage.db, { importBodyLimit: 64 * 1024 }, { clock: () => new Date(NOW) });
      url = server.url;
    });
    after(async () => {
      await server?.close();
      await storage?.dispose();
    });

    test('a dry run of a file with faulty rows lists every row’s problems, in French, and writes nothing', async () => {
      const before = (await committeeList()).total;
      const r = await post(url, '/imports?dryRun=1', file('ddf-lignes-fautives.csv'), 'text/csv');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const report = r.body.report;
      assert.equal(report.dryRun, true);
      assert.equal(report.ok, false);
      assert.deepEqual(report.counts, { total: 5, created: 1, present: 0, invalid: 4 });
      assert.deepEqual(report.rows.map((row: { position: string; status: string }) => [row.position, row.status]),
        [['Ligne 2', 'new'], ['Ligne 3', 'invalid'], ['Ligne 4', 'invalid'], ['Ligne 5', 'invalid'], ['Ligne 6', 'invalid']]);
      const fieldsOf = (position: string) => report.rows.find((row: { position: string }) => row.position === position).problems.map((p: { field: string }) => p.field).sort();
      assert.deepEqual(fieldsOf('Ligne 3'), ['declarant.email', 'implementationDate', 'title']);
      assert.deepEqual(fieldsOf('Ligne 4'), ['location.regions', 'themes']);
      assert.deepEqual(fieldsOf('Ligne 5'), ['level']);
      assert.deepEqual(fieldsOf('Ligne 6'), ['conditionsAccepted', 'implementationDate', 'location.locality']);
      const messages: string[] = report.problems.map((p: { message: string }) => p.message);
      assert.ok(messages.some((m) => /^Ligne 3 — Intitulé de la pratique\s:\sce champ est obligatoire\.$/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /^Ligne 4 — Thématique\s:\s« Sport » ne fait pas partie des choix proposés/.test(m)), messages.join('\n'));
      assert.equal((await committeeList()).total, before, 'a dry run writes nothing');
      // The same file for real: refused as a whole, with the same problems, and still nothing written.
      const real = await post(url, '/imports', file('ddf-lignes-fautives.csv'), 'text/csv');
      assert.equal(real.status, 422);
      assert.equal(real.body.error.code, 'invalid-declaration');
      assert.match(real.body.error.message, /9 problème\(s\) dans l’import ; rien n’a été importé/);
      assert.ok(real.body.error.fields.some((f: { field: string }) => f.field === '1.title'));
      assert.equal((await committeeList()).total, before);
    });

    test('the example files are imported: ONPE fiches published, Départements de France records submitted; a re-run changes nothing', async () => {
      const before = await committeeList();
      const dry = await post(url, '/imports?dryRun=1', file('onpe-fiches.csv'), 'text/csv; charset=utf-8');
      assert.deepEqual(dry.body.report.counts, { total: 3, created: 3, present: 0, invalid: 0 });
      assert.equal((await committeeList()).total, before.total);

      const onpe = await post(url, '/imports', file('onpe-fiches.csv'), 'text/csv');
      assert.equal(onpe.status, 200, JSON.stringify(onpe.body));
      assert.deepEqual(onpe.body.report.counts, { total: 3, created: 3, present: 0, invalid: 0 });
      assert.ok(onpe.body.items.every((p: Practice) => p.level === 'onpe' && p.review.state === 'published'));
      assert.deepEqual(onpe.body.items[0].fiche.themes, ['maintien-liens-parents-enfants'], 'labels became codes');
      assert.deepEqual(onpe.body.items[0].fiche.location.departments, ['29']);

      const ddf = await post(url, '/imports', file('ddf-initiatives.json'), 'application/json');
      assert.equal(ddf.status, 200, JSON.stringify(ddf.body));
      assert.ok(ddf.body.items.every((p: Practice) => p.level === 'declared' && p.review.state === 'submitted' && p.source?.partner === DDF_PARTNER));
      assert.equal(ddf.body.items[0].review.history[0].type, 'IMPORT');

      const search = await createHttpStore(url).search({ text: 'visites médiatisées', levels: ['onpe'] });
      assert.equal(search.total, 1, 'the published fiche is in the library');
      const afterFirst = await committeeList();
      assert.equal(afterFirst.total, before.total + 6);

      // The same files again: every row is already present, nothing is written.
      const again = await post(url, '/imports', file('onpe-fiches.csv'), 'text/csv');
      assert.deepEqual(again.body.report.counts, { total: 3, created: 0, present: 3, invalid: 0 });
      assert.deepEqual(again.body.items.map((p: Practice) => p.id), onpe.body.items.map((p: Practice) => p.id));
      const againDdf = await post(url, '/imports?dryRun=true', file('ddf-initiatives.json'), 'application/json');
      assert.deepEqual(againDdf.body.report.rows.map((r: { status: string; reference: string }) => r.status), ['present', 'present', 'present']);
      assert.equal(againDdf.body.report.rows[0].reference, ddf.body.items[0].reference);
      await post(url, '/imports', file('ddf-initiatives.json'), 'application/json');
      const afterSecond = await committeeList();
      assert.equal(afterSecond.total, afterFirst.total, 'a re-run changes nothing');
      assert.deepEqual(afterSecond.counts, afterFirst.counts);
    });

    test('the port speaks the same route: runImport with a dry run through createHttpStore', async () => {
      const store = createHttpStore(url, { token: editor });
      const actor = { id: 'editor', role: 'editor' as const };
      const records = [{ level: 'declared' as const, declaration: { ...validInput(), title: '' }, key: 'port-1' }, { level: 'declared' as const, declaration: validInput(), key: 'port-2' }];
      const report = await store.runImport!(records, { actor, dryRun: true });
      assert.deepEqual(report.rows.map((r) => r.status), ['invalid', 'new']);
      assert.equal(report.rows[0]!.problems[0]!.field, 'title');
      const done = await store.runImport!([records[1]!], { actor });
      assert.deepEqual([done.dryRun, done.counts.created, done.items.length], [false, 1, 1]);
      assert.equal((await store.runImport!([records[1]!], { actor })).counts.present, 1);
    });

    test('a character the database cannot store (NUL, a lone surrogate), escaped in JSON or raw in CSV, is refused in French and nothing is written', async () => {
      const before = (await committeeList()).total;
      const record = (title: string) => ({ level: 'declared', declaration: { ...validInput(), title } });
      // JSON.stringify writes both as escapes (\u0000, \ud800): the raw text holds neither character.
      const bodies: [string, string][] = [
        [JSON.stringify({ records: [record('Un titre\u0000caché')] }), 'application/json'],
        [JSON.stringify([record('Un titre \ud800 isolé')]), 'application/json'],
        [`title;level\nUn titre\u0000caché;declared\n`, 'text/csv'],
      ];
      for (const [body, type] of bodies) {
        assert.ok(!body.includes('\u0000') || type === 'text/csv', 'the JSON text itself holds only escapes');
        for (const path of ['/imports?dryRun=1', '/imports']) {
          const r = await post(url, path, body, type);
          assert.equal(r.status, 400, `${path} ${body.slice(0, 60)}: ${JSON.stringify(r.body)}`);
          assert.equal(r.body.error.code, 'invalid-declaration');
          assert.match(r.body.error.message, /caractère invalide \(caractère nul ou demi-caractère Unicode isolé\)/);
        }
      }
      assert.equal((await committeeList()).total, before, 'nothing written');
    });

    test('imports are the editor’s; a wrong type, an unknown origin and a file too large are refused in French', async () => {
      assert.equal((await post(url, '/imports?dryRun=1', file('onpe-fiches.csv'), 'text/csv', TOKEN_OF.chair)).status, 403);
      assert.equal((await post(url, '/imports?dryRun=1', file('onpe-fiches.csv'), 'text/csv', null)).status, 401);
      const plain = await post(url, '/imports', 'a;b', 'text/plain');
      assert.equal(plain.status, 415);
      assert.match(plain.body.error.message, /JSON.*CSV/);
      const origin = await post(url, '/imports?origin=autre', file('onpe-fiches.csv'), 'text/csv');
      assert.equal(origin.status, 400);
      assert.match(origin.body.error.message, /Origine de l’import inconnue/);
      const own = await post(url, '/imports?dryRun=1', JSON.stringify({ origin: 'autre', records: [] }), 'application/json');
      assert.equal(own.status, 400, 'an unknown origin named by the JSON file itself');
      assert.match(own.body.error.message, /Origine de l’import inconnue/);
      const big = await post(url, '/imports?dryRun=1', `${file('onpe-fiches.csv')}${'x'.repeat(70 * 1024)}`, 'text/csv');
      assert.equal(big.status, 413);
      assert.match(big.body.error.message, /dépasse la taille autorisée pour un import/);
      // The other routes keep their own, smaller limit.
      assert.equal((await post(url, '/practices', JSON.stringify({ declaration: validInput(), pad: 'x'.repeat(300 * 1024) }), 'application/json', null)).status, 413);
    });
  });
}
