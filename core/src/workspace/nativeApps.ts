import type { FileHost } from '../host';
import { nearestManifest, workspacePackagesByName, type Manifest } from './manifest';

/**
 * Whether a file's package ships inside a desktop or mobile app: the package is one (it depends on Electron, React
 * Native, Expo, Capacitor, Cordova, Tauri or NativeScript), or a workspace package that is one depends on it (a
 * monorepo's shared library, `packages/lib`, bundled into `packages/app-desktop` and `packages/app-mobile`).
 * A package that is itself a server (Express, Koa, Fastify, Nest, hapi) is not: what it holds stays on the server.
 * The secret rule asks it of an OAuth client's id and secret: a native app is a public client (RFC 8252, section
 * 8.5), whose "secret" is in every installed copy and authenticates nothing.
 */
export function shipsInNativeApp(host: FileHost | undefined, file: string): boolean {
  if (!host) return false;
  const own = nearestManifest(host, file);
  if (!own || isServer(own)) return false;
  if (isNativeApp(own)) return true;
  const root = host.rootOf(file);
  if (!own.name || root === undefined) return false;
  for (const pkg of workspacePackagesByName(host, root).values()) {
    if (pkg.declared.has(own.name) && isNativeApp(pkg)) return true;
  }
  return false;
}

const NATIVE_FRAMEWORKS = ['electron', 'react-native', 'expo', '@capacitor/core', 'cordova-android', 'cordova-ios', '@tauri-apps/api', '@nativescript/core'];
const SERVER_FRAMEWORKS = ['express', 'koa', 'fastify', '@nestjs/core', '@hapi/hapi', 'restify'];

function isNativeApp(m: Manifest): boolean {
  return NATIVE_FRAMEWORKS.some((p) => m.declared.has(p));
}

function isServer(m: Manifest): boolean {
  return SERVER_FRAMEWORKS.some((p) => m.declared.has(p));
}
