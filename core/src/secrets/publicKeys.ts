import ts = require('typescript');
import { outermost } from '../js/modules';
import { calleeName, propertyNameText } from './ast';
import { HEX, rnd } from './providers/util';

/**
 * Keys that are public by design: an error reporter's notifier key only sends reports to the project it
 * names, reads nothing, and ships in every browser bundle, mobile app and distributed binary that reports
 * errors (the same reason Sentry DSNs are not reported, see `providers/observability.ts`). A literal given
 * to the SDK in that place is configuration, not a secret. Data as a table, gitleaks-style: each row has
 * examples that must stay quiet (`fps`) and a near miss that is still reported (`tps`), run by the tests.
 */
export interface PublicKeyRow {
  id: string;
  /** The SDK's packages (JavaScript imports). */
  modules: RegExp;
  /** The option that holds the key, in an options object or a Go struct literal. */
  key: RegExp;
  /** Go: the struct type whose field holds it, with its package path. */
  goType: RegExp;
  fps: readonly string[];
  tps: readonly string[];
}

const KEY = rnd(HEX, 32, 'bugsnag-1');

export const PUBLIC_KEYS: readonly PublicKeyRow[] = [
  {
    // Bugsnag's notifier API key (Settings → Notifier API key); its Data Access API tokens are another thing.
    id: 'bugsnag',
    modules: /^(@bugsnag\/(js|node|browser|expo|react-native|electron)|bugsnag(-js|-react-native)?)$/,
    key: /^(apiKey|APIKey)$/,
    goType: /^github\.com\/bugsnag\/bugsnag-go(\/v2)?\.Configuration$/,
    fps: [
      `import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: '${KEY}' });`,
      `import Bugsnag from '@bugsnag/js';\nBugsnag.start('${KEY}');`,
      `const bugsnag = require('bugsnag');\nbugsnag.register('${KEY}', { releaseStage: 'production' });`,
    ],
    // An `apiKey` given to anything else is judged as usual.
    tps: [`import Mailer from 'some-mailer';\nMailer.start({ apiKey: '${KEY}' });`],
  },
];

