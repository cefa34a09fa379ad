import type { PyString, PythonFacts } from './types';

/**
 * An f-string whose every `{…}` part names a module-level constant of the same file (`f'redis://{REDIS_HOST}:{REDIS_PORT}'`
 * under `REDIS_HOST = 'redis'` and `REDIS_PORT = 6379`): its value, as the module runs it. Undefined when a part is an
 * expression or has a conversion or format spec, or names something bound more than once or to anything but a literal.
 */
export function fStringConstantValue(text: string, s: PyString, facts: PythonFacts): string | undefined {
  if (s.template === undefined) return undefined;
  const source = text.slice(s.start, s.end);
  if (!/^(?:[rR]?[fF]|[fF][rR])['"]/.test(source)) return undefined;
  const parts = [...source.replace(/\{\{|\}\}/g, '  ').matchAll(/\{([^{}]*)\}/g)].map((m) => m[1].trim());
  const pieces = s.template.split('\u0000');
  if (parts.length === 0 || parts.length !== pieces.length - 1) return undefined;
  const values: string[] = [];
  for (const part of parts) {
    if (!/^[A-Za-z_]\w*$/.test(part)) return undefined;
    const bound = facts.assignments.filter((a) => a.scope === 'module' && a.path.length === 1 && a.path[0] === part);
    if (bound.length !== 1) return undefined;
    const v = bound[0].value;
    if (v.string && !v.string.interpolated) values.push(v.string.value);
    else if (v.number !== undefined) values.push(String(v.number));
    else return undefined;
  }
  return pieces.map((p, i) => p + (values[i] ?? '')).join('');
}
