import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { WELL_KNOWN_CREDENTIALS } from '../../../../core/src/secrets/wellKnown';
import { RuleTester } from '../ruleTester';

// Held-out 12, Node (audit/README.md). A JSON table of model prices keeps them under names that end in `tokens`
// (langfuse's worker/src/constants/default-model-prices.json): a number with a fraction or an exponent is a
// measure, never a secret. A whole number under a secret's name is still one (`"password": 12345678`).
const PRICES = '{\n  "prices": {\n    "input_tokens": 1.25e-6,\n    "cache_write_tokens": 0.00000375,\n    "output_reasoning_tokens": 30e-6\n  }\n}\n';

const [AZURITE, COSMOS, EDGE_TTS] = WELL_KNOWN_CREDENTIALS.map((c) => c.value);

new RuleTester({ filename: '/ws/worker/src/constants/default-model-prices.json' }).run(rule, {
  valid: [
    { name: 'prices per token in a JSON table', code: PRICES },
    // langfuse's scripts/codex/cloud_services.sh: pinned SHA-256 checksums of downloaded binaries, as shell defaults.
    { name: 'a checksum under a name that says so', filename: '/ws/scripts/cloud_services.sh', code: 'MINIO_SHA256_AMD64="${MINIO_SHA256_AMD64:-7c5bd8512c6e966455b1d198209358b2d191c77a83ab377c4073281065fb855f}"\nRELEASE_CHECKSUM="${RELEASE_CHECKSUM:-5c83cd2cf151717ba0243f73e1c7802ff36e272b67144bdd7f1f7d684fd6f03d}"\n' },
    // langfuse's .env.dev-azure.example: Azurite's account key, published by Microsoft for every developer.
    { name: "Azurite's well-known account key", filename: '/ws/.env.dev-azure', code: `S3_ACCESS_KEY_ID=devstoreaccount1\nS3_SECRET_ACCESS_KEY=${AZURITE}\n` },
    { name: "the Cosmos DB emulator's well-known key", filename: '/ws/src/db.ts', code: `const cosmos = new CosmosClient({ endpoint: 'https://localhost:8081', key: '${COSMOS}' });\n` },
    // NextChat's app/utils/ms_edge_tts.ts: the read-aloud token every Edge browser sends.
    { name: "Edge's read-aloud client token", filename: '/ws/app/utils/ms_edge_tts.ts', code: `export class MsEdgeTTS {\n  private static TRUSTED_CLIENT_TOKEN = "${EDGE_TTS}";\n}\n` },
    { name: 'a fractional number in YAML', filename: '/ws/config/app.yaml', code: 'limits:\n  api_token_ratio: 0.75\n  secret_rotation_factor: 2.5e-3\n' },
  ],
  invalid: [
    {
      name: 'a whole number under a password is still a secret',
      filename: '/ws/config/production.json',
      code: '{\n  "db": {\n    "host": "db.internal",\n    "password": 73920418\n  }\n}\n',
      errors: [{ messageId: 'named', line: 4 }],
    },
    {
      name: 'a random default under a name that is no checksum is still reported',
      filename: '/ws/scripts/cloud_services.sh',
      code: 'MINIO_ROOT_KEY="${MINIO_ROOT_KEY:-7c5bd8512c6e966455b1d198209358b2d191c77a83ab377c4073281065fb855f}"\n',
      errors: [{ messageId: 'fallback', line: 1 }],
      output: null,
    },
    {
      name: 'a key one character away from the published one is judged as any other',
      filename: '/ws/.env.dev-azure',
      code: `S3_SECRET_ACCESS_KEY=${AZURITE.replace('Eby8', 'Eby9')}\n`,
      errors: [{ messageId: 'named', line: 1 }],
      output: null,
    },
    {
      name: 'another token under the same name is reported',
      filename: '/ws/app/utils/ms_edge_tts.ts',
      code: `export class MsEdgeTTS {\n  private static TRUSTED_CLIENT_TOKEN = "${EDGE_TTS.slice(0, 8)}0C9E4F2A9B71D3E5F7A90B12";\n}\n`,
      errors: [{ messageId: 'named', line: 2 }],
      output: 'export class MsEdgeTTS {\n  private static TRUSTED_CLIENT_TOKEN = process.env.TRUSTED_CLIENT_TOKEN;\n}\n',
    },
  ],
});
