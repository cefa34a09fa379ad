import type { FileContext } from '../../context';
import { echoesAccount } from '../../secrets/structured';
import type { MoveToEnvFix } from '../../fixes/types';
import { inDebugBranch, refusedLiterals, requiredEnvNames } from '../../python/blocks';
import { pythonEnvFix, pythonEnvRead } from '../../python/edits';
import type { PyExpr, PythonFacts } from '../../python/types';
import { isGenericName, isSensitiveName, toEnvName } from '../../secrets/names';
import { lazyProductWords } from '../../workspace/productNames';
import { isCodeWord, isSecretDefault, isSecretValue, isSigningSinkValue, looksRandom } from '../../secrets/value';
import { isRate, isSessionEntryName, oncePerRange, type LanguageSecretCandidate } from './hardcoded-secret-candidates';

export type PythonSecretCandidate = LanguageSecretCandidate;

/**
 * Names whose value the application runs with as its signing key whatever it looks like: Flask's and
 * Django's `SECRET_KEY`, so `app.secret_key = 'dev'` counts though `'dev'` is short.
 */
const SIGNING_KEY_NAMES = /^(?:secret_key|jwt_secret_key|security_password_salt|wtf_csrf_secret_key)$/i;

/** Calls whose argument at the index is a signing key: `jwt.encode(payload, 'key')`, itsdangerous serializers. */
const SECRET_SINKS: Array<{ callee: RegExp; index: number; name: string }> = [
  { callee: /^jwt\.(?:encode|decode)$/, index: 1, name: 'jwt.encode' },
  { callee: /^itsdangerous\.(?:\w+\.)?(?:URLSafe(?:Timed)?Serializer|TimedSerializer|Serializer|Signer|TimestampSigner)$/, index: 0, name: 'an itsdangerous serializer' },
  { callee: /^hmac\.new$/, index: 0, name: 'hmac.new' },
];

/** Everything the Python facts say a secret is kept in: assignments, dict entries, keyword arguments, sinks, fallbacks. */
export function pythonSecretCandidates(context: FileContext): PythonSecretCandidate[] {
  const facts = context.python;
  if (!facts) return [];
  const out: PythonSecretCandidate[] = [];
  // The project's names, read only if a default made of words asks (`<product>_jwt_secret`: isDescriptive).
  const product = lazyProductWords(context.host, context.path);
  for (const a of facts.assignments) {
    const name = a.path[a.path.length - 1];
    const owner = a.path.slice(0, -1);
    if (isResponseHeader(owner)) continue;
    // Under `if DEBUG:` a value made of words is the developer's stand-in (`"yellow polkadot bikini"`); a
    // random one is still a key someone generated and committed.
    if (a.value.string && !looksRandom(a.value.string.value) && inDebugBranch(context.text, a.start)) continue;
    named(out, facts, name, owner, a.value);
  }
  for (const e of facts.dictEntries) named(out, facts, e.key, [], e.value, true);
  for (const call of facts.calls) {
    for (const [name, value] of Object.entries(call.kwargs)) named(out, facts, name, [], value);
    for (const sink of SECRET_SINKS) {
      const s = call.args[sink.index]?.string;
      if (!sink.callee.test(call.callee) || !s || s.interpolated || !isSigningSinkValue(s.value, undefined, product)) continue;
      out.push({ messageId: 'sink', name: sink.name, value: s.value, start: s.contentStart, end: s.contentEnd, fix: literalFix(facts, s, 'SECRET_KEY') });
    }
  }
  const echoes = accountEchoes(facts);
  // A variable the module stops without (`if not os.getenv('SECRET_KEY'): raise …`): its default elsewhere serves
  // only the branch that does not need it. Read from the text only when some read has a default.
  let required: Set<string> | undefined;
  // A default the module stops on when it is the value in use (`if SECRET_KEY == "mysecretkey": raise …`): a sentinel.
  let refused: Set<string> | undefined;
  for (const read of facts.envReads) {
    const s = read.fallback?.string;
    if (!read.name || !s || s.interpolated || echoes.has(read.start)) continue;
    if ((required ??= requiredEnvNames(context.text)).has(read.name)) continue;
    if ((refused ??= refusedLiterals(context.text)).has(s.value)) continue;
    if (isRate(s.value) || !isSecretDefault(read.name, s.value, product)) continue;
    const envName = read.name;
    const fix: MoveToEnvFix = {
      kind: 'move-to-env', start: read.start, end: read.end, replacement: () => pythonEnvRead(envName), name: envName, value: s.value,
      fixedName: true, prelude: pythonEnvFix(facts),
    };
    out.push({ messageId: 'fallback', name: read.name, value: s.value, start: s.contentStart, end: s.contentEnd, fix });
  }
  return oncePerRange(out);
}

