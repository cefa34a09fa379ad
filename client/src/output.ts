import type * as vscode from 'vscode';

/**
 * The output channel, remembering the error lines written to it: the language client writes
 * `[Error - time] …` lines, and the tests assert that a restart writes none.
 */
export function recordingErrors(channel: vscode.LogOutputChannel): { channel: vscode.LogOutputChannel; errors: string[] } {
  const errors: string[] = [];
  const record = (line: string) => {
    if (/^\[Error\b/.test(line)) errors.push(line);
  };
  const wrapped = new Proxy(channel, {
    get(target, property, receiver) {
      if (property === 'appendLine') return (line: string) => { record(line); target.appendLine(line); };
      if (property === 'error') return (message: string | Error, ...args: unknown[]) => { errors.push(String(message)); target.error(message, ...args); };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { channel: wrapped, errors };
}
