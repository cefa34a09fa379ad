import * as path from 'node:path';
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Definition, type Hover, type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { completeEnvKeys, declarationsFor, envKeyAt, envReadAt, hoverDeclaration, hoverEnvKey, isKeyPosition, scanEnv, schemaFor } from '../../../core/src/env';
import { isDocumentationFile } from '../../../core/src/env/docDeclared';
import { isManifestFile } from '../../../core/src/env/manifestDeclared';
import { isShellScriptFile } from '../../../core/src/env/scriptVariables';
import { envReadAtIn, typedEnvName } from '../../../core/src/env/polyglot';
import { FileContext } from '../../../core/src/context';
import { fileKindOf } from '../../../core/src/fileKinds';
import { prepareFor } from '../../../core/src/treesitter/prepare';
import { WorkspaceFolders, type ServerContext } from '../context';

/** Code whose env reads get completion, hover and definition: JS/TS, Python, Go. */
const CODE_KINDS = new Set(['js', 'python', 'go']);

/** The env read under the cursor, any language (Python and Go parse with their grammar, loaded first). */
async function readAt(file: string, text: string, offset: number): Promise<{ name: string; start: number; end: number } | undefined> {
  const kind = fileKindOf(file);
  if (kind === 'js') return envReadAt(text, offset, file);
  await prepareFor(file, text);
  try {
    return envReadAtIn(new FileContext(file, text), offset);
  } catch {
    return undefined;
  }
}

/**
 * Completion, hover and go-to-definition for `.env` files and for env reads in code (`process.env.X`,
 * `os.environ['X']`, `os.getenv('X')`, `os.Getenv("X")`…), from the
 * schema (`.env.schema.yaml`) or `.env.example`. Values of secrets are never shown (core cloaks them).
 * Nothing is answered for a document whose `twelveFactor.enable` is off.
 */
export function registerEnvFeatures(ctx: ServerContext): void {
  const { connection, documents, host, settings, folders } = ctx;
  const enabled = async (uri: string) => (await settings.get(uri, folders.folderOf(WorkspaceFolders.fsPathOf(uri)))).enable;
  const fileOf = (uri: string) => {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  };

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const document = documents.get(params.textDocument.uri);
    const file = fileOf(params.textDocument.uri);
    if (!document || !file || !(await enabled(document.uri))) return [];
    const text = document.getText();
    const offset = document.offsetAt(params.position);
    const kind = fileKindOf(file);
    if (kind === 'env') {
      if (!isKeyPosition(text, offset)) return [];
      const schema = schemaFor(file, host);
      if (!schema || schema.file === file) return [];
      const existing = scanEnv(text).entries.map((e) => e.key);
      const wordStart = wordStartBefore(text, offset);
      return completeEnvKeys(schema, existing).map((item) => ({
        label: item.label,
        kind: CompletionItemKind.Variable,
        detail: item.detail,
        documentation: { kind: MarkupKind.Markdown, value: item.documentation },
        sortText: item.sortText,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: { start: document.positionAt(wordStart), end: params.position }, newText: item.insertText },
      }));
    }
    if (!CODE_KINDS.has(kind)) return [];
    const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    const typed = typedEnvName(kind, line);
    if (typed === undefined) return [];
    const start = offset - typed.length;
    return [...declarationsFor(file, host).values()].filter((d) => d.declaredIn).map((d) => ({
      label: d.name,
      kind: CompletionItemKind.Variable,
      detail: d.spec ? `${d.spec.type}${d.spec.required ? ' · required' : ''}${d.spec.secret ? ' · secret' : ''}` : d.documented ? 'documented' : 'declared',
      documentation: { kind: MarkupKind.Markdown, value: hoverDeclaration(d) },
      textEdit: { range: { start: document.positionAt(start), end: params.position }, newText: d.name },
    }));
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const found = await locate(params.textDocument.uri, params.position);
    if (!found) return null;
    const { document, file, offset } = found;
    if (fileKindOf(file) === 'env') {
      const key = envKeyAt(document.getText(), offset);
      const schema = key && schemaFor(file, host);
      const markdown = key && schema && schema.file !== file ? hoverEnvKey(schema, key.key) : undefined;
      return markdown && key ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, key.start, key.end) } : null;
    }
    const read = await readAt(file, document.getText(), offset);
    const declaration = read && declarationsFor(file, host).get(read.name);
    if (!read) return null;
    const value = declaration ? hoverDeclaration(declaration) : `**${read.name}**\n\nNot declared in \`.env.schema.yaml\` or \`.env.example\`, and not set in \`.env\`.`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, read.start, read.end) };
  });

  connection.onDefinition(async (params): Promise<Definition | null> => {
    const found = await locate(params.textDocument.uri, params.position);
    if (!found || !CODE_KINDS.has(fileKindOf(found.file))) return null;
    const read = await readAt(found.file, found.document.getText(), found.offset);
    const declaration = read && declarationsFor(found.file, host).get(read.name);
    if (!declaration) return null;
    const targets = [declaration.declaredIn, declaration.value].filter((l) => l !== undefined);
    return targets.map((l) => ({ uri: URI.file(l.file).toString(), range: { start: { line: l.line, character: l.character }, end: { line: l.line, character: l.character } } }));
  });

  const locate = async (uri: string, position: Position) => {
    const document = documents.get(uri);
    const file = fileOf(uri);
    if (!document || !file || !(await enabled(uri))) return undefined;
    const kind = fileKindOf(file);
    if (kind !== 'env' && !CODE_KINDS.has(kind)) return undefined;
    return { document, file, offset: document.offsetAt(position) };
  };
}

function wordStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /[\w.-]/.test(text[i - 1])) i--;
  return i;
}

function rangeOf(document: TextDocument, start: number, end: number) {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** Files whose change alters how `.env` files and env reads are judged (a Markdown page or a manifest may declare settings). */
export function isEnvDeclarationFile(file: string): boolean {
  return /^\.env(\..*)?$/i.test(path.basename(file)) || fileKindOf(file) === 'env' || isDocumentationFile(file) || isManifestFile(file) || isShellScriptFile(file);
}