/**
 * Env reads in a settings dict whose default repeats the account a sibling entry names (`"USER":
 * os.getenv("DB_USER", "app")` beside `"PASSWORD": os.getenv("DB_PASSWORD", "app")`): the bundled database's
 * documented login, as a chart's `username: app` / `password: app` (the start of each such read).
 */
function accountEchoes(facts: PythonFacts): Set<number> {
  const out = new Set<number>();
  const dicts = [...facts.assignments.map((a) => a.value), ...facts.dictEntries.map((e) => e.value)].filter((v) => v.entries);
  const literal = (v: PyExpr): string | undefined => v.string?.value ?? (v.envRead !== undefined ? facts.envReads[v.envRead]?.fallback?.string?.value : undefined);
  for (const dict of dicts) {
    const siblings = (dict.entries ?? []).map((e): [string, string] => [e.key, literal(e.value) ?? '']);
    for (const e of dict.entries ?? []) {
      const read = e.value.envRead !== undefined ? facts.envReads[e.value.envRead] : undefined;
      const value = read?.fallback?.string?.value;
      if (read && value !== undefined && echoesAccount(value, siblings.filter(([k]) => k !== e.key))) out.add(read.start);
    }
  }
  return out;
}

function named(out: PythonSecretCandidate[], facts: PythonFacts, name: string, owner: string[], value: PyExpr, entry = false): void {
  const s = value.string;
  if (!s || s.interpolated || !isSensitiveName(name) || isSessionEntryName(name, s.value) || isRate(s.value)) return;
  // Content with escapes differs from the text between the quotes: the range would not be the secret.
  // A signing key's value is the key every installation runs with, words describing it included (`"some_secret"`).
  const signing = SIGNING_KEY_NAMES.test(name);
  const accept = signing ? isSigningSinkValue(s.value, name) : !isCodeWord(s.value) && isSecretValue(s.value, name);
  if (!accept) return;
  // Set on an object (`app.secret_key = …`, `app.config['SECRET_KEY'] = …`), a signing key's name is Flask's
  // session signing key in use: a sink, whatever module it is in.
  // So is the framework's key in capitals as an entry of a mapping (`config = {"SECRET_KEY": …}`, handed to
  // `app.config.from_mapping`): a settings dict, where no other code keeps that name.
  const backed = signing && (owner.length > 0 || (entry && name === name.toUpperCase()));
  out.push({ messageId: 'named', name, value: s.value, start: s.contentStart, end: s.contentEnd, fix: literalFix(facts, s, envNameOf(name, owner)), backed });
}

/**
 * `response.headers['X-Api-Token'] = '…'`: what a response's headers carry goes to every client, so it is no
 * credential of the app's (the headers of an outgoing request, `session.headers[…]`, are still judged).
 */
function isResponseHeader(owner: string[]): boolean {
  return owner.length >= 2 && owner[owner.length - 1] === 'headers' && /^(?:response|resp|res|rv)$/i.test(owner[owner.length - 2]);
}

/** `DATABASES['default']['PASSWORD']` → `DATABASES_PASSWORD`; a name that says whose secret it is stays as it is. */
function envNameOf(name: string, owner: string[]): string {
  if (!isGenericName(name)) return toEnvName(name);
  const whose = [...owner].reverse().find((p) => !/^(?:default|config|settings|app|self|cls|os|environ)$/i.test(p) && /^[A-Za-z_]\w*$/.test(p));
  return whose ? `${toEnvName(whose)}_${toEnvName(name)}` : toEnvName(name);
}

function literalFix(facts: PythonFacts, s: NonNullable<PyExpr['string']>, name: string): MoveToEnvFix {
  return { kind: 'move-to-env', start: s.start, end: s.end, replacement: (n) => pythonEnvRead(n), name, value: s.value, prelude: pythonEnvFix(facts) };
}

