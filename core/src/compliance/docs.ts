/** A rule id as users write it: `<factor>/<name>`. */
export const RULE_ID = /^[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*$/;

/**
 * The rule id a documentation link points to (`…/docs/rules/config/hardcoded-secret.md`), so the editor can
 * open its own copy of the page instead of the web: undefined for any other address.
 */
export function ruleIdOfDocsLink(link: string): string | undefined {
  const m = /\/docs\/rules\/([a-z-]+\/[a-z-]+)\.md(?:[#?].*)?$/.exec(link);
  return m && RULE_ID.test(m[1]) ? m[1] : undefined;
}

/** The page's path inside the package, by segments: `docs`, `rules`, factor, `name.md`. */
export function docsPathSegments(ruleId: string): string[] | undefined {
  if (!RULE_ID.test(ruleId)) return undefined;
  const [factor, name] = ruleId.split('/');
  return ['docs', 'rules', factor, `${name}.md`];
}
