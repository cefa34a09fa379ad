/**
 * The env checks' public surface for the server and the client: reading `.env` files, finding and
 * parsing their schema, and the completion, hover and declaration data the editor shows.
 */
export { completeEnvKeys, declarationsFor, envKeyAt, hoverDeclaration, hoverEnvKey, isKeyPosition } from './complete';
export type { EnvCompletionItem, EnvDeclaration, EnvLocation } from './complete';
export { isExampleFile, isSchemaFile, isTemplateFile, isValuesFile } from './files';
export { nearestDeclarations, schemaFor } from './locate';
export { envReadAt, findEnvReads } from './reads';
export { scanEnv } from './scan';
export { valueOf } from './values';
export type { EnvDocument, EnvEntry } from './scan';
export { ENV_TYPES, parseSchema, schemaFromExample } from './schema';
export type { EnvSchema, EnvType, VariableSpec } from './schema';
