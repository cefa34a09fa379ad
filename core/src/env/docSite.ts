import * as path from 'node:path';
/**
 * The configuration files of documentation-site generators, each with where its documentation names it:
 * - Docusaurus `docusaurus.config.{js,ts,mjs}` (https://docusaurus.io/docs/api/docusaurus-config),
 * - Rspress `rspress.config.{ts,js,mjs}` (https://rspress.dev/api/config/config-basic),
 * - VitePress `.vitepress/config.{js,ts,mjs,mts}` (https://vitepress.dev/reference/site-config),
 * - VuePress `.vuepress/config.{js,ts}` (https://vuepress.vuejs.org/reference/config.html),
 * - Nextra's `theme.config.{jsx,tsx}` (https://nextra.site/docs/docs-theme/theme-configuration).
 * Such a file builds the project's documentation website: its variables (a base URL, a search key, a locale)
 * are set by whoever publishes the docs, not by whoever deploys the application, so its reads are reported
 * one step milder, like a developer tool's.
 */
const DOC_SITE_CONFIG = /(?:^|\/)(?:docusaurus\.config\.[cm]?[jt]s|rspress\.config\.[cm]?[jt]s|\.vitepress\/config\.[cm]?[jt]s|\.vuepress\/config\.[cm]?[jt]s|theme\.config\.[jt]sx)$/;

/** Whether a path (relative to the workspace, `/`-separated) is a documentation site's configuration. */
export function isDocSiteConfig(relativePath: string): boolean {
  return DOC_SITE_CONFIG.test(relativePath);
}

/**
 * The generators of documentation websites, by the package a site built with one depends on: Docusaurus, Rspress,
 * VitePress, VuePress, Nextra (and its docs theme), Starlight, Fumadocs, Mintlify.
 */
const DOC_SITE_PACKAGES = new Set([
  '@docusaurus/core', 'rspress', '@rspress/core', 'vitepress', 'vuepress', '@vuepress/core', 'nextra', 'nextra-theme-docs',
  '@astrojs/starlight', 'fumadocs-core', 'fumadocs-ui', 'mintlify',
]);

/**
 * Whether a package of a workspace (not its root) is a documentation website: its package.json depends on a
 * documentation-site generator. Every module of such a package (its config, its plugins, its pages' analytics, the
 * scripts that post-process its output) builds or serves the project's docs, whose settings are set by whoever
 * publishes them, not by whoever deploys the application. The workspace's root package is never one: an app that
 * keeps its docs beside its code depends on the generator too.
 */
export function isDocSitePackage(manifest: { readonly dir: string; readonly name?: string; readonly declared: ReadonlySet<string> } | undefined, root: string): boolean {
  if (!manifest || manifest.dir === root) return false;
  for (const name of manifest.declared) if (DOC_SITE_PACKAGES.has(name)) return true;
  // A site built with a general framework (plain Astro, Next) says what it is by its folder and its name together:
  // `apps/docs` named `@vrite/docs`, the `docs` app of the Turborepo starters.
  return DOCS_FOLDER.test(path.basename(manifest.dir)) && !!manifest.name && DOCS_NAME.test(manifest.name);
}

const DOCS_FOLDER = /^(?:docs|documentation)$/i;
// `docs`, `@scope/docs`, `project-docs`, `docs-site`.
const DOCS_NAME = /^(?:@[\w.-]+\/)?(?:[\w.-]+[-_.])?(?:docs|documentation)(?:[-_.](?:site|web|website|app))?$/i;
