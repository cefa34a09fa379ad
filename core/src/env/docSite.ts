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
