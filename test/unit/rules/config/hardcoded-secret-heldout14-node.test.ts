import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { WELL_KNOWN_CREDENTIALS } from '../../../../core/src/secrets/wellKnown';
import { RuleTester } from '../ruleTester';

// Held-out 14, Node (audit/README.md). A translation shows the shape of a proxy URL in its own language (fredy's
// ui/src/locales/de.json: `http://benutzer:passwort@host:port`), as the English one says `user:pass`. And the
// Supabase CLI's local keys, printed by `supabase start` for every developer, in a migration that calls the local
// stack (chatbot-ui's supabase/migrations).
const [ANON, SERVICE_ROLE] = WELL_KNOWN_CREDENTIALS.filter((c) => c.what.includes('Supabase')).map((c) => c.value);
const SQL = (key: string) => `DECLARE\n  project_url TEXT := 'http://supabase_kong:8000';\n  service_role_key TEXT := '${key}';\nBEGIN\n`;

new RuleTester({ filename: '/ws/ui/src/locales/de.json' }).run(rule, {
  valid: [
    { name: 'a German placeholder URL', code: '{\n  "settings.proxyUrlPlaceholder": "http://benutzer:passwort@host:port"\n}\n' },
    { name: 'a Turkish placeholder URL', filename: '/ws/ui/src/locales/tr.json', code: '{\n  "settings.proxyUrlPlaceholder": "http://kullanıcı:şifre@host:port"\n}\n' },
    { name: 'a French placeholder URL', filename: '/ws/ui/src/locales/fr.json', code: '{\n  "proxy": "http://utilisateur:mot-de-passe@hote:port"\n}\n' },
    { name: "the Supabase CLI's local service_role key", filename: '/ws/supabase/migrations/0001_setup.sql', code: SQL(SERVICE_ROLE) },
    { name: "the Supabase CLI's local anon key", filename: '/ws/src/lib/supabase.ts', code: `export const supabase = createClient('http://127.0.0.1:54321', '${ANON}');\n` },
  ],
  invalid: [
    {
      name: 'a real-looking password in a URL is still one, whatever the file',
      code: '{\n  "proxy": "http://benutzer:Xq7vR2mK9pLw@proxy.acme.de:3128"\n}\n',
      errors: [{ messageId: 'provider', line: 2 }],
      output: null,
    },
    {
      name: 'a key signed otherwise is judged as any other',
      filename: '/ws/supabase/migrations/0001_setup.sql',
      code: SQL(SERVICE_ROLE.replace('EGIM96', 'EGIM97')),
      errors: [{ messageId: 'provider', line: 3 }],
      output: null,
    },
  ],
});
