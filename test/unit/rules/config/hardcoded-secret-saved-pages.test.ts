import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { fake } from '../../helpers';
import { RuleTester } from '../ruleTester';

// A false positive the held-out 4 triage left (audit/README.md, "Held-out 4, the false positives left"): each
// valid case is the shape of one, in made-up code; each invalid case is its near miss, still reported.

const SAS = fake('sv=2015-07-08&amp;sr=c&amp;si=3d1f&amp;sig=', 'Rk7dQ2mZ8xVb4Nc1Hd6Fj4Gs2Ty9Ue0Wo3Qi8Pa7Sl5', '%3D');

// A web page saved from another site as test data (a scraper's sample) carries what that site served to every
// visitor: a media link's shared access signature is the site's, not the project's.
const PAGE = (head: string) => `<!DOCTYPE html>\n<html>\n<head>\n${head}<meta name="twitter:player" content="https://media.blob.core.windows.net/asset/clip.mp4?${SAS}&amp;x=1">\n</head>\n</html>\n`;
new RuleTester({ filename: '/ws/tests/data/html/roast-dinner.html' }).run(rule, {
  valid: [
    { name: 'a saved page that names its canonical address', code: PAGE('<link rel="canonical" href="https://recipes.example.org/roast-dinner" />\n') },
    { name: "a page saved by a browser's Save As", code: PAGE('<!-- saved from url=(0040)https://recipes.example.org/roast-dinner -->\n') },
    { name: 'an Open Graph URL', code: PAGE('<meta property="og:url" content="https://recipes.example.org/roast-dinner">\n') },
  ],
  invalid: [
    { name: 'the project\'s own page outside test code', filename: '/ws/public/index.html', code: PAGE('<link rel="canonical" href="https://app.example.org/" />\n'), errors: [{ messageId: 'provider', line: 5 }], output: null },
    { name: 'a test page that names no address on the web', code: PAGE(''), errors: [{ messageId: 'provider', line: 4, severity: 'error' }], output: null },
  ],
});
