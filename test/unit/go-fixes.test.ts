import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { goImportEdit } from '../../core/src/go/edits';
import type { GoFacts } from '../../core/src/go/types';

const spec = (text: string, path: string) => ({ path, start: text.indexOf(`"${path}"`), end: text.indexOf(`"${path}"`) + path.length + 2 });

function add(text: string, paths: string[], have: string[]): string {
  const open = text.indexOf('(') + 1;
  const facts = { imports: new Map(have.map((p) => [p.split('/').pop() ?? p, p])), importAt: { at: open, style: 'block', specs: have.map((p) => spec(text, p)) } } as unknown as GoFacts;
  const edit = goImportEdit(facts, paths);
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
}

describe('Go import edits keep gofmt order', () => {
  test('a std-lib path goes in sorted place among the std-lib imports', () => {
    const text = 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/gorilla/mux"\n)\n';
    assert.equal(add(text, ['os'], ['fmt', 'net/http', 'github.com/gorilla/mux']), 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n\n\t"github.com/gorilla/mux"\n)\n');
    assert.equal(add(text, ['log'], ['fmt', 'net/http', 'github.com/gorilla/mux']), 'package main\n\nimport (\n\t"fmt"\n\t"log"\n\t"net/http"\n\n\t"github.com/gorilla/mux"\n)\n');
  });
  test('a path already imported is not added again', () => {
    const text = 'package main\n\nimport (\n\t"os"\n)\n';
    assert.equal(add(text, ['os'], ['os']), text);
  });
});
