/**
 * gitleaks' rule examples, placed in files of each type. gitleaks validates every rule against samples made by
 * `utils.GenerateSampleSecrets(identifier, secret)` (cmd/generate/config/utils/generate.go): the identifier
 * written into an assignment of each language (`String {i}Token = "{s}";`, `{I}_TOKEN := "{s}"`…). Here the
 * identifiers and secret shapes are a subset of its rules' (cmd/generate/config/rules/*.go), the secrets are
 * made at run time from a seeded generator (synthetic: no key literal in this repository), and each format
 * writes them the ways that format's users do. The false positives are the named ones of gitleaks'
 * `generic-api-key` rule (`fps`), written the same ways.
 */

/** Deterministic: the same secrets on every run, so a rate never changes by chance. */
function generator(seed: number): (alphabet: string, length: number) => string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet, length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const EXTENDED = `${ALNUM}_-`;
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** gitleaks' identifier and the shape of its secret (`utils.AlphaNumeric("32")`, `"ghp_"+…`). */
const SHAPES: Array<[identifier: string, prefix: string, alphabet: string, length: number]> = [
  ['adafruit', '', EXTENDED, 32], ['adobe', '', HEX, 32], ['algolia', '', HEX, 32], ['alibaba', '', ALNUM, 30],
  ['artifactory', '', ALNUM, 64], ['asana', '', ALNUM, 32], ['bitbucket', '', ALNUM, 32], ['codecov', '', ALNUM, 32],
  ['confluent', '', ALNUM, 64], ['contentful', '', ALNUM, 43], ['datadog', '', ALNUM, 40], ['discord', '', HEX, 64],
  ['droneci', '', ALNUM, 32], ['etsy', '', ALNUM, 24], ['facebook', '', HEX, 32], ['finicity', '', HEX, 32],
  ['flickr', '', ALNUM, 32], ['freshbooks', '', ALNUM, 64], ['gitter', '', EXTENDED, 40], ['jfrog', '', ALNUM, 64],
  ['kucoin', '', HEX, 24], ['launchdarkly', '', EXTENDED, 40], ['linear', '', HEX, 32], ['looker', '', ALNUM, 24],
  ['mailchimp', '', HEX, 32], ['mattermost', '', ALNUM, 26], ['meraki', '', HEX, 40], ['nytimes', '', ALNUM, 32],
  ['generic', '', ALNUM, 32], ['github', 'ghp_', ALNUM, 36], ['gitlab', 'glpat-', ALNUM, 20], ['npm', 'npm_', ALNUM, 36],
  ['huggingface', 'hf_', ALPHA, 34], ['newrelic', 'NRAK-', ALNUM, 27],
];

export interface Sample {
  /** The identifier in gitleaks' three spellings: `adafruitToken`, `adafruit_token`, `ADAFRUIT_TOKEN`. */
  camel: string;
  snake: string;
  upper: string;
  secret: string;
}

export function truePositives(): Sample[] {
  const random = generator(12);
  return SHAPES.map(([i, prefix, alphabet, length]) => ({
    camel: `${i}Token`, snake: `${i}_token`, upper: `${i.toUpperCase()}_TOKEN`, secret: prefix + random(alphabet, length),
  }));
}

/** gitleaks `generic-api-key` fps that are a name and a value (its `fps` list), and placeholders. */
export function falsePositives(placeholdersOnly = false): Sample[] {
  const random = generator(7);
  const pairs: Array<[words: string[], value: string, placeholder?: true]> = [
    [['accessor'], 'rA1wk0Y45YCufyfq'],
    [['report', 'access', 'id'], 'e8e4df51-2054-49b0-ab1c-516ac95c691d'],
    [['accessibility', 'yes', 'option', 'id'], '0736f5ef-7e88-499a-80cc-90c85d2a5180'],
    [['public', 'key'], '9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit'],
    [['public', 'token'], '9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit'],
    [['primary', 'key'], random(EXTENDED, 30)],
    [['foreign', 'key'], random(EXTENDED, 30)],
    [['key', 'down', 'event'], random(EXTENDED, 30)],
    [['issuer', 'key', 'hash'], random(EXTENDED, 30)],
    [['schema', 'key'], 'DOC_Vector_5_32'],
    [['sequence', 'key'], '18'],
    [['keystore', 'file'], 'env/cert.p12'],
    [['putty', 'password'], '0'],
    [['llm', 'secret', 'name'], 'NEXUS-GPT4-API-KEY'],
    [['client', 'id'], '73082700-1f09-405b-80d0-3131bfd6272d'],
    [['credentials', 'id'], 'ff083f76-7804-4ef1-80e4-fe975bb9141b'],
    [['keyword'], 'Befaehigung_P2'],
    [['bucket', 'key'], 'SalesResults-1.2'],
    [['api', 'url'], 'apigee.corpint.com'],
    [['db', 'password'], 'changeme', true],
    [['api', 'key'], 'your-api-key-here', true],
    [['auth', 'token'], '${AUTH_TOKEN}', true],
    [['client', 'secret'], '<client-secret>', true],
    [['smtp', 'password'], 'xxxxxxxxxxxx', true],
  ];
  return pairs.filter((p) => !placeholdersOnly || p[2]).map(([ws, value]) => ({
    camel: ws[0] + ws.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
    snake: ws.join('_'),
    upper: ws.join('_').toUpperCase(),
    secret: value,
  }));
}

