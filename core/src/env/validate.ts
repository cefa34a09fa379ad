import type { VariableSpec } from './schema';

/**
 * Does a value fit its variable's type? Pure: no redaction here; the caller decides how much of the value
 * a message may show. Values are judged as dotenv hands them to the app (strings).
 */

export interface ValueProblem {
  /** Message id of `env/invalid-value`. */
  messageId: 'type' | 'protocol' | 'range' | 'enum' | 'tooShort' | 'tooLong' | 'pattern';
  /** What was expected, in words ("a port number (1–65535)"). */
  expected: string;
  /** What was found, when it can be said without the value itself (a protocol, a length). */
  foundSafe?: string;
}

const BOOLEAN = /^(true|false|1|0|yes|no|on|off)$/i;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/**
 * `new URL` takes the text before the first colon for a scheme, so `localhost:3000` and `db.internal:5432`
 * parse (scheme `localhost:`). A URL of configuration names its scheme with `://`, or is one of the schemes
 * whose URLs have no authority.
 */
const URL_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:mailto|urn|data|tel|sms|news|magnet|geo|sip|sips|xmpp):)/i;

export function expectedText(spec: VariableSpec): string {
  switch (spec.type) {
    case 'url':
      return spec.protocols?.length ? `a URL with protocol ${spec.protocols.map((p) => `\`${p}\``).join(' or ')}` : 'a URL';
    case 'port':
      return 'a port number (1–65535)';
    case 'integer':
      return `an integer${bounds(spec)}`;
    case 'number':
      return `a number${bounds(spec)}`;
    case 'boolean':
      return 'a boolean (true/false, 1/0, yes/no, on/off)';
    case 'email':
      return 'an email address';
    case 'enum':
      return `one of ${(spec.values ?? []).map((v) => `\`${v}\``).join(', ')}`;
    case 'json':
      return 'valid JSON';
    default: {
      const parts: string[] = [];
      if (spec.minLength !== undefined) parts.push(`at least ${spec.minLength} characters`);
      if (spec.maxLength !== undefined) parts.push(`at most ${spec.maxLength} characters`);
      if (spec.pattern) parts.push(`matching \`${spec.pattern.source}\``);
      return parts.length ? `a string of ${parts.join(', ')}` : 'a string';
    }
  }
}

function bounds(spec: VariableSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return ` ≥ ${spec.min}`;
  if (spec.max !== undefined) return ` ≤ ${spec.max}`;
  return '';
}

/** Undefined when the value fits. An empty value is the caller's business (required or not). */
export function validateValue(spec: VariableSpec, value: string): ValueProblem | undefined {
  const expected = expectedText(spec);
  switch (spec.type) {
    case 'url': {
      if (!URL_SCHEME.test(value)) return { messageId: 'type', expected };
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return { messageId: 'type', expected };
      }
      const protocol = url.protocol.replace(/:$/, '').toLowerCase();
      if (spec.protocols?.length && !spec.protocols.includes(protocol)) return { messageId: 'protocol', expected, foundSafe: `protocol \`${protocol}\`` };
      return undefined;
    }
    case 'port': {
      if (!INTEGER.test(value.trim())) return { messageId: 'type', expected };
      const n = Number(value);
      return n >= 1 && n <= 65535 ? undefined : { messageId: 'range', expected };
    }
    case 'integer':
    case 'number': {
      const v = value.trim();
      if (!(spec.type === 'integer' ? INTEGER : NUMBER).test(v)) return { messageId: 'type', expected };
      const n = Number(v);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return { messageId: 'range', expected };
      return undefined;
    }
    case 'boolean':
      return BOOLEAN.test(value.trim()) ? undefined : { messageId: 'type', expected };
    case 'email':
      return EMAIL.test(value.trim()) ? undefined : { messageId: 'type', expected };
    case 'enum':
      return (spec.values ?? []).includes(value) ? undefined : { messageId: 'enum', expected };
    case 'json':
      try {
        JSON.parse(value);
        return undefined;
      } catch {
        return { messageId: 'type', expected };
      }
    default: {
      const length = [...value].length;
      if (spec.minLength !== undefined && length < spec.minLength) return { messageId: 'tooShort', expected, foundSafe: `${length} characters` };
      if (spec.maxLength !== undefined && length > spec.maxLength) return { messageId: 'tooLong', expected, foundSafe: `${length} characters` };
      // A value too long for a user pattern (`undefined`) is not judged by it.
      if (spec.pattern?.test(value) === false) return { messageId: 'pattern', expected };
      return undefined;
    }
  }
}

/** For an enum, the allowed value that differs only in case: the one fix that cannot be wrong. */
export function enumCaseMatch(spec: VariableSpec, value: string): string | undefined {
  if (spec.type !== 'enum' || !spec.values) return undefined;
  const matches = spec.values.filter((v) => v.toLowerCase() === value.toLowerCase());
  return matches.length === 1 ? matches[0] : undefined;
}
