/** Replaces (or appends) the `## <heading>` section of docs/performance.md; returns the file's path. */
export function writePerformanceSection(heading: string, markdown: string): string;
/** Replaces (or appends) the `## <heading>` section of docs/<page>, which starts with `title` when new; returns the file's path. */
export function writeDocSection(page: string, title: string, heading: string, markdown: string): string;
/** A minimal French page for a benchmark: `head` and `body` are inserted as given, under a heading. */
export function benchPage(page: { title: string; heading: string; head: string; body: string }): string;
