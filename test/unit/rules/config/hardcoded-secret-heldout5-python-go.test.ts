import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadGo } from '../../go-helpers';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

before(loadGo);

// Fifth held-out audit set (Python and Go applications, audit/README.md "Held-out 5, Python and Go"): each valid
// case was a false positive on a real application, as the smallest code that shows it; made-up values throughout.

const SECRET = fake('Vq3nR8kT2w', 'Lp5xZ9mB4c');

// A storage driver that signs in as a vendor's Android app sends that app's OAuth client (ID, secret, version,
// package): the secret ships inside the app, public by design.
const DRIVER = (pkg: string) => `package cloud\n\nconst (\n\tAndroidClientID      = "Yx7Kq2Lm"\n\tAndroidClientSecret  = "${SECRET}"\n\tAndroidClientVersion = "1.48.3"\n\tAndroidPackageName   = "${pkg}"\n)\n`;
new RuleTester({ filename: '/ws/drivers/cloud/util.go' }).run(rule, {
  valid: [
    { name: "an installed app's client beside its package name and version", code: DRIVER('com.vendor.cloud') },
    {
      name: 'the same in a struct literal',
      code: `package cloud\n\nvar c = Client{\n\tClientID:      "Yx7Kq2Lm",\n\tClientSecret:  "${SECRET}",\n\tClientVersion: "7.51.0",\n\tPackageName:   "com.vendor.downloader",\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'no mobile package name: a web domain is no installed app',
      code: DRIVER('vendor.com'),
      errors: [{ messageId: 'named', line: 5 }],
      output: null,
    },
    {
      name: 'a secret with no client version of its own prefix is judged',
      code: `package cloud\n\nconst (\n\tAndroidClientVersion = "1.48.3"\n\tAndroidPackageName   = "com.vendor.cloud"\n\tServerClientSecret   = "${SECRET}"\n)\n`,
      errors: [{ messageId: 'named', line: 6 }],
      output: null,
    },
  ],
});
