// Writes the README's rule sections from docs/rules/<rule-id>.md, the docs the
// extension ships and "Explain this rule" opens, so the two cannot drift.
// Sections follow the order of the README's rule table; headings move down
// two levels ("# leftover" becomes "### leftover", "## Why" "#### Why").
//
//   npm run build:rule-docs            rewrite README.md
//   npm run build:rule-docs -- --check exit 1 if README.md is out of date

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const startMarker = '<!-- rule docs: generated from docs/rules by `npm run build:rule-docs`; edit those files, not this section -->';
export const endMarker = '<!-- end of rule docs -->';

const projectDir = resolve(__dirname, '..');
const docsDir = join(projectDir, 'docs', 'rules');
const readmePath = join(projectDir, 'README.md');

/** Rule ids with a doc, from the file names. */
export function documentedRules(dir = docsDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** The rule ids in the order of the README's rule table, then any others alphabetically. */
function ruleOrder(readme: string, ids: readonly string[]): string[] {
  const inTable = [...readme.matchAll(/^\| \[`([a-z0-9-]+)`\]\(#\1\) \|/gm)].map((m) => m[1]).filter((id) => ids.includes(id));
  return [...new Set([...inTable, ...ids])];
}

/** One doc as a README section: every heading two levels down. */
export function asReadmeSection(doc: string): string {
  return doc
    .trim()
    .split('\n')
    .map((line) => (/^#{1,4} /.test(line) ? `##${line}` : line))
    .join('\n');
}

/** The README with its rule sections regenerated from the docs. */
export function buildReadme(readme: string, dir = docsDir): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md lacks the rule-docs markers:\n${startMarker}\n${endMarker}`);
  const ids = ruleOrder(readme, documentedRules(dir));
  const sections = ids.map((id) => asReadmeSection(readFileSync(join(dir, `${id}.md`), 'utf8')));
  return `${readme.slice(0, start)}${startMarker}\n\n${sections.join('\n\n')}\n\n${readme.slice(end)}`;
}

if (require.main === module) {
  const readme = readFileSync(readmePath, 'utf8');
  const built = buildReadme(readme);
  if (process.argv.includes('--check')) {
    if (built !== readme) {
      process.stderr.write('README.md is out of date with docs/rules: run `npm run build:rule-docs`.\n');
      process.exit(1);
    }
  } else if (built !== readme) {
    writeFileSync(readmePath, built);
    process.stdout.write('README.md: rule sections rewritten from docs/rules.\n');
  }
}
