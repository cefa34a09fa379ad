/**
 * A provider pattern: a credential format that can be recognised on its own, whatever surrounds it
 * (gitleaks' rule model). Each provider carries true- and false-positive examples that the tests run,
 * so a pattern cannot be added or loosened without proof that it still finds what it should and no more.
 */
export interface SecretProvider {
  /** Stable id, kebab-case, e.g. `aws-access-key-id`. Shown in JSON/SARIF as the finding's `provider`. */
  readonly id: string;
  /** Human name used in messages, e.g. `AWS access key ID`. */
  readonly name: string;
  /** Suggested environment variable name for the "move to env" fix, e.g. `AWS_ACCESS_KEY_ID`. */
  readonly envName: string;
  /**
   * Lower-case literals of which at least one occurs in any text this pattern can match. The engine
   * looks for all keywords of all providers in one pass and runs only the patterns whose keyword occurred.
   */
  readonly keywords: readonly string[];
  /**
   * The pattern. Must have the `g` flag. When it has a named group `secret`, that group is the secret
   * (what is redacted, reported and moved); otherwise the whole match is.
   */
  readonly pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret; omit for formats that are unambiguous. */
  readonly minEntropy?: number;
  /**
   * The secret is part of a URL that the app should read whole (`DATABASE_URL`): the fix moves the whole
   * string literal under `envName` instead of the password alone.
   */
  readonly movesWholeValue?: boolean;
  /**
   * `generic`: the format says little about whose secret it is or whether it is live (a JWT, a password in a
   * URL). Test code holds such values as fixtures, so there they are judged like secrets found by name.
   */
  readonly shape?: 'generic';
  /** The password of a URL: the text after the secret is `@host`, and a local host makes the finding milder. */
  readonly inUrl?: boolean;
  /** Extra check on the secret, for what a regular expression says badly (checksums, character mixes). */
  readonly validate?: (secret: string) => boolean;
  /** Lines that must produce a finding from this provider. Build them so no push protection mistakes them for live keys. */
  readonly tps: readonly string[];
  /** Lines that must produce no finding from any provider. */
  readonly fps: readonly string[];
}
