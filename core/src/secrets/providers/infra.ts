import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64URL, HEX, LOWER_ALNUM, mixedCase, plausible, rnd, word } from './util';

export const infra: readonly SecretProvider[] = [
  {
    id: 'vault-service-token',
    name: 'HashiCorp Vault service token',
    envName: 'VAULT_TOKEN',
    keywords: ['hvs.', 'vault'],
    // Vault 1.10+ service tokens start `hvs.`; before that they were `s.` + 24 characters, which is
    // far too short and plain to trust without a vault…token name in front of it.
    pattern: new RegExp(
      `(?:${word('vault')}[\\w.-]{0,20}?(?:token|Token|TOKEN)${ASSIGN}|(?<![\\w.-])(?=hvs\\.))` +
        '(?<secret>hvs\\.[\\w-]{90,120}|s\\.[A-Za-z0-9]{24})(?![\\w.-])',
      'g',
    ),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `VAULT_TOKEN=${'hvs.' + 'CAESI' + rnd(B64URL, 90, 'hvs-1')}`,
      `vault_token = "${'s.' + rnd(ALNUM, 22, 'hvs-2')}9Z"`,
      `const client = vault({ endpoint, token: '${'hvs.' + rnd(B64URL, 95, 'hvs-3')}' });`,
    ],
    fps: [
      `const rows = s.${rnd(ALNUM, 24, 'hvs-4')};`,
      'VAULT_TOKEN=${VAULT_TOKEN}',
      `VAULT_TOKEN=hvs.${rnd(ALNUM, 20, 'hvs-5')}`,
    ],
  },
  {
    id: 'vault-batch-token',
    name: 'HashiCorp Vault batch token',
    envName: 'VAULT_TOKEN',
    keywords: ['hvb.'],
    pattern: /(?<![\w.-])hvb\.[\w-]{138,300}(?![\w.-])/g,
    minEntropy: 4,
    tps: [
      `VAULT_TOKEN=${'hvb.' + 'AAAAAQ' + rnd(B64URL, 160, 'hvb-1')}`,
      `export VAULT_TOKEN='${'hvb.' + rnd(B64URL, 200, 'hvb-2')}'`,
    ],
    fps: [`VAULT_TOKEN=hvb.${'x'.repeat(140)}`, `const tokenPrefix = 'hvb.';`],
  },
  {
    id: 'terraform-cloud-token',
    name: 'Terraform Cloud / Enterprise API token',
    envName: 'TF_TOKEN_app_terraform_io',
    keywords: ['atlasv1'],
    pattern: /(?<![\w.-])[A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70}(?![\w=-])/g,
    minEntropy: 3.5,
    tps: [
      `TF_TOKEN_app_terraform_io=${rnd(ALNUM, 14, 'tfc-1') + '.atlasv1.' + rnd(B64URL, 67, 'tfc-2')}`,
      `credentials "app.terraform.io" {\n  token = "${rnd(ALNUM, 14, 'tfc-3') + '.atlasv1.' + rnd(ALNUM, 67, 'tfc-4')}"\n}`,
    ],
    fps: [
      `credentials "app.terraform.io" { token = "${'x'.repeat(14)}.atlasv1.${'x'.repeat(8)}" }`,
      `// tokens look like <id>.atlasv1.<secret>`,
    ],
  },
  {
    id: 'pulumi-access-token',
    name: 'Pulumi access token',
    envName: 'PULUMI_ACCESS_TOKEN',
    keywords: ['pul-'],
    pattern: /(?<![\w-])pul-[a-f0-9]{40}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `PULUMI_ACCESS_TOKEN=${'pul-' + rnd(HEX, 40, 'pul-1')}`,
      `env:\n  PULUMI_ACCESS_TOKEN: ${'pul-' + rnd(HEX, 40, 'pul-2')}`,
    ],
    fps: [`const pul = 'pul-' + id;`, `PULUMI_ACCESS_TOKEN=${'pul-' + rnd(HEX, 20, 'pul-3')}`],
  },
  {
    id: 'doppler-token',
    name: 'Doppler token',
    envName: 'DOPPLER_TOKEN',
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    // Personal (pt), service (st, optionally scoped `dp.st.<config>.`), service account (sa), CLI (ct),
    // SCIM and audit tokens all share the `dp.<type>.` shape.
    pattern: /(?<![\w.-])dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{1,40}\.)?[A-Za-z0-9]{40,44}(?![\w.-])/g,
    minEntropy: 3.5,
    tps: [
      `DOPPLER_TOKEN=${'dp.st.' + 'prd.' + rnd(ALNUM, 40, 'dp-1')}`,
      `doppler configure set token ${'dp.pt.' + rnd(ALNUM, 43, 'dp-2')}`,
    ],
    fps: ['DOPPLER_TOKEN=dp.st.xxxx', `const kind = 'dp.pt.' + suffix;`],
  },
  {
    id: 'planetscale-token',
    name: 'PlanetScale API/OAuth token',
    envName: 'PLANETSCALE_SERVICE_TOKEN',
    keywords: ['pscale_tkn_', 'pscale_oauth_'],
    pattern: /(?<![\w-])pscale_(?:tkn|oauth)_[\w=.-]{32,64}(?![\w=.-])/g,
    minEntropy: 3.5,
    tps: [
      `PLANETSCALE_SERVICE_TOKEN=${'pscale_tkn_' + rnd(B64URL, 43, 'ps-1')}`,
      `token: "${'pscale_oauth_' + rnd(ALNUM, 40, 'ps-2')}"`,
    ],
    fps: [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${'x'.repeat(40)}`, `const prefix = "pscale_tkn_";`],
  },
  {
    id: 'planetscale-password',
    name: 'PlanetScale database password',
    envName: 'DATABASE_PASSWORD',
    keywords: ['pscale_pw_'],
    pattern: /(?<![\w-])pscale_pw_[\w=.-]{32,64}(?![\w=.-])/g,
    minEntropy: 3.5,
    tps: [
      `DATABASE_PASSWORD=${'pscale_pw_' + rnd(B64URL, 43, 'psp-1')}`,
      `const conn = connect({ host: 'aws.connect.psdb.cloud', username: 'u7x', password: '${'pscale_pw_' + rnd(ALNUM, 43, 'psp-2')}' });`,
    ],
    fps: [`DATABASE_PASSWORD=pscale_pw_...`, `DATABASE_PASSWORD=${'pscale_pw_' + rnd(ALNUM, 10, 'psp-3')}`],
  },
  {
    id: 'supabase-access-token',
    name: 'Supabase personal access token',
    envName: 'SUPABASE_ACCESS_TOKEN',
    keywords: ['sbp_'],
    pattern: /(?<![\w-])sbp_[a-f0-9]{40}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `SUPABASE_ACCESS_TOKEN=${'sbp_' + rnd(HEX, 40, 'sbp-1')}`,
      `supabase login --token ${'sbp_' + rnd(HEX, 40, 'sbp-2')}`,
    ],
    fps: [`SUPABASE_ACCESS_TOKEN=sbp_${'0'.repeat(40)}`, `const sbp_enabled = true;`],
  },
  {
    id: 'supabase-secret-key',
    name: 'Supabase secret API key',
    envName: 'SUPABASE_SECRET_KEY',
    keywords: ['sb_secret_'],
    // The 2025 replacement for the service_role JWT. (`sb_publishable_` keys are public by design.)
    pattern: /(?<![\w-])sb_secret_[\w-]{31,36}(?![\w-])/g,
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `SUPABASE_SECRET_KEY=${'sb_secret_' + rnd(ALNUM, 22, 'sbs-1') + '_' + rnd(ALNUM, 8, 'sbs-2')}`,
      `const supabase = createClient(url, '${'sb_secret_' + rnd(B64URL, 31, 'sbs-3')}');`,
    ],
    fps: [
      `NEXT_PUBLIC_SUPABASE_KEY=${'sb_publishable_' + rnd(ALNUM, 31, 'sbs-4')}`,
      `SUPABASE_SECRET_KEY=sb_secret_${rnd(LOWER_ALNUM, 12, 'sbs-5')}`,
    ],
  },
];
