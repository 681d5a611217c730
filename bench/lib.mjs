// What the benchmarks share: writing their own section of docs/performance.md, leaving the others untouched.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/**
 * Replaces the section that starts with `## <heading>` in docs/performance.md (up to the next
 * `## `), or appends it. `markdown` must start with that heading line. Returns the file's path.
 */
export function writePerformanceSection(heading, markdown) {
  return writeDocSection('performance.md', '# Performance\n', heading, markdown);
}

/** The same for any page of docs/ (`reliability.md`…): `title` starts the file when it does not exist yet. */
export function writeDocSection(page, title, heading, markdown) {
  const file = join(root, 'docs', page);
  let text = existsSync(file) ? readFileSync(file, 'utf8') : title;
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = text.search(new RegExp(`^## ${escaped}\\s*$`, 'm'));
  if (start === -1) {
    text = `${text.replace(/\s*$/, '')}\n\n${markdown}`;
  } else {
    const rest = text.slice(start + 1);
    const next = rest.search(/^## /m);
    text = `${text.slice(0, start)}${markdown}${next === -1 ? '' : `\n${rest.slice(next)}`}`;
  }
  writeFileSync(file, `${text.replace(/\s*$/, '')}\n`);
  return file;
}

/** A minimal French page for a benchmark: `head` and `body` are inserted as given, under a heading. */
export const benchPage = ({ title, heading, head, body }) => `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
<main>
<h1>${heading}</h1>
${body}
</main>
</body>
</html>
`;
