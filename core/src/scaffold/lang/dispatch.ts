import { goDockerfile, goProcfile } from '../go/deploy';
import { goConfig, goHealth, goLogger, goShutdown } from '../go/modules';
import { pythonDockerfile, pythonProcfile } from '../python/deploy';
import { pythonConfig, pythonHealth, pythonLogger, pythonShutdown } from '../python/modules';
import type { ProjectInfo, ScaffoldId, ScaffoldPlan } from '../types';

type Gen = (project: ProjectInfo) => ScaffoldPlan;

/**
 * The generator for the folder's language: Python and Go folders get their variant of the scaffolds that have
 * one; the env scaffolds and compose are language-neutral; the rest fall back to the Node.js generator.
 */
export function byLanguage(id: ScaffoldId, node: Gen): Gen {
  return (project) => {
    const py = project.language === 'python' ? project.python : undefined;
    const go = project.language === 'go' ? project.go : undefined;
    if (py) {
      switch (id) {
        case 'dockerfile': return pythonDockerfile(project, py);
        case 'procfile': return pythonProcfile(project, py);
        case 'configModule': return pythonConfig(project, py);
        case 'gracefulShutdown': return pythonShutdown(project, py);
        case 'logger': return pythonLogger(project, py);
        case 'healthCheck': return pythonHealth(project, py) ?? { files: [], notes: ['No Flask, FastAPI or Django app was found: add a /healthz route to your server.'] };
        default: return node(project);
      }
    }
    if (go) {
      switch (id) {
        case 'dockerfile': return goDockerfile(project, go);
        case 'procfile': return goProcfile(project, go);
        case 'configModule': return goConfig(project, go);
        case 'gracefulShutdown': return goShutdown(project, go);
        case 'logger': return goLogger(project, go);
        case 'healthCheck': return goHealth(project, go);
        default: return node(project);
      }
    }
    return node(project);
  };
}