/** The row whose SDK receives this literal as its key: `Bugsnag.start({ apiKey: '…' })` or `Bugsnag.start('…')`. */
export function publicKeyOf(literal: ts.StringLiteralLike, imports: ReadonlyMap<string, string>): PublicKeyRow | undefined {
  const slot = outermost(literal);
  let call = slot.parent;
  let key: string | undefined;
  if (ts.isPropertyAssignment(call) && call.initializer === slot) {
    key = propertyNameText(call.name);
    const object = outermost(call.parent);
    call = object.parent;
    if (!call || !((ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.includes(object as ts.Expression))) return undefined;
  } else if (!((ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.[0] === slot)) return undefined;
  const module = imports.get(calleeName((call as ts.CallExpression).expression).split('.')[0]);
  if (module === undefined) return undefined;
  return PUBLIC_KEYS.find((row) => row.modules.test(module) && (key === undefined || row.key.test(key)));
}

/** The row for a Go struct field holding a notifier key: `bugsnag.Configuration{APIKey: "…"}`. */
export function goPublicKeyOf(owner: string, key: string): PublicKeyRow | undefined {
  return PUBLIC_KEYS.find((row) => row.goType.test(owner) && row.key.test(key));
}

/**
 * Algolia's search-only key in a search configuration (DocSearch in VitePress, Docusaurus, VuePress:
 * `{ appId, apiKey, indexName }` or `indices: […]`): made to be sent to every browser that searches the site, it reads the one
 * index it names. An admin key is given to a client (`algoliasearch(appId, key)`), never beside `indexName`.
 */
export function isSearchOnlyKey(literal: ts.StringLiteralLike): boolean {
  const slot = outermost(literal);
  const property = slot.parent;
  if (!ts.isPropertyAssignment(property) || property.initializer !== slot || !/^(?:apiKey|searchApiKey|searchKey)$/.test(propertyNameText(property.name) ?? '')) return false;
  const names = new Set(property.parent.properties.map((p) => (p.name ? propertyNameText(p.name) : undefined)));
  // `indices` (VuePress's DocSearch options, `indices: ['site']`) names the indexes as `indexName` names one.
  return (names.has('appId') || names.has('applicationId')) && (names.has('indexName') || names.has('indices'));
}

/**
 * Inkeep's AI assistant widget key in its settings (`baseSettings: { apiKey }`) under the Docusaurus plugin's
 * tuple (`['@inkeep/cxkit-docusaurus', { SearchBar: { baseSettings: { apiKey } } }]`) or a `themeConfig.inkeepConfig`:
 * a public client's key, "generally ok to be included in the source code of your web page", tied to the assistant
 * and throttled by Inkeep (https://docs.inkeep.com/ui-components/public-api-keys), like Algolia's search-only key.
 */
const INKEEP_ANCESTORS = 6;
export function isAssistantWidgetKey(literal: ts.StringLiteralLike): boolean {
  const slot = outermost(literal);
  const property = slot.parent;
  if (!ts.isPropertyAssignment(property) || property.initializer !== slot || propertyNameText(property.name) !== 'apiKey') return false;
  const settings = property.parent.parent;
  if (!ts.isPropertyAssignment(settings) || propertyNameText(settings.name) !== 'baseSettings') return false;
  let node: ts.Node = settings.parent;
  for (let i = 0; i < INKEEP_ANCESTORS && node.parent; i++, node = node.parent) {
    if (ts.isPropertyAssignment(node) && propertyNameText(node.name) === 'inkeepConfig') return true;
    if (ts.isArrayLiteralExpression(node)) {
      const first = node.elements[0];
      return first !== undefined && ts.isStringLiteralLike(first) && /^@inkeep\//.test(first.text);
    }
  }
  return false;
}

// A Firebase web app's configuration object: `apiKey` beside `authDomain` (`{ apiKey, authDomain, projectId, … }`),
// in code, in JSON kept in a variable, or in an env line. Firebase: "API keys for Firebase services are not used to
// control access to backend resources … it's OK to include them in code or checked-in config files"
// (https://firebase.google.com/docs/projects/api-keys). The same holds for the Android and Apple apps' config files.
// A web app's id (`1:114126160546:web:aca6ea…`, the `appId` of the same object) says so too when the settings are
// spelled as environment variables (`FCM_API_KEY` beside `FCM_APP_ID` in a compose file).
const FIREBASE_NEIGHBOUR = /["']?\bauthDomain["']?\s*[:=]|\b1:\d{6,}:web:[0-9a-f]{6,}\b/;
const FIREBASE_APP_FILE = /(?:^|\/)(?:google-services\.json|GoogleService-Info\.plist)$/;
const FIREBASE_REACH = 400;

/** A Google API key that is a Firebase app's client key: public by design, reported as information. */
export function isFirebaseClientKey(text: string, start: number, end: number, path: string): boolean {
  if (FIREBASE_APP_FILE.test(path.replace(/\\/g, '/'))) return true;
  return FIREBASE_NEIGHBOUR.test(text.slice(Math.max(0, start - FIREBASE_REACH), Math.min(text.length, end + FIREBASE_REACH)));
}

// YouTube's internal API for its own web client ("InnerTube", `https://www.youtube.com/youtubei/v1/search?key=…`):
// the key is the one the youtube.com page hands every browser (its `INNERTUBE_API_KEY`), not an account's, so a
// scraper that calls the endpoint as the page does holds no credential of its own.
const INNERTUBE_URL_BEFORE = /(?:youtube\.com|youtubei\.googleapis\.com)\/youtubei\/v\d+\/[^\s'"`]*[?&]key=$/;
const INNERTUBE_NAME_BEFORE = /\binnertube[_-]?api[_-]?key["']?\s*[:=]\s*["']?$/i;

/** A Google API key that is YouTube's web client key, given to the InnerTube endpoint: reported as information. */
export function isYouTubeWebClientKey(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  return INNERTUBE_URL_BEFORE.test(before) || INNERTUBE_NAME_BEFORE.test(before);
}

// An OAuth client's registration as an app keeps it: its id and its secret side by side (`{ id: '…', secret: '…' }`,
// `{ clientId, clientSecret }`, Dropbox's `{ appKey, appSecret }`).
const CLIENT_SECRET = /^(?:secret|client[_-]?secret|app[_-]?secret)$/i;
const CLIENT_ID = /^(?:id|client[_-]?id|app[_-]?id|app[_-]?key)$/i;

/**
 * The secret of an OAuth client written beside its id in one object. Public by design only where the code ships
 * inside a native app (`workspace/nativeApps.ts`): a desktop or mobile app is a public client (RFC 8252, section 8.5),
 * so its "client secret" is in every installed copy.
 */
export function isClientCredentialPair(literal: ts.StringLiteralLike): boolean {
  const slot = outermost(literal);
  const property = slot.parent;
  if (!ts.isPropertyAssignment(property) || property.initializer !== slot || !CLIENT_SECRET.test(propertyNameText(property.name) ?? '')) return false;
  return property.parent.properties.some((p) => p !== property && p.name !== undefined && CLIENT_ID.test(propertyNameText(p.name) ?? ''));
}
