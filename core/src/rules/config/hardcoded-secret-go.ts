import type { FileContext } from '../../context';
import type { MoveToEnvFix } from '../../fixes/types';
import { goMoveToEnv } from '../../go/edits';
import type { GoBinding, GoExpr, GoFacts, GoString } from '../../go/types';
import { isGenericName, isSensitiveName, toEnvName } from '../../secrets/names';
import { lazyProductWords } from '../../workspace/productNames';
import { goPublicKeyOf } from '../../secrets/publicKeys';
import { isCodeWord, isSecretDefault, isSecretValue, isSigningSinkValue } from '../../secrets/value';
import { isRate, isSessionEntryName, oncePerRange, type LanguageSecretCandidate } from './hardcoded-secret-candidates';

export type GoSecretCandidate = LanguageSecretCandidate;

/**
 * Calls whose argument at the index is a signing key, whatever it looks like. Each row: a true and a false
 * example (checked by the tests).
 */
export const GO_SECRET_SINKS: Array<{ callee: RegExp; index: number; name: string; tp: string; fp: string }> = [
  { callee: /\.SignedString$/, index: 0, name: 'SignedString', tp: 'token.SignedString([]byte("s1gn1ng-k3y-2024"))', fp: 'token.SignedString([]byte(os.Getenv("JWT_SECRET")))' },
  { callee: /^crypto\/hmac\.New$/, index: 1, name: 'hmac.New', tp: 'hmac.New(sha256.New, []byte("wh-9fK2xLq7"))', fp: 'hmac.New(sha256.New, key)' },
  { callee: /^github\.com\/gorilla\/sessions\.NewCookieStore$/, index: 0, name: 'sessions.NewCookieStore', tp: 'sessions.NewCookieStore([]byte("c00kie-Str0ng"))', fp: 'sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))' },
  { callee: /^github\.com\/gin-contrib\/sessions\/cookie\.NewStore$/, index: 0, name: 'cookie.NewStore', tp: 'cookie.NewStore([]byte("secret"))', fp: 'cookie.NewStore(key)' },
];

/** Everything the Go facts say a secret is kept in: consts, vars, assignments, struct and map literals, sinks, fallbacks. */
export function goSecretCandidates(context: FileContext): GoSecretCandidate[] {
  const facts = context.go;
  if (!facts) return [];
  const out: GoSecretCandidate[] = [];
  // The project's names, read only if a default made of words asks (`<product>_jwt_secret`: isDescriptive).
  const product = lazyProductWords(context.host, context.path);
  // Fallbacks first: the default's assignment (`v = "lit"`) is a binding too, reported once, as the fallback.
  for (const read of facts.envReads) {
    const fallback = read.fallback;
    if (!read.name || !fallback) continue;
    const s = fallback.string;
    if (isRate(s.value) || !isSecretDefault(read.name, s.value, product)) continue;
    const envName = read.name;
    // The default goes; an unset variable stops the program at start-up, saying which one.
    const fix: MoveToEnvFix = {
      kind: 'move-to-env', start: fallback.assignStart, end: fallback.assignEnd, replacement: () => `panic("${envName} is not set")`, name: envName, value: s.value, fixedName: true,
    };
    out.push({ messageId: 'fallback', name: read.name, value: s.value, start: s.contentStart, end: s.contentEnd, fix });
  }
  const installedApp = installedAppClients(facts);
  for (const b of facts.bindings) {
    const name = b.path[b.path.length - 1];
    if (installedApp(name)) continue;
    named(out, facts, context.text, name, b.path.slice(0, -1), b.value, b);
  }
  for (const k of facts.keyed) {
    // An error reporter's notifier key (`bugsnag.Configuration{APIKey: …}`) is public by design.
    if (goPublicKeyOf(k.owner, k.key) || installedApp(k.key)) continue;
    named(out, facts, context.text, k.key, [k.owner.split('.').pop() ?? ''], k.value);
  }
  for (const call of facts.calls) {
    for (const sink of GO_SECRET_SINKS) {
      const arg = call.args[sink.index];
      if (!arg || !sink.callee.test(call.callee)) continue;
      const s = arg.string;
      if (s) {
        if (isSigningSinkValue(s.value)) out.push({ messageId: 'sink', name: sink.name, value: s.value, start: s.contentStart, end: s.contentEnd, fix: goMoveToEnv(facts, context.text, s, 'SECRET_KEY') });
        continue;
      }
      // `token.SignedString([]byte(jwtKey))` with `const jwtKey = "…"` in the file: the literal is the key, judged as the sink's.
      const bound = arg.ident ? soleStringBinding(facts, arg.ident) : undefined;
      const v = bound?.value.string;
      if (!bound || !v || !isSigningSinkValue(v.value)) continue;
      out.push({ messageId: 'sink', name: sink.name, value: v.value, start: v.contentStart, end: v.contentEnd, fix: goMoveToEnv(facts, context.text, v, toEnvName(bound.path[0]), bound) });
    }
  }
  return oncePerRange(out);
}

