import type { ProjectInfo, ScaffoldPlan } from './types';

const WORKER = /^(worker|workers|start:worker|worker:start|jobs|queue|queue:work|consumer|start:jobs)$/;
const MIGRATE = /^((db:)?migrat(e|ions?)(:(deploy|up|run|latest|prod|production))?|(migration|migrations):run|prisma:migrate(:deploy)?)$/;

/** A script that is one plain `node …` command can run as the process itself, without npm in between. */
function plainNode(script: string | undefined): boolean {
  return script !== undefined && /^node\s/.test(script.trim()) && !/&&|\|\||[;|<>`$]/.test(script);
}

export function runScript(project: ProjectInfo, name: string): string {
  const pm = project.packageManager;
  if (name === 'start') return `${pm} start`;
  return pm === 'npm' ? `npm run ${name}` : `${pm} ${name}`;
}

/** The process types of the app from its package.json scripts (twelve-factor VI, VIII, XII). */
export function procfile(project: ProjectInfo): ScaffoldPlan {
  const scripts = project.packageJson?.scripts ?? {};
  const lines: string[] = [];
  const notes: string[] = [];
  const start = scripts.start;
  if (plainNode(start)) lines.push(`web: ${(start as string).trim()}`);
  else if (start !== undefined) lines.push(`web: ${runScript(project, 'start')}`);
  else if (project.entry) lines.push(`web: node ${project.entry}`);
  else notes.push('No start script and no entry file were found: add a `web:` line with the command that starts the server.');
  if (start && /\b(tsx|ts-node|nodemon|watch)\b/.test(start)) notes.push(`The start script (${start}) looks like a development command; production should run the built output.`);

  const worker = Object.keys(scripts).find((s) => WORKER.test(s));
  if (worker) lines.push(`worker: ${plainNode(scripts[worker]) ? scripts[worker].trim() : runScript(project, worker)}`);
  const migrate = Object.keys(scripts).find((s) => MIGRATE.test(s));
  // Migrations are a one-off admin process that runs once per release, before the new web processes start.
  if (migrate) lines.push(`release: ${runScript(project, migrate)}`);
  if (lines.length === 0) return { files: [], notes };
  return { files: [{ path: 'Procfile', content: `${lines.join('\n')}\n` }], main: 'Procfile', notes };
}
