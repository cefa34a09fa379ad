// What a rule's id already says: its factor (the folder before the slash) and its documentation page. One
// table, so no rule repeats them and none can disagree with its folder.

/** The twelve factors, by the rule folder that holds their rules (`env/` rules judge factor III, Config). */
const FACTORS: Readonly<Record<string, { factor: number; name: string }>> = {
  codebase: { factor: 1, name: 'Codebase' },
  dependencies: { factor: 2, name: 'Dependencies' },
  config: { factor: 3, name: 'Config' },
  env: { factor: 3, name: 'Config' },
  'backing-services': { factor: 4, name: 'Backing services' },
  'build-release-run': { factor: 5, name: 'Build, release, run' },
  processes: { factor: 6, name: 'Processes' },
  'port-binding': { factor: 7, name: 'Port binding' },
  concurrency: { factor: 8, name: 'Concurrency' },
  disposability: { factor: 9, name: 'Disposability' },
  'dev-prod-parity': { factor: 10, name: 'Dev/prod parity' },
  logs: { factor: 11, name: 'Logs' },
  'admin-processes': { factor: 12, name: 'Admin processes' },
};

const DOCS_BASE = 'https://github.com/twelve-factor/vscode-twelve-factor/blob/main/docs/rules/';

/** The factor a rule id belongs to; throws for a folder that is not in the table (the structure test runs it). */
export function factorOf(ruleId: string): { factor: number; name: string } {
  const folder = ruleId.split('/')[0];
  const factor = FACTORS[folder];
  if (!factor) throw new Error(`rule ${ruleId}: no factor for the folder ${folder}`);
  return factor;
}

/** The rule's documentation page, `docs/rules/<id>.md` in the repository. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
