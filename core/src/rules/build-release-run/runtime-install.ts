import ts = require('typescript');
import type { FileContext } from '../../context';
import { ModuleBindings } from '../../js/modules';
import { nearestManifest } from '../../workspace/manifest';
import type { Report, Rule, RuleMeta } from '../types';
import type { LineLocalSearch } from '../../lineChunks';
import { commandCalls, hasShebang, isScriptPath, projectPath, optionOf, stringish, type CommandCall } from '../../js/commands';

/** A command word beside what installs or pulls (`npm install`, `'npm', ['ci'`), or `yarn` quoted alone. */
const COMMAND = /\b(?:npm|npx|yarn|pnpm|pip3?|git|bun)\b['"`]?\s*(?:,\s*\[?\s*['"`])?(?:install|i|add|ci|pull|clone|fetch|update|upgrade|checkout|reset)\b|['"`]\s*yarn\s*['"`]/;

// Searched per run of lines: 2 where COMMAND matches inside a run (a match in the whole text too: a run is whole
// lines), 1 where one may go on past the run's end (`spawn('npm',\n['install'])`, a template literal's line break
// before `yarn`), 0 where neither. Only a 1 is settled by searching the whole text: before, any run ending in a
// backtick let the file in, and the tree was built for a third of the library files of the bench corpus.
const COMMAND_RUNS: LineLocalSearch<number, number> = {
  per: (run) => (COMMAND.test(run) ? 2 : COMMAND_AT_RUN_END.test(run) ? 1 : 0),
  merge: (values) => values.reduce((a, b) => Math.max(a, b), 0),
};
const COMMAND_AT_RUN_END = /\b(?:npm|npx|yarn|pnpm|pip3?|git|bun)\b['"`]?\s*(?:,\s*\[?\s*)?(?![\s\S])|['"`]\s*(?:yarn\s*)?(?![\s\S])/;

export const meta: RuleMeta = {
  id: 'build-release-run/runtime-install',
  defaultSeverity: 'warning',
  description: 'Dependencies are installed and code is fetched in the build stage, never by the running app.',
  messages: {
    install: '`{label}` runs `{command}` while the app runs: what runs is no longer the release that was built. Install dependencies in the build stage.',
    fetch: '`{label}` runs `{command}` while the app runs: the code changes under a release that was already built. Deploy a new release instead.',
  },
  fixable: false,
  kinds: ['js'],
  keywords: ['npm', 'yarn', 'pnpm', 'pip', 'git', 'bun'],
  // The command word next to a quote or a space and followed by what installs or pulls: COMMAND over the whole
  // text, asked per run of lines (`FileContext.lineLocal`) so that a keystroke searches only the runs it touched.
  gate: (text, _kind, context) => {
    const found = context.lineLocal(COMMAND_RUNS);
    return found === 2 || (found === 1 && COMMAND.test(text));
  },
};

const SEP = '(?:^|[\\s;&|(])';
const END = '(?=$|[\\s;&|)])';
/** Package managers installing or updating packages; `yarn` alone installs. */
const INSTALL = [
  new RegExp(`${SEP}c?npm(?:\\.cmd)?\\s+(?:-\\S+\\s+)*(?:install|i|ci|add|update|up|upgrade|isntall)${END}`),
  new RegExp(`${SEP}yarn(?:\\.cmd)?\\s+(?:install|add|upgrade|up)${END}`),
  new RegExp(`${SEP}yarn(?:\\.cmd)?\\s*(?:$|[;&|)])`),
  new RegExp(`${SEP}pnpm(?:\\.cmd)?\\s+(?:install|i|add|update|up)${END}`),
  new RegExp(`${SEP}bun\\s+(?:install|i|add|update)${END}`),
  new RegExp(`${SEP}(?:pip3?|python3?\\s+-m\\s+pip)\\s+install${END}`),
];
const FETCH = new RegExp(`${SEP}git\\s+pull${END}`);
/** The command works on another folder: a scaffolder installing into the project it generates, not this app. */
const ELSEWHERE = /(^|[\s;&|(])(cd\s|pushd\s)|\s--prefix[\s=]|\s-C\s|\s--cwd[\s=]|\s--dir[\s=]|\s--target[\s=]/;

export function check(context: FileContext, report: (r: Report) => void): void {
  if (context.isTestFile || isScriptPath(projectPath(context)) || hasShebang(context.text)) return;
  // A package with a `bin` is a command-line tool: installing packages is often its job (create-*, plugin managers).
  if (context.host && nearestManifest(context.host, context.path)?.bin) return;
  const sf = context.sourceFile;
  const bindings = ModuleBindings.of(sf);
  // A module that asks its user questions at a terminal is a command a person runs (a scaffolder, a setup wizard):
  // no deployed process has a terminal to answer it.
  if (PROMPT_LIBRARIES.some((m) => bindings.imports(m))) return;
  for (const call of commandCalls(sf, bindings)) {
    const command = call.command.replace(/\s+/g, ' ').trim();
    const kind = INSTALL.some((re) => re.test(command)) ? 'install' : FETCH.test(command) ? 'fetch' : undefined;
    if (!kind || ELSEWHERE.test(` ${command}`) || runsElsewhere(call)) continue;
    report({
      messageId: kind,
      data: { label: call.label, command: shorten(command) },
      start: call.anchor.getStart(sf),
      end: call.anchor.getEnd(),
      identity: `${kind}:${command.split(' ').slice(0, 2).join(' ')}`,
    });
  }
}

/** Interactive terminal prompt libraries: @clack/prompts, Inquirer (both generations), prompts, Enquirer. */
const PROMPT_LIBRARIES = ['@clack/prompts', 'inquirer', '@inquirer/prompts', 'prompts', 'enquirer'];

/** A `cwd` option other than the app's own folder (`process.cwd()`, `__dirname`, `'.'`). */
function runsElsewhere(call: CommandCall): boolean {
  const cwd = optionOf(call, 'cwd');
  if (!cwd) return false;
  const text = cwd.getText();
  if (/^(process\.cwd\(\)|__dirname|['"`]\.\/?['"`]|import\.meta\.dirname)$/.test(text)) return false;
  return !(ts.isStringLiteralLike(cwd) && /^\.?\/?$/.test(stringish(cwd)));
}

function shorten(command: string): string {
  return command.length > 60 ? `${command.slice(0, 57)}…` : command;
}

export const rule: Rule = { meta, check };