export interface Format {
  /** What the rate is reported under. */
  name: string;
  /** The file the samples are written to. */
  file: string;
  /** Each way the format's users write one name/value pair. */
  lines: Array<(s: Sample) => string>;
  /** The place says "secret" whatever the name (a Secret's `data`, NuGet's `ClearTextPassword`): only placeholders are false positives. */
  secretByPlace?: boolean;
  /** The file around the lines (a class, a `<configuration>`, a manifest). */
  wrap?: (lines: string[]) => string;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const indent = (pad: string) => (lines: string[]) => lines.map((l) => pad + l).join('\n');

export const FORMATS: Format[] = [
  {
    name: 'Java', file: 'src/main/java/com/acme/Config.java',
    lines: [
      (s) => `String ${s.camel} = "${s.secret}";`,
      (s) => `private static final String ${s.upper} = "${s.secret}";`,
      (s) => `System.setProperty("${s.upper}", "${s.secret}");`,
      (s) => `props.put("${s.snake}", "${s.secret}");`,
    ],
    wrap: (lines) => `package com.acme;\n\nclass Config {\n${indent('  ')(lines)}\n}\n`,
  },
  {
    name: 'Kotlin', file: 'src/main/kotlin/Config.kt',
    lines: [(s) => `var ${s.camel} = "${s.secret}"`, (s) => `val ${s.camel}: String = "${s.secret}"`, (s) => `const val ${s.upper} = "${s.secret}"`],
  },
  {
    name: '.properties', file: 'src/main/resources/application.properties',
    lines: [(s) => `${s.snake.replace(/_/g, '.')}=${s.secret}`, (s) => `${s.camel} = ${s.secret}`],
  },
  {
    name: 'C#', file: 'src/Api/Settings.cs',
    lines: [
      (s) => `string ${s.camel} = "${s.secret}";`,
      (s) => `var ${s.camel} = "${s.secret}";`,
      (s) => `private const string ${s.upper} = "${s.secret}";`,
      (s) => `public string ${s.camel[0].toUpperCase() + s.camel.slice(1)} { get; set; } = "${s.secret}";`,
      (s) => `Environment.SetEnvironmentVariable("${s.upper}", "${s.secret}");`,
    ],
    wrap: (lines) => `namespace Api;\n\npublic class Settings\n{\n${indent('    ')(lines)}\n}\n`,
  },
  {
    name: 'appsettings.json', file: 'src/Api/appsettings.Production.json',
    lines: [(s) => `"${s.camel[0].toUpperCase() + s.camel.slice(1)}": "${s.secret}"`],
    wrap: (lines) => `{\n  "Secrets": {\n${lines.map((l) => `    ${l}`).join(',\n')}\n  }\n}\n`,
  },
  {
    name: 'XML config', file: 'src/Api/web.config',
    lines: [
      (s) => `<add key="${s.camel}" value="${s.secret}" />`,
      (s) => `<entry name="${s.camel}" value="${s.secret}" />`,
      (s) => `<${s.camel}>${s.secret}</${s.camel}>`,
      (s) => `<service ${s.camel}="${s.secret}" />`,
    ],
    wrap: (lines) => `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n${indent('    ')(lines)}\n  </appSettings>\n</configuration>\n`,
  },
  {
    name: 'PHP', file: 'config/services.php',
    lines: [
      (s) => `$${s.camel} = '${s.secret}';`,
      (s) => `$${s.camel} .= "${s.secret}";`,
      (s) => `define('${s.upper}', '${s.secret}');`,
      (s) => `$config['${s.snake}'] = '${s.secret}';`,
      (s) => `    '${s.snake}' => '${s.secret}',`,
    ],
    wrap: (lines) => `<?php\n\n${lines.join('\n')}\n`,
  },
  {
    name: 'Ruby', file: 'config/initializers/services.rb',
    lines: [
      (s) => `${s.snake} = '${s.secret}'`,
      (s) => `${s.upper} = "${s.secret}"`,
      (s) => `config.${s.snake} = '${s.secret}'`,
      (s) => `  ${s.snake}: '${s.secret}',`,
      (s) => `  :${s.snake} => "${s.secret}",`,
      (s) => `ENV['${s.upper}'] ||= '${s.secret}'`,
    ],
  },
  {
    name: 'Makefile', file: 'Makefile',
    lines: [
      (s) => `${s.upper} = "${s.secret}"`,
      (s) => `${s.upper} := "${s.secret}"`,
      (s) => `${s.upper} ::= "${s.secret}"`,
      (s) => `${s.upper} ?= ${s.secret}`,
      (s) => `export ${s.upper} := ${s.secret}`,
    ],
  },
  {
    name: 'shell', file: 'scripts/deploy.sh',
    lines: [(s) => `export ${s.upper}=${s.secret}`, (s) => `${s.upper}="${s.secret}"`],
    wrap: (lines) => `#!/bin/sh\n${lines.join('\n')}\n`,
  },
  {
    name: 'Terraform', file: 'infra/main.tf',
    lines: [
      (s) => `  ${s.snake} = "${s.secret}"`,
      (s) => `variable "${s.snake}" {\n  type    = string\n  default = "${s.secret}"\n}`,
    ],
  },
  {
    name: '.tfvars', file: 'infra/prod.tfvars',
    lines: [(s) => `${s.snake} = "${s.secret}"`],
  },
  {
    name: 'Kubernetes Secret', file: 'deploy/secret.yaml', secretByPlace: true,
    lines: [(s) => `  ${s.snake.replace(/_/g, '-')}: ${b64(s.secret)}`],
    wrap: (lines) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n${lines.join('\n')}\n`,
  },
  {
    name: 'Kubernetes stringData', file: 'deploy/secret-string.yaml',
    lines: [(s) => `  ${s.upper}: "${s.secret}"`],
    wrap: (lines) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n${lines.join('\n')}\n`,
  },
  {
    name: 'NuGet.config', file: 'NuGet.config', secretByPlace: true,
    lines: [(s) => `<add key="ClearTextPassword" value="${s.secret}" />`],
    wrap: (lines) => `<configuration>\n  <packageSourceCredentials>\n    <feed>\n${indent('      ')(lines)}\n    </feed>\n  </packageSourceCredentials>\n</configuration>\n`,
  },
  {
    name: 'plain text', file: 'deploy/credentials',
    lines: [(s) => `${s.snake} = ${s.secret}`, (s) => `${s.camel}: ${s.secret}`],
  },
];

export interface Placed {
  file: string;
  text: string;
  /** Offsets of each sample's secret in the text. */
  secrets: Array<{ start: number; end: number; sample: Sample; line: string }>;
}

/** Every sample in every way the format writes it, in one file: where each secret sits. */
export function place(format: Format, samples: Sample[]): Placed {
  const lines: string[] = [];
  for (const template of format.lines) for (const s of samples) lines.push(template(s));
  const text = format.wrap ? format.wrap(lines) : `${lines.join('\n')}\n`;
  const secrets: Placed['secrets'] = [];
  let from = 0;
  let n = 0;
  for (const template of format.lines) {
    for (const s of samples) {
      const line = lines[n++];
      const at = text.indexOf(line, from);
      // The secret as written in the line (base64 in a Secret's `data`).
      const written = line.includes(s.secret) ? s.secret : b64(s.secret);
      const start = at + line.indexOf(written);
      secrets.push({ start, end: start + written.length, sample: s, line: template(s) });
      from = at + line.length;
    }
  }
  return { file: format.file, text, secrets };
}
