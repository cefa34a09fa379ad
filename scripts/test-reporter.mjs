// A short reporter for `npm test` (Node's test runner, `--test-reporter=./scripts/test-reporter.mjs`): one dot
// per passing test, every failure in full (its path of test names, file, error and stack, and what its file
// printed), then the slowest files. The final `N passed, N failed` line is printed by scripts/test.mjs.
import path from 'node:path';
import { inspect } from 'node:util';

const WIDTH = 80;

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* compact(source) {
  let dots = 0;
  const failures = [];
  /** Per file: its top-level tests' time, tests, and what the file printed (shown only when it failed). */
  const files = new Map();
  /** The names of the tests being run, per file and nesting level, for a failure's full path. */
  const stacks = new Map();
  const fileOf = (data) => {
    const file = data.file ? path.relative(process.cwd(), data.file) : '(no file)';
    if (!files.has(file)) files.set(file, { ms: 0, tests: 0, output: [] });
    const entry = files.get(file);
    // A file's tests run one after another: its top-level tests' durations add up to its time.
    if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0) entry.ms += data.details?.duration_ms ?? 0;
    return [file, entry];
  };
  let type;
  for await (const event of source) {
    type = event.type;
    const data = event.data;
    if (type === 'test:start') {
      const [file] = fileOf(data);
      const stack = stacks.get(file) ?? [];
      stack.length = data.nesting;
      stack.push(data.name);
      stacks.set(file, stack);
    } else if (type === 'test:pass' && data.details?.type !== 'suite') {
      const [, entry] = fileOf(data);
      entry.tests++;
      if (data.skip || data.todo) continue;
      yield dots > 0 && dots % WIDTH === 0 ? '\n.' : '.';
      dots++;
    } else if (type === 'test:fail') {
      const [file, entry] = fileOf(data);
      entry.tests++;
      const error = data.details?.error;
      // A suite or a parent whose subtests failed: those subtests are reported on their own.
      if (error?.failureType === 'subtestsFailed') continue;
      yield 'F';
      dots++;
      const names = [...(stacks.get(file) ?? []).slice(0, data.nesting), data.name];
      failures.push({ file, names, error, entry });
    } else if (type === 'test:stdout' || type === 'test:stderr' || type === 'test:diagnostic') {
      const [, entry] = fileOf(data);
      if (type !== 'test:diagnostic') entry.output.push(data.message);
      // The runner's own diagnostics (counts, durations) are summed up by scripts/test.mjs; a file that
      // could not run says so here.
      else if (data.nesting === 0 && /could not|error|cancelled/i.test(data.message)) entry.output.push(`# ${data.message}\n`);
    }
  }
  yield '\n';
  for (const [k, f] of failures.entries()) {
    yield `\n✖ ${k + 1}) ${f.names.join(' › ')}\n  ${f.file}\n`;
    const cause = f.error?.cause ?? f.error;
    yield `${indent(typeof cause === 'string' ? cause : inspect(cause, { depth: 4 }))}\n`;
    const output = f.entry.output.join('');
    if (output.trim()) yield `  output of ${f.file}:\n${indent(output.trimEnd())}\n`;
  }
  const slowest = [...files.entries()].filter(([file]) => file !== '(no file)').sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
  yield `\nslowest files: ${slowest.map(([file, f]) => `${path.relative('out/test', file)} ${(f.ms / 1000).toFixed(1)} s`).join(', ')}\n`;
}

function indent(text) {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
