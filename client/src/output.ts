import type * as vscode from 'vscode';

export interface RecordingOutput {
  channel: vscode.LogOutputChannel;
  /** Error lines written since activation (the tests read them). */
  errors: string[];
  /** A stop or restart we asked for is under way: the server's clean exit is expected, not an error. */
  expectExit(): void;
}

/** vscode-languageclient 9 logs every exit of the server at error level, a clean exit after `shutdown` too. */
const CLEAN_EXIT = /^\[Error - ([^\]]*)\] (Server process exited with code 0\.)$/;

/**
 * The output channel, remembering the error lines written to it (the language client writes
 * `[Error - time] …` lines) and logging the server's clean exit during a restart as information.
 */
export function recordingOutput(channel: vscode.LogOutputChannel): RecordingOutput {
  const errors: string[] = [];
  let expected = 0;
  const appendLine = (line: string) => {
    const clean = CLEAN_EXIT.exec(line);
    if (clean && expected > 0) {
      expected--;
      channel.appendLine(`[Info  - ${clean[1]}] ${clean[2]}`);
      return;
    }
    if (/^\[Error\b/.test(line)) errors.push(line);
    channel.appendLine(line);
  };
  const wrapped = new Proxy(channel, {
    get(target, property, receiver) {
      if (property === 'appendLine') return appendLine;
      if (property === 'error') return (message: string | Error, ...args: unknown[]) => { errors.push(String(message)); target.error(message, ...args); };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { channel: wrapped, errors, expectExit: () => { expected++; } };
}
