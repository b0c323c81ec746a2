/** One of the README's example queries, as the explorer offers it. */
export interface ReadmeExample {
  /** The README's title of the example, e.g. "1. The first page of stories, newest first". */
  title: string;
  /** The query, as the README prints it. */
  query: string;
}

/**
 * The numbered examples of the README's "Example queries" section: each bold `**N. Title**` and
 * the first ```graphql block after it. The explorer's build reads them, so its presets are the
 * README's, never a copy that drifts.
 *
 * @throws if the section or an example's query is missing, so a README edit cannot silently empty the presets.
 */
export function readmeExamples(readme: string): ReadmeExample[] {
  const section = /^## Example queries\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Example queries" section');
  const examples: ReadmeExample[] = [];
  for (const match of section.matchAll(/^\*\*(\d+\.[^*]+)\*\*(.*)\n+```graphql\n([\s\S]*?)\n```/gm)) {
    const [, title, aside, query] = match;
    examples.push({ title: `${title.trim()}${aside.trim() ? ` ${aside.trim()}` : ''}`, query: query.trim() });
  }
  if (examples.length === 0)
    throw new Error('README.md\'s "Example queries" section has no **N. Title** + ```graphql example');
  return examples;
}

/** An example as a GraphiQL tab: its title as a comment line, then the query. */
export function exampleTab(example: ReadmeExample): { query: string } {
  return { query: `# ${example.title}\n${example.query}\n` };
}
