import type { FileContext } from '../../context';
import { isSchemaFile } from '../../env/files';

/**
 * Whether the file is a `.env` file to lint. `.env.schema.yaml` is named like one (`.env.*`), so it may reach
 * the env rules as kind `env`; it is YAML and is left to `env/invalid-schema`.
 */
export function isDotenvFile(context: FileContext): boolean {
  return context.kind === 'env' && !isSchemaFile(context.path);
}
