import type { SecretProvider } from '../provider';
import { ALNUM, B64URL, HEX, LOWER_ALNUM, rnd } from './util';

/**
 * GitHub's five classic token types differ only in the prefix: `gh<x>_` and 36 base62 characters
 * (the last six a checksum). One builder keeps the five providers identical apart from that.
 */
function github(prefix: string, id: string, name: string, envName: string, usage: (token: string) => string): SecretProvider {
  const token = (seed: string) => prefix + rnd(ALNUM, 36, seed);
  return {
    id,
    name,
    envName,
    keywords: [prefix],
    pattern: new RegExp(`(?<![\\w-])${prefix}[A-Za-z0-9]{36}(?![\\w-])`, 'g'),
    minEntropy: 3,
    tps: [`GITHUB_TOKEN=${token(id + '-1')}`, usage(token(id + '-2'))],
    fps: [
      `const ${prefix}prefix = '${prefix}';`,
      `GITHUB_TOKEN=${prefix}${'x'.repeat(36)}`,
      `GITHUB_TOKEN=${prefix}${rnd(ALNUM, 30, id + '-3')}`,
      `GITHUB_TOKEN=${prefix}${rnd(ALNUM, 40, id + '-4')}`,
    ],
  };
}

export const vcs: readonly SecretProvider[] = [
  github('ghp_', 'github-pat', 'GitHub personal access token', 'GITHUB_TOKEN', (t) => `const octokit = new Octokit({ auth: '${t}' });`),
  github('gho_', 'github-oauth-token', 'GitHub OAuth access token', 'GITHUB_OAUTH_TOKEN', (t) => `{ "access_token": "${t}", "token_type": "bearer" }`),
  github('ghu_', 'github-user-to-server-token', 'GitHub App user-to-server token', 'GITHUB_TOKEN', (t) => `headers: { Authorization: \`token ${t}\` }`),
  github('ghs_', 'github-server-to-server-token', 'GitHub App installation (server-to-server) token', 'GITHUB_TOKEN', (t) => `git clone https://x-access-token:${t}@github.com/acme/deploy.git`),
  github('ghr_', 'github-refresh-token', 'GitHub App refresh token', 'GITHUB_REFRESH_TOKEN', (t) => `refresh_token: ${t}`),
  {
    id: 'github-fine-grained-pat',
    name: 'GitHub fine-grained personal access token',
    envName: 'GITHUB_TOKEN',
    keywords: ['github_pat_'],
    pattern: /(?<![\w-])github_pat_\w{82}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [
      `GITHUB_TOKEN=${'github_pat_' + rnd(ALNUM, 22, 'ghf-1') + '_' + rnd(ALNUM, 59, 'ghf-2')}`,
      `- uses: actions/checkout@v4\n  with:\n    token: ${'github_pat_' + rnd(ALNUM, 22, 'ghf-3') + '_' + rnd(ALNUM, 59, 'ghf-4')}`,
    ],
    fps: [
      `if (token.startsWith('github_pat_')) return 'fine-grained';`,
      `GITHUB_TOKEN=github_pat_${rnd(ALNUM, 40, 'ghf-5')}`,
      `GITHUB_TOKEN=github_pat_${'X'.repeat(82)}`,
    ],
  },
  {
    id: 'gitlab-pat',
    name: 'GitLab personal/project/group access token',
    envName: 'GITLAB_TOKEN',
    keywords: ['glpat-'],
    // Legacy tokens are `glpat-` + 20 characters; routable ones (GitLab 17.x+) are longer and end with
    // `.<2-char version><7-char checksum>`. The routable branch is tried first.
    pattern: /(?<![\w-])glpat-(?:[\w-]{27,300}\.[0-9a-z]{9}|[\w-]{20})(?![\w.-])/g,
    minEntropy: 3,
    tps: [
      `GITLAB_TOKEN=${'glpat-' + rnd(B64URL, 20, 'glp-1')}`,
      `const api = new Gitlab({ host: 'https://gitlab.com', token: '${'glpat-' + rnd(B64URL, 40, 'glp-2') + '.01' + rnd(LOWER_ALNUM, 7, 'glp-3')}' });`,
    ],
    fps: [
      `GITLAB_TOKEN=glpat-${'x'.repeat(20)}`,
      `GITLAB_TOKEN=glpat-${rnd(ALNUM, 12, 'glp-4')}`,
      `// personal access tokens start with glpat-`,
    ],
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    name: 'GitLab pipeline trigger token',
    envName: 'GITLAB_TRIGGER_TOKEN',
    keywords: ['glptt-'],
    pattern: /(?<![\w-])glptt-[0-9a-f]{40}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `curl -X POST -F token=${'glptt-' + rnd(HEX, 40, 'gtt-1')} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline`,
      `TRIGGER_TOKEN: "${'glptt-' + rnd(HEX, 40, 'gtt-2')}"`,
    ],
    fps: [`TRIGGER_TOKEN: "glptt-${rnd(HEX, 20, 'gtt-3')}"`, `TRIGGER_TOKEN: "glptt-${'0'.repeat(40)}"`],
  },
  {
    id: 'gitlab-runner-token',
    name: 'GitLab runner registration/authentication token',
    envName: 'CI_SERVER_TOKEN',
    keywords: ['gr1348941', 'glrt-'],
    // `GR1348941` prefixes the (deprecated) registration tokens; `glrt-` the runner authentication
    // tokens, which also come in the routable `glrt-t<n>_….<9>` form.
    pattern: /(?<![\w-])(?:GR1348941[\w-]{20}|glrt-(?:t\d_[\w-]{27,300}\.[0-9a-z]{9}|[\w-]{20}))(?![\w.-])/g,
    minEntropy: 3,
    tps: [
      `gitlab-runner register --url https://gitlab.com --registration-token ${'GR1348941' + rnd(B64URL, 20, 'grt-1')}`,
      `[[runners]]\n  token = "${'glrt-' + rnd(B64URL, 20, 'grt-2')}"`,
    ],
    fps: [`token = "glrt-${'x'.repeat(20)}"`, `REGISTRATION_TOKEN=GR1348941`],
  },
  {
    id: 'gitlab-deploy-token',
    name: 'GitLab deploy token',
    envName: 'CI_DEPLOY_PASSWORD',
    keywords: ['gldt-'],
    pattern: /(?<![\w-])gldt-[\w-]{20}(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `CI_DEPLOY_PASSWORD=${'gldt-' + rnd(B64URL, 20, 'gld-1')}`,
      `docker login registry.gitlab.com -u deployer -p ${'gldt-' + rnd(ALNUM, 20, 'gld-2')}`,
    ],
    fps: [`CI_DEPLOY_PASSWORD=gldt-${rnd(ALNUM, 8, 'gld-3')}`, `const kind = 'gldt-';`],
  },
  {
    id: 'gitlab-token',
    name: 'GitLab CI job / feed / mail / agent / OAuth app / SCIM / feature-flag token',
    envName: 'GITLAB_TOKEN',
    keywords: ['glcbt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-'],
    pattern: /(?<![\w-])gl(?:cbt-[0-9a-zA-Z]{1,5}_[\w-]{20}|ft-[\w-]{20}|imt-[\w-]{25}|agent-[\w-]{50}|oas-[\w-]{64}|soat-[\w-]{20}|ffct-[\w-]{20})(?![\w-])/g,
    minEntropy: 3,
    tps: [
      `GITLAB_AGENT_TOKEN=${'glagent-' + rnd(B64URL, 50, 'glx-1')}`,
      `OIDC_CLIENT_SECRET=${'gloas-' + rnd(HEX, 64, 'glx-2')}`,
      `const feed = 'https://gitlab.com/dashboard/projects.atom?feed_token=${'glft-' + rnd(B64URL, 20, 'glx-3')}';`,
    ],
    fps: [`GITLAB_AGENT_TOKEN=glagent-${rnd(ALNUM, 10, 'glx-4')}`, `OIDC_CLIENT_SECRET=gloas-${'x'.repeat(64)}`],
  },
  {
    id: 'bitbucket-app-password',
    name: 'Bitbucket app password',
    envName: 'BITBUCKET_APP_PASSWORD',
    keywords: ['atbb'],
    // `ATBB`, 24 characters, then an 8-hex-digit checksum.
    pattern: /(?<![\w-])ATBB[A-Za-z0-9]{24}[A-Fa-f0-9]{8}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [
      `BITBUCKET_APP_PASSWORD=${'ATBB' + rnd(ALNUM, 24, 'bb-1') + rnd(HEX, 8, 'bb-2').toUpperCase()}`,
      `git clone https://ci-bot@bitbucket.org/acme/api.git # password ${'ATBB' + rnd(ALNUM, 24, 'bb-3') + rnd(HEX, 8, 'bb-4')}`,
    ],
    fps: [`BITBUCKET_APP_PASSWORD=ATBB${'x'.repeat(32)}`, `const ATBB_PREFIX = 'ATBB';`],
  },
  {
    id: 'bitbucket-access-token',
    name: 'Bitbucket repository/project/workspace access token',
    envName: 'BITBUCKET_ACCESS_TOKEN',
    keywords: ['atctt3xffgn0'],
    pattern: /(?<![\w-])ATCTT3xFfGN0[\w-]{80,800}=[A-Fa-f0-9]{8}(?![\w=-])/g,
    minEntropy: 4,
    tps: [
      `BITBUCKET_ACCESS_TOKEN=${'ATCTT3xFfGN0' + rnd(B64URL, 160, 'bbt-1') + '=' + rnd(HEX, 8, 'bbt-2').toUpperCase()}`,
      `headers: { Authorization: 'Bearer ${'ATCTT3xFfGN0' + rnd(ALNUM, 120, 'bbt-3') + '=' + rnd(HEX, 8, 'bbt-4')}' }`,
    ],
    fps: [`BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0...`, `BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0${rnd(ALNUM, 40, 'bbt-5')}`],
  },
  {
    id: 'atlassian-api-token',
    name: 'Atlassian API token',
    envName: 'ATLASSIAN_API_TOKEN',
    keywords: ['atatt3'],
    // Current Atlassian (Jira/Confluence cloud) API tokens: `ATATT3` + 186 characters, a checksum at the end.
    pattern: /(?<![\w-])ATATT3[\w=-]{186}(?![\w=-])/g,
    minEntropy: 4,
    tps: [
      `JIRA_API_TOKEN=${'ATATT3' + 'xFfGF0' + rnd(B64URL, 171, 'atl-1') + '=' + rnd(HEX, 8, 'atl-2').toUpperCase()}`,
      `const jira = new Version3Client({ host, authentication: { basic: { email, apiToken: '${'ATATT3' + 'xFfGF0' + rnd(ALNUM, 171, 'atl-3') + '=' + rnd(HEX, 8, 'atl-4')}' } } });`,
    ],
    fps: [`JIRA_API_TOKEN=ATATT3xFfGF0...`, `JIRA_API_TOKEN=ATATT3${rnd(ALNUM, 100, 'atl-5')}`],
  },
];
