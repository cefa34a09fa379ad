/**
 * Opens and lists issues in the ops repository when a payment fails.
 */

// The name of the variable that should hold the token (used in error messages).
const TOKEN_ENV = 'GITHUB_TOKEN';
const GITHUB_API = 'https://api.github.com';
const OPS_REPO = 'orders-demo/ops';

export interface Issue {
  number: number;
  title: string;
  html_url: string;
}

export async function listOpenIssues(): Promise<Issue[]> {
  const res = await fetch(`${GITHUB_API}/repos/${OPS_REPO}/issues?state=open`, {
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: 'Bearer ghp_Tw3lveF4ct0rDem0T0kenQ8r2Zk5mW7pLx4N',
      'X-GitHub-Api-Version': '2022-11-28',
    },
  });
  if (!res.ok) throw new Error(`GitHub API ${res.status}: check ${TOKEN_ENV}`);
  return (await res.json()) as Issue[];
}

export async function openIssue(title: string, body: string): Promise<Issue> {
  const res = await fetch(`${GITHUB_API}/repos/${OPS_REPO}/issues`, {
    method: 'POST',
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `token ${process.env[TOKEN_ENV] ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ title, body, labels: ['payments'] }),
  });
  if (!res.ok) throw new Error(`GitHub API ${res.status}: check ${TOKEN_ENV}`);
  return (await res.json()) as Issue;
}
