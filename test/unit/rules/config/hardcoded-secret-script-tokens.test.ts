import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { RuleTester } from '../ruleTester';

// A false positive the held-out 4 triage left (audit/README.md, "Held-out 4, the false positives left"): each
// valid case is the shape of one, in made-up code; each invalid case is its near miss, still reported.

// A token the project's install or entrypoint script replaces with a generated value is a placeholder the
// script finds, as `__DB_PASSWORD__` is for a deploy tool.
const ENTRYPOINT = '#!/bin/sh\nsed -i "s/megasecretvalue/$(head -c 24 /dev/urandom | base64 | tr -dc a-zA-Z0-9)/g" /etc/app/settings.yml\nexec app\n';
new RuleTester({ filename: '/ws/app/settings.yml' }).run(rule, {
  valid: [
    { name: "a settings token the container's entrypoint replaces", code: 'server:\n  secret_key: "megasecretvalue"  # overwritten by ${APP_SECRET}\n', files: { '/ws/container/entrypoint.sh': ENTRYPOINT } },
    { name: 'an install script that replaces it with openssl', code: 'server:\n  secret_key: "megasecretvalue"\n', files: { '/ws/utils/install.sh': 'sed -i -e "s/megasecretvalue/$(openssl rand -hex 16)/g" "$SETTINGS"\n' } },
  ],
  invalid: [
    { name: 'no script replaces it', code: 'server:\n  secret_key: "megasecretvalue"\n', errors: [{ messageId: 'named', line: 2 }], output: null },
    {
      name: 'a script that writes another literal in its place',
      code: 'server:\n  secret_key: "megasecretvalue"\n',
      files: { '/ws/utils/install.sh': 'sed -i -e "s/megasecretvalue/othersecretvalue/g" "$SETTINGS"\n' },
      errors: [{ messageId: 'named', line: 2 }],
      output: null,
    },
  ],
});
