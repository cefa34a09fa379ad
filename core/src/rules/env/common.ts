import type { FileContext } from '../../context';
import { isSchemaFile } from '../../env/files';

/**
 * Whether the file is a `.env` file to lint. `.env.schema.yaml` is named like one (`.env.*`), so it may reach
 * the env rules as kind `env`; it is YAML and is left to `env/invalid-schema`.
 */
export function isDotenvFile(context: FileContext): boolean {
  return context.kind === 'env' && !isSchemaFile(context.path) && !isJavaScriptModule(context.text);
}

/**
 * A JavaScript module named like a `.env` file: an old Vue CLI webpack template's `config/dev.env` is
 * `module.exports = { NODE_ENV: '"development"' }`, read by `require`, never by a dotenv parser.
 */
export function isJavaScriptModule(text: string): boolean {
  return /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/|['"]use strict['"];?))*\s*(?:module\.exports\s*=|exports\.\w+\s*=|export\s+default\b|(?:const|let|var)\s+\w+\s*=\s*require\()/.test(text);
}
