/**
 * Replaces (or appends) the `## heading` section of a Markdown document, leaving every other section
 * as it is, so each benchmark rewrites only its own table in docs/benchmarks.md.
 */
export function withSection(markdown: string, heading: string, section: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + heading.length + 1);
  const rest = next < 0 ? '' : markdown.slice(next);
  return `${markdown.slice(0, start)}\n${section}${rest}`;
}