/**
 * The OAuth clients of someone else's installed app, which a client of its service imitates: in a file that names
 * a mobile app's package (`PackageName = "com.vendor.app"`), a `ClientSecret` beside a `ClientVersion` of the same
 * prefix (`AndroidClientSecret`, `AndroidClientVersion`) is the secret shipped inside that app, public by design
 * (RFC 8252: a native app cannot keep one). A server's own confidential client has no app version to claim.
 */
function installedAppClients(facts: GoFacts): (name: string) => boolean {
  const pairs: Array<[string, string | undefined]> = [
    ...facts.bindings.map((b): [string, string | undefined] => [b.path[b.path.length - 1], b.value.string?.value]),
    ...facts.keyed.map((k): [string, string | undefined] => [k.key, k.value.string?.value]),
  ];
  const names = pairs.some(([n, v]) => /PackageName$/i.test(n) && /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}$/.test(v ?? ''));
  if (!names) return () => false;
  const versions = new Set(pairs.map(([n]) => /^(.*?)_?ClientVersion$/i.exec(n)?.[1].toLowerCase()).filter((p): p is string => p !== undefined));
  return (name) => {
    const prefix = /^(.*?)_?ClientSecret$/i.exec(name)?.[1].toLowerCase();
    return prefix !== undefined && versions.has(prefix);
  };
}

/** The one binding of a name in the file, when it holds a string literal (a name bound twice could hold either). */
function soleStringBinding(facts: GoFacts, name: string): GoBinding | undefined {
  const all = facts.bindings.filter((b) => b.path.length === 1 && b.path[0] === name);
  return all.length === 1 && all[0].value.string ? all[0] : undefined;
}

function named(out: GoSecretCandidate[], facts: GoFacts, text: string, name: string, owner: string[], value: GoExpr, binding?: GoBinding): void {
  const s = value.string;
  if (!s || !isSensitiveName(name) || isSessionEntryName(name, s.value) || isRate(s.value)) return;
  if (isCodeWord(s.value) || !isSecretValue(s.value, name)) return;
  // The range is the content between the quotes: an escape would make it differ from the value, so it is kept whole.
  out.push({ messageId: 'named', name, value: s.value, start: s.contentStart, end: s.contentEnd, fix: goMoveToEnv(facts, text, s, envNameOf(name, owner), binding) });
}

/** `cfg.DB.Password` → `DB_PASSWORD`; a name that says whose secret it is stays as it is. */
function envNameOf(name: string, owner: string[]): string {
  if (!isGenericName(name)) return toEnvName(name);
  const whose = [...owner].reverse().find((p) => !/^(?:cfg|config|conf|c|s|settings|opts?|options|app|self|map)$/i.test(p) && /^[A-Za-z_]\w*$/.test(p));
  return whose ? `${toEnvName(whose)}_${toEnvName(name)}` : toEnvName(name);
}

/**
 * The fix for a provider-format secret in a Go string literal: the literal becomes `os.Getenv(…)`. A
 * connection string moves whole (the program reads DATABASE_URL, it does not assemble one around a password);
 * a key that is the whole literal moves as it is; a key inside a longer literal is left to the user.
 */
export function goProviderFix(context: FileContext, match: { start: number; end: number; secret: string }, provider: { envName: string; movesWholeValue?: boolean }): MoveToEnvFix | undefined {
  const facts = context.go;
  const s = facts?.strings.find((x) => x.contentStart <= match.start && match.end <= x.contentEnd);
  if (!facts || !s) return undefined;
  const whole = s.contentStart === match.start && s.contentEnd === match.end;
  if (!whole && !(provider.movesWholeValue && /^[a-z][\w+.-]*:\/\//i.test(s.value))) return undefined;
  const binding = facts.bindings.find((b) => b.value.string?.start === s.start);
  if (binding?.kind === 'const') return undefined;
  return { ...(goMoveToEnv(facts, context.text, s, provider.envName) as MoveToEnvFix), value: whole ? match.secret : s.value };
}
