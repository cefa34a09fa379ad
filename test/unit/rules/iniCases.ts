import { INI_SETTINGS } from '../../../core/src/workspace/iniSettings';
import type { Rule } from '../../../core/src/rules/types';
import { RuleTester } from './ruleTester';

/**
 * The rows of `INI_SETTINGS` of one rule, as RuleTester cases: each `tp` configuration is reported at its setting's
 * line; its `fp`, and the `tp` where a setting shows a choice rather than makes it (an example, a developer's or the
 * tests' configuration, another section, a commented-out line), are not.
 */
export function runIniRows(rule: Rule): void {
  const rows = INI_SETTINGS.filter((r) => r.rule === rule.meta.id);
  if (rows.length === 0) throw new Error(`no INI_SETTINGS rows for ${rule.meta.id}`);
  new RuleTester({ filename: '/ws/conf/app.ini' }).run(rule, {
    valid: [
      ...rows.map((r) => ({ name: `${r.messageId}: ${r.fp.trim()}`, code: r.fp })),
      ...rows.map((r) => ({ name: `${r.messageId} in an example file`, filename: '/ws/conf/app.example.ini', code: r.tp })),
      ...rows.map((r) => ({ name: `${r.messageId} in development.ini`, filename: '/ws/development.ini', code: r.tp })),
      ...rows.map((r) => ({ name: `${r.messageId} in testdata`, filename: '/ws/internal/conf/testdata/custom.ini', code: r.tp })),
      ...rows.map((r) => ({ name: `${r.messageId} under another section`, code: r.tp.replace(/^\[[^\]]+\]/, '[other]') })),
      ...rows.map((r) => ({ name: `${r.messageId} commented out`, code: r.tp.replace(/\n(\w)/, '\n; $1') })),
    ],
    invalid: rows.map((r) => ({ name: `${r.messageId}: ${r.tp.trim().split('\n')[1]}`, code: r.tp, errors: [{ messageId: r.messageId, line: 2 }], output: null })),
  });
}
