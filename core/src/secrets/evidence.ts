import type { FileKind } from '../types';
import { isSequential, isWordPhrase, looksRandom } from './value';

/**
 * A literal found only by the name it is kept under (`password = 'lnbits'`, `secret: 'a cat'`) is a guess: on
 * applications nobody here had seen (held-out 6), 4 in 82 such findings were secrets, while the ones found by
 * a provider's format were all right. Such a finding keeps the rule's severity only with a second signal:
 * - the value looks generated (random-looking of real length) or is a key of a signing algorithm's length
 *   (32 characters and more, no spaces: a phrase typed to meet a minimum key size is still the key in use);
 * - or the file is configuration a deployment runs with: a config, settings or defaults file or module, an
 *   image's `ENV`, a Kubernetes manifest, a Helm values file, Terraform or Ansible variables, a committed `.env`,
 *   or a file whose purpose is credentials (`.npmrc`, `.pypirc`, `.netrc`, `credentials.json`, `secrets.yml`).
 * Without one it is reported as information (`secrets.reportByNameAlone` brings it back to the rule's severity).
 * Sinks (`session({ secret })`), env fallbacks and SQL logins are judged on their own: they say how the value is used.
 */
export function hasSecondSignal(value: string, path: string, kind: FileKind, text: string): boolean {
  return looksGenerated(value) || isDeployedConfiguration(path, kind, text);
}

/** A generated value (`kgq$…` of 50 characters) or a signing key of real length. */
export function looksGenerated(value: string): boolean {
  if (looksRandom(value) && !isWordPhrase(value)) return true;
  return value.length >= 32 && !/\s/.test(value) && !UUID.test(value) && !isSequential(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// `config/`, `configs/`, `conf/`, `settings/`, `environments/` (an app's per-environment configuration), Ansible's
// `group_vars/` and `host_vars/`.
const CONFIG_FOLDER = /(?:^|\/)(?:config|configs|conf|configuration|settings|environments?|group_vars|host_vars)\//i;
// A module or data file named for configuration: `config.js`, `settings.py`, `default_settings.py`,
// `defaults.yml`, `app.config.ts`, `settings_production.py`.
const CONFIG_NAME = /^(?:[\w-]+[._-])?(?:config|configuration|settings|default[_-]?settings|defaults?)(?:[._-][\w-]+)*\.[\w]+$/i;
// Data files named for an application's configuration: Spring's `application.yml` / `application-prod.properties`,
// .NET's `appsettings.Production.json`, an `app.ini`, a Helm chart's `values.yaml`.
const APP_DATA_FILE = /^(?:application|appsettings|app|values)(?:[._-][\w-]+)*\.(?:ya?ml|json|ini|properties|toml|conf|cfg|xml)$/i;
// Files whose purpose is to hold credentials.
const CREDENTIAL_FILE = /^(?:\.npmrc|\.yarnrc(?:\.yml)?|\.pypirc|\.netrc|\.git-credentials|\.htpasswd|credentials(?:\.[\w]+)?|secrets?\.(?:ya?ml|json|toml|ini|env))$/i;
const TERRAFORM = /\.(?:tf|tfvars)$/i;
// A Kubernetes object that runs or configures a workload.
const KUBERNETES_OBJECT = /^kind:[ \t]*["']?(?:Deployment|StatefulSet|DaemonSet|Pod|Job|CronJob|ReplicaSet|Secret|ConfigMap)["']?[ \t]*$/m;

/** The configuration a deployment runs with, from the file's place, name and kind. */
export function isDeployedConfiguration(path: string, kind: FileKind, text: string): boolean {
  const p = path.replace(/\\/g, '/');
  const base = p.split('/').pop() ?? p;
  if (kind === 'dockerfile' || kind === 'env') return true;
  if (CONFIG_FOLDER.test(p) || CONFIG_NAME.test(base) || CREDENTIAL_FILE.test(base) || TERRAFORM.test(base)) return true;
  if (kind !== 'js' && kind !== 'python' && kind !== 'go' && kind !== 'shell' && APP_DATA_FILE.test(base)) return true;
  return kind === 'yaml' && KUBERNETES_OBJECT.test(text);
}
