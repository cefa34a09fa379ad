import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileContext } from '../../core/src/context';
import { isGoTestBuild } from '../../core/src/fileKinds';

// Held-out 9 (audit/README.md, "Held-out 9, Python and Go"): a Go service file built only with `-tags e2etest`
// (its fixture tokens seed the end-to-end tests) is test code, as a `_test.go` file is.
const FILE = (constraint: string) => `${constraint}\n\npackage service\n\nconst fixtureToken = "x"\n`;

describe('Go files built only for tests', () => {
  test('a constraint that requires a test tag', () => {
    for (const c of ['//go:build e2etest', '//go:build e2e', '//go:build integration', '//go:build integration && linux', '//go:build (e2e)', '//go:build api_tests']) {
      assert.equal(isGoTestBuild(FILE(c)), true, c);
    }
  });

  test('a constraint that holds without one, or no constraint', () => {
    for (const c of ['//go:build linux', '//go:build !e2etest', '//go:build e2etest || linux', '//go:build latest', '// go:build e2etest', '']) {
      assert.equal(isGoTestBuild(FILE(c)), false, c);
    }
    // A `//go:build` comment after the package clause is no constraint.
    assert.equal(isGoTestBuild('package service\n\n//go:build e2etest\n'), false);
  });

  test('the file context judges it test code; other kinds keep the path alone', () => {
    assert.equal(new FileContext('/ws/internal/service/e2etest_service.go', FILE('//go:build e2etest')).isTestFile, true);
    assert.equal(new FileContext('/ws/internal/service/user_service.go', FILE('//go:build linux')).isTestFile, false);
    assert.equal(new FileContext('/ws/internal/service/notes.py', FILE('//go:build e2etest')).isTestFile, false);
  });
});
