import ts = require('typescript');
import { propertyNameText } from './ast';

/**
 * Samples an API's documentation shows its readers, in the code that builds that documentation: the argument of a
 * schema's `.example(…)` or `.examples(…)` (Joi and Celebrate route validation, which hapi-swagger and
 * joi-to-swagger turn into OpenAPI `example` fields), the value of an `example`/`examples` option (NestJS
 * `@ApiProperty({ example })`, zod-to-openapi's `.openapi({ example })`), and, in YAML and JSON, the value of an
 * `example:` key (an OpenAPI document and the golden copies its tests compare with). What sits there is shown to
 * every reader of the API reference; the rule reports it as information, as it does an API description's samples.
 */

const EXAMPLE_KEY = /^(?:x-)?examples?$/i;
const EXAMPLE_METHOD = /^examples?$/;

/** Whether the JavaScript literal is (inside) a documented example: `.example('…')`, `{ example: '…' }`. */
export function isJsApiExample(literal: ts.Node): boolean {
  let child: ts.Node = literal;
  for (let node = literal.parent; node && !ts.isSourceFile(node); child = node, node = node.parent) {
    // Code that runs (a function's body) is no longer the sample.
    if (ts.isFunctionLike(node) || ts.isBlock(node) || ts.isClassLike(node)) return false;
    if (ts.isPropertyAssignment(node) && node.initializer === child) {
      const name = propertyNameText(node.name);
      if (name !== undefined && EXAMPLE_KEY.test(name)) return true;
    }
    if (ts.isCallExpression(node) && node.arguments.includes(child as ts.Expression)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && EXAMPLE_METHOD.test(callee.name.text)) return true;
    }
  }
  return false;
}

// JSON Schema's string formats (and OpenAPI's `byte`, `binary`, `password`): an object keyed by them is a table of the
// sample value a documentation generator shows for each (`{ email: 'user@example.com', uuid: '0000…', password: 'secret' }`,
// as openapi-sampler keeps one).
const SCHEMA_FORMATS = new Set(['email', 'idn-email', 'uri', 'url', 'uri-reference', 'hostname', 'idn-hostname', 'ipv4', 'ipv6', 'uuid', 'guid', 'date', 'date-time', 'time', 'duration', 'byte', 'binary', 'regex', 'json-pointer']);

/** The value of `password` (or another key) in an object keyed mostly by schema formats: a documentation sample. */
export function isFormatSample(literal: ts.Node): boolean {
  const property = literal.parent;
  if (!property || !ts.isPropertyAssignment(property) || property.initializer !== literal || !ts.isObjectLiteralExpression(property.parent)) return false;
  const names = property.parent.properties.map((p) => (p.name ? propertyNameText(p.name) : undefined));
  return names.filter((n) => n !== undefined && SCHEMA_FORMATS.has(n)).length >= 4;
}

// `example: value`, `"example": "value"`, `x-example: …`, `- example: …` on the value's own line.
const KEYED_EXAMPLE_BEFORE = /^\s*(?:-\s+)?["']?(?:x-)?examples?["']?\s*:\s*["']?$/i;

/** Whether the value at the offset is the value of an `example:` key on its line (YAML, JSON). */
export function isKeyedExample(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return KEYED_EXAMPLE_BEFORE.test(text.slice(lineStart, offset));
}
