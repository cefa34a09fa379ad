import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { containsEnvAccess, envFallbackOf, envObject, envReadName, isEnvAccess, lastEnvReadInChain } from '../../core/src/js/envReads';

// core/src/js/envReads.ts is the one answer to "is this an environment-variable read?" (issue 15): the
// secret rule, the env checks, the scaffolds, file-logging and hardcoded-service-url all ask it.

function expr(code: string): ts.Expression {
  const sf = ts.createSourceFile('a.ts', `(${code});`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statement = sf.statements[0] as ts.ExpressionStatement;
  return (statement.expression as ts.ParenthesizedExpression).expression;
}

function literalIn(code: string, text: string): { literal: ts.Node; sf: ts.SourceFile } {
  const sf = ts.createSourceFile('a.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let literal: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) && n.text === text) literal = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  assert.ok(literal, `no literal ${text}`);
  return { literal, sf };
}

describe('js/envReads: reads', () => {
  test('every form of a read names its variable', () => {
    for (const [code, name] of [
      ['process.env.API_KEY', 'API_KEY'], ["process.env['API_KEY']", 'API_KEY'], ['process.env!.API_KEY', 'API_KEY'],
      ['import.meta.env.VITE_URL', 'VITE_URL'], ['Bun.env.TOKEN', 'TOKEN'], ["Deno.env.get('TOKEN')", 'TOKEN'],
      ['globalThis.process.env.PORT', 'PORT'], ['(process.env as Env).PORT', 'PORT'],
    ]) assert.equal(envReadName(expr(code)), name, code);
  });
  test('not reads: other objects, dynamic keys, the env object itself', () => {
    for (const code of ['config.env.PORT', 'process.env', 'process.env[name]', 'myprocess.env.X', "Deno.env.set('X', '1')"]) {
      assert.equal(envReadName(expr(code)), undefined, code);
    }
  });
  test('the env object, by kind', () => {
    assert.equal(envObject(expr('process.env')), 'process.env');
    assert.equal(envObject(expr('import.meta.env')), 'import.meta.env');
    assert.equal(envObject(expr('Bun.env')), 'Bun.env');
    assert.equal(envObject(expr('process.argv')), undefined);
  });
  test('an access with any key, and an access anywhere in an expression', () => {
    assert.equal(isEnvAccess(expr('process.env[name]')), true);
    assert.equal(isEnvAccess(expr('`${process.env.HOST}`')), false);
    assert.equal(containsEnvAccess(expr('`redis://${process.env.HOST}:6379`')), true);
    assert.equal(containsEnvAccess(expr("Deno.env.get('HOST') ?? 'x'")), true);
    assert.equal(containsEnvAccess(expr("'redis://localhost:6379'")), false);
  });
  test('the variable a chain falls back from last', () => {
    assert.equal(lastEnvReadInChain(expr('process.env.A || process.env.B')), 'B');
    assert.equal(lastEnvReadInChain(expr('process.env.A ?? other')), 'A');
    assert.equal(lastEnvReadInChain(expr('a || b')), undefined);
  });
});

describe('js/envReads: literal defaults of a read', () => {
  const cases: Array<[string, string, { name: string; text: string }]> = [
    ["const s = process.env.S || 'lit';", 'lit', { name: 'S', text: 'process.env.S' }],
    ["const s = process.env.A ?? process.env.B ?? 'lit';", 'lit', { name: 'B', text: 'process.env.A ?? process.env.B' }],
    ["const s = process.env.S ? process.env.S : 'lit';", 'lit', { name: 'S', text: 'process.env.S' }],
    ["const s = (process.env.S || 'lit') as string;", 'lit', { name: 'S', text: 'process.env.S' }],
    ["const { S = 'lit' } = process.env;", 'lit', { name: 'S', text: '' }],
    ["const { S: s = 'lit' } = import.meta.env;", 'lit', { name: 'S', text: '' }],
  ];
  for (const [code, text, want] of cases) {
    test(`a default: ${code}`, () => {
      const { literal, sf } = literalIn(code, text);
      const found = envFallbackOf(literal, sf);
      assert.deepEqual(found && { name: found.name, text: found.text }, want);
    });
  }
  for (const code of ["const s = opts.secret || 'lit';", "const { S = 'lit' } = options;", "const s = process.env.S === 'lit';", "f(process.env.S, 'lit');"]) {
    test(`not a default of a read: ${code}`, () => {
      const { literal, sf } = literalIn(code, 'lit');
      assert.equal(envFallbackOf(literal, sf), undefined);
    });
  }
});
