/** Replaces (or appends) the `## <heading>` section of docs/performance.md; returns the file's path. */
export function writePerformanceSection(heading: string, markdown: string): string;
