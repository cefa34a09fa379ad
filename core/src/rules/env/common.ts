import type { FileContext } from '../../context';
import { isSchemaFile } from '../../env/files';

/** The documentation page of an env rule. */
export function docsUrl(name: string): string {
  return `https://github.com/twelve-factor/vscode-twelve-factor/blob/main/docs/rules/env/${name}.md`;
}

/**
 * Whether the file is a `.env` file to lint. `.env.schema.yaml` is named like one (`.env.*`), so it may reach
 * the env rules as kind `env`; it is YAML and is left to `env/invalid-schema`.
 */
export function isDotenvFile(context: FileContext): boolean {
  return context.kind === 'env' && !isSchemaFile(context.path);
}
