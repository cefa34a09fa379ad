import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64, B64URL, BASE32, DIGITS, HEX, LOWER, assigned, mixedCase, plausible, rnd, words } from './util';

// The well-known Azurite / storage-emulator account key: published by Microsoft, in thousands of
// docker-compose files, and not a secret. Split so that it is not one key-shaped literal.
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq' + '/K1SZFPTOtr/KBHBeksoGMGw==';

const BEGIN_PK = '-----BEGIN ' + 'PRIVATE KEY-----';
const END_PK = '-----END ' + 'PRIVATE KEY-----';
const pemBody = (seed: string) => ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', rnd(B64, 64, seed + 'a'), rnd(B64, 64, seed + 'b'), rnd(B64, 40, seed + 'c') + '=='].join('\\n');

export const cloud: readonly SecretProvider[] = [
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    envName: 'AWS_ACCESS_KEY_ID',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    // The prefix says what the key is (AKIA long-term, ASIA temporary STS, ABIA/ACCA other
    // partitions); the 16 characters after it are base32, hence [A-Z2-7] and not [A-Z0-9]. An ID that a link
    // carries in its query for everyone who follows it (an Amazon affiliate link's `SubscriptionId=`, a presigned
    // URL's `AWSAccessKeyId=`, or SigV4's `X-Amz-Credential=<id>/<date>/<region>/s3/aws4_request`) is public by
    // design: the secret key never travels in a URL.
    pattern: /(?<![A-Za-z0-9])(?<![?&;](?:SubscriptionId|AWSAccessKeyId|X-Amz-Credential)=)(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
    minEntropy: 3,
    tps: [
      `AWS_ACCESS_KEY_ID=${'AKIA' + rnd(BASE32, 16, 'aws-1')}`,
      `const s3 = new S3Client({ credentials: { accessKeyId: '${'ASIA' + rnd(BASE32, 16, 'aws-2')}', secretAccessKey } });`,
      `aws_access_key_id = ${'ABIA' + rnd(BASE32, 16, 'aws-3')}`,
      `const dsn = 's3://bucket?region=eu-west-1&accessKeyId=${'AKIA' + rnd(BASE32, 16, 'aws-8')}';`,
    ],
    fps: [
      `aws_access_key_id = ${'AKIA' + 'IOSFODNN7EXAMPLE'}`,
      `const regions = { ASIA_PACIFIC: 'ap-southeast-1' };`,
      `AWS_ACCESS_KEY_ID=${'AKIA' + rnd(BASE32, 12, 'aws-4')}`,
      `const id = 'X${'AKIA' + rnd(BASE32, 16, 'aws-5')}';`,
      `<a href="https://www.amazon.com/dp/B0061SWV8Y?psc=1&amp;SubscriptionId=${'AKIA' + rnd(BASE32, 16, 'aws-6')}&amp;tag=x-20">knife</a>`,
      `const url = 'https://bucket.s3.amazonaws.com/a.pdf?AWSAccessKeyId=${'AKIA' + rnd(BASE32, 16, 'aws-7')}&Expires=1700000000&Signature=x';`,
      `const url = 'https://bucket.s3.amazonaws.com/a.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${'AKIA' + rnd(BASE32, 16, 'aws-9')}/20240101/us-east-1/s3/aws4_request&X-Amz-Signature=x';`,
    ],
  },
  {
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    envName: 'AWS_SECRET_ACCESS_KEY',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret_key', 'awssecretkey'],
    // A secret key is 40 base64 characters with no prefix of its own, so it is only recognisable by
    // the name it is stored under (`aws_secret_access_key`, `secretAccessKey`, `SecretAccessKey`...).
    pattern: new RegExp(
      `(?:secret_access_key|secretaccesskey|secret-access-key|aws_secret_key|awssecretkey)${ASSIGN}(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'gi',
    ),
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `aws_secret_access_key = ${rnd(B64, 40, 'aws-s1')}`,
      `const credentials = { accessKeyId, secretAccessKey: "${rnd(B64, 40, 'aws-s2')}" };`,
      `AWS_SECRET_ACCESS_KEY: '${rnd(B64, 40, 'aws-s3')}'`,
    ],
    fps: [
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY',
      'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,',
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
      `secret_access_key_sha1 = ${rnd(HEX, 40, 'aws-s4')}`,
    ],
  },
  {
    id: 'gcp-api-key',
    name: 'Google API key',
    envName: 'GOOGLE_API_KEY',
    keywords: ['aiza'],
    pattern: /(?<![\w-])AIza[\w-]{35}(?![\w-])/g,
    minEntropy: 4,
    validate: plausible,
    tps: [
      `GOOGLE_MAPS_API_KEY=${'AIza' + 'Sy' + rnd(B64URL, 33, 'gcp-1')}`,
      `fetch(\`https://maps.googleapis.com/maps/api/geocode/json?address=\${q}&key=${'AIza' + 'Sy' + rnd(B64URL, 33, 'gcp-2')}\`)`,
    ],
    fps: [
      `const key = '${'AIza' + 'Sy' + 'abcdefghijklmnopqrstuvwxyz1234567'}';`,
      `GOOGLE_API_KEY=${'AIza' + 'Sy' + rnd(B64URL, 20, 'gcp-3')}`,
      `apiKey: process.env.GOOGLE_API_KEY, // starts with AIza`,
    ],
  },
  {
    id: 'gcp-service-account-key',
    name: 'Google Cloud service account private key',
    envName: 'GOOGLE_APPLICATION_CREDENTIALS',
    keywords: ['service_account'],
    // A service-account JSON: `"type": "service_account"` and, a few fields later, `"private_key"`. The
    // secret is the whole string value (PEM with `\n` escapes, trailing `\n` included), which makes
    // it longer than the bare PEM block that the private-key provider finds in the same place.
    pattern: /"type"\s{0,4}:\s{0,4}"service_account"[\s\S]{0,800}?"private_key"\s{0,4}:\s{0,4}"(?<secret>-{5}BEGIN PRIVATE KEY-{5}[A-Za-z0-9+/=\\\s]{64,8192}?-{5}END PRIVATE KEY-{5}(?:\\n)?)"/g,
    tps: [
      [
        '{',
        '  "type": "service_account",',
        '  "project_id": "billing-prod-311",',
        `  "private_key_id": "${rnd(HEX, 40, 'gsa-1')}",`,
        `  "private_key": "${BEGIN_PK}\\n${pemBody('gsa-2')}\\n${END_PK}\\n",`,
        '  "client_email": "exporter@billing-prod-311.iam.gserviceaccount.com"',
        '}',
      ].join('\n'),
      `{"type":"service_account","project_id":"ci-runner","private_key":"${BEGIN_PK}\\n${pemBody('gsa-3')}\\n${END_PK}\\n"}`,
    ],
    fps: [
      `{ "type": "service_account", "private_key": "${BEGIN_PK}\\n...\\n${END_PK}\\n" }`,
      `{ "type": "service_account", "private_key": "<paste the private key here>", "client_email": "x@y.iam.gserviceaccount.com" }`,
      `{ "type": "service_account", "private_key_id": "${rnd(HEX, 40, 'gsa-4')}" }`,
    ],
  },
  {
    id: 'google-oauth-client-secret',
    name: 'Google OAuth client secret',
    envName: 'GOOGLE_CLIENT_SECRET',
    keywords: ['gocspx-'],
    pattern: /(?<![\w-])GOCSPX-[\w-]{28}(?![\w-])/g,
    minEntropy: 3.5,
    tps: [
      `GOOGLE_CLIENT_SECRET=${'GOCSPX-' + rnd(B64URL, 28, 'goc-1')}`,
      `{"web":{"client_id":"8841-x.apps.googleusercontent.com","client_secret":"${'GOCSPX-' + rnd(B64URL, 28, 'goc-2')}"}}`,
    ],
    fps: [
      `GOOGLE_CLIENT_SECRET=${'GOCSPX-' + 'x'.repeat(28)}`,
      `// client secrets start with GOCSPX- since 2021`,
      `GOOGLE_CLIENT_SECRET=${'GOCSPX-' + rnd(B64URL, 12, 'goc-3')}`,
    ],
  },
  {
    id: 'google-oauth-access-token',
    name: 'Google OAuth access token',
    envName: 'GOOGLE_ACCESS_TOKEN',
    keywords: ['ya29.'],
    pattern: /(?<![\w.-])ya29\.[\w.-]{30,2048}(?![\w.-])/g,
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `headers: { Authorization: 'Bearer ${'ya29.' + 'a0Ae' + rnd(B64URL, 120, 'ya-1')}' }`,
      `GOOGLE_ACCESS_TOKEN=${'ya29.' + 'c.' + rnd(B64URL, 150, 'ya-2')}`,
    ],
    fps: [
      `// access tokens look like ya29.a0Af...`,
      `token = 'ya29.' + 'x'.repeat(40)`,
      `const t = 'ya29.${'x'.repeat(60)}';`,
    ],
  },
  {
    id: 'google-oauth-refresh-token',
    name: 'Google OAuth refresh token',
    envName: 'GOOGLE_REFRESH_TOKEN',
    keywords: ['1//0'],
    pattern: /(?<![\w/])1\/\/0[\w-]{40,512}(?![\w-])/g,
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `GOOGLE_REFRESH_TOKEN=${'1//0' + 'g' + rnd(B64URL, 98, 'grt-1')}`,
      `oauth2Client.setCredentials({ refresh_token: '${'1//0' + '4' + rnd(B64URL, 98, 'grt-2')}' });`,
    ],
    fps: [
      `const half = 1//0 # python floor division`,
      `https://example.org/a/1//0${rnd(LOWER, 50, 'grt-3')}`,
    ],
  },
  {
    id: 'azure-storage-account-key',
    name: 'Azure storage account key',
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
    keywords: ['accountkey=', 'azure'],
    // 64 random bytes in base64: 86 characters and `==`. Found after `AccountKey=` in a connection
    // string (storage and Cosmos DB alike) or assigned to a name that says Azure...Key.
    pattern: new RegExp(
      `(?:AccountKey=|${words('azure')}[\\w.-]{0,30}?(?:key|Key|KEY)${ASSIGN})(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`,
      'g',
    ),
    minEntropy: 4.5,
    validate: (s) => s !== AZURITE_KEY,
    tps: [
      `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=invoicesprod;AccountKey=${rnd(B64, 86, 'az-1')}==;EndpointSuffix=core.windows.net"`,
      `const key = { azureStorageKey: '${rnd(B64, 86, 'az-2')}==' };`,
      `"CosmosDb": "AccountEndpoint=https://orders.documents.azure.com:443/;AccountKey=${rnd(B64, 86, 'az-3')}==;"`,
    ],
    fps: [
      `"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1"`,
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${STORAGE_KEY}"',
      `AccountKey=${rnd(B64, 40, 'az-4')}==`,
    ],
  },
  {
    id: 'azure-shared-access-key',
    name: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    envName: 'AZURE_SERVICEBUS_CONNECTION_STRING',
    keywords: ['sharedaccesskey='],
    // 32 random bytes in base64 (43 characters and `=`), after `SharedAccessKey=`; the
    // `SharedAccessKeyName=` next to it is the policy name and does not match.
    pattern: /SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
    minEntropy: 4,
    tps: [
      `SERVICEBUS_CONNECTION="Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${rnd(B64, 43, 'sb-1')}="`,
      `const hub = 'HostName=plant.azure-devices.net;DeviceId=press-04;SharedAccessKey=${rnd(B64, 43, 'sb-2')}=';`,
    ],
    fps: [
      'Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
      'SharedAccessKey=${SERVICEBUS_KEY}',
    ],
  },
  {
    id: 'azure-sas-token',
    name: 'Azure shared access signature',
    envName: 'AZURE_STORAGE_SAS_TOKEN',
    keywords: ['sig='],
    // A SAS is recognised by its signed-version field `sv=YYYY-MM-DD`, which comes before the `sig=`
    // signature; the signature (an HMAC-SHA256 in URL-encoded base64) is the secret.
    pattern: /(?<![A-Za-z0-9_])sv=\d{4}-\d{2}-\d{2}[^\s"'<>`]{0,400}?[&;]sig=(?<secret>[A-Za-z0-9%+/]{40,130}=?)(?![A-Za-z0-9%+/=])/g,
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `const url = 'https://invoices.blob.core.windows.net/pdf?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&spr=https&sig=${rnd(ALNUM, 40, 'sas-1')}%2B${rnd(ALNUM, 6, 'sas-2')}%3D';`,
      `AZURE_SAS_TOKEN="sp=r&st=2024-03-01T09:00:00Z&se=2024-03-02T09:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=${rnd(ALNUM, 43, 'sas-3')}%3D"`,
    ],
    fps: [
      'https://invoices.blob.core.windows.net/pdf?sv=2022-11-02&sp=r&sig=<signature>',
      'const sas = `?sv=2022-11-02&sr=b&sig=${encodeURIComponent(signature)}`;',
      `query = "sv=2022-11-02&sig=${'X'.repeat(44)}"`,
    ],
  },
  {
    id: 'azure-ad-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    envName: 'AZURE_CLIENT_SECRET',
    keywords: ['q~'],
    // Entra client secrets have a fixed marker: three characters, a digit, then `Q~` (40 in all).
    pattern: /(?<![\w~.-])[\w~.]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `AZURE_CLIENT_SECRET=${rnd(ALNUM, 3, 'aad-1')}8Q~${rnd(B64URL, 34, 'aad-2')}`,
      `new ClientSecretCredential(tenantId, clientId, "${rnd(ALNUM, 3, 'aad-3')}7Q~${rnd(ALNUM + '~._', 34, 'aad-4')}");`,
    ],
    fps: [
      'AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}',
      `const ratio = "8Q~3"; // not a secret`,
      `AZURE_CLIENT_SECRET=${rnd(ALNUM, 3, 'aad-5')}8Q~${rnd(ALNUM, 10, 'aad-6')}`,
    ],
  },
  {
    id: 'alibaba-access-key-id',
    name: 'Alibaba Cloud AccessKey ID',
    envName: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    keywords: ['ltai'],
    pattern: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])/g,
    minEntropy: 3,
    validate: plausible,
    tps: [
      `ALIBABA_CLOUD_ACCESS_KEY_ID=${'LTAI' + rnd(ALNUM, 20, 'ali-1')}`,
      `const client = new OSS({ region: 'oss-cn-hangzhou', accessKeyId: '${'LTAI' + '5t' + rnd(ALNUM, 16, 'ali-2')}' });`,
    ],
    fps: [
      `const SALTAIR_ROUTE = '/saltaire';`,
      `ALIBABA_CLOUD_ACCESS_KEY_ID=${'LTAI' + 'x'.repeat(16)}`,
      `accessKeyId: 'LTAI${rnd(DIGITS, 4, 'ali-3')}'`,
    ],
  },
  {
    id: 'alibaba-access-key-secret',
    name: 'Alibaba Cloud AccessKey secret',
    envName: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    keywords: ['alibaba', 'aliyun', 'accesskeysecret', 'access_key_secret'],
    // `accessKeySecret` is the Alibaba SDKs' own name for it; otherwise the name must say alibaba/aliyun.
    pattern: assigned(`(?:${words('alibaba', 'aliyun')}[\\w.-]{0,20}?(?:secret|Secret|SECRET)|access_?[Kk]ey_?[Ss]ecret|ACCESS_KEY_SECRET)`, '[A-Za-z0-9]{30}'),
    minEntropy: 3.5,
    validate: plausible,
    tps: [
      `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${rnd(ALNUM, 30, 'alis-1')}`,
      `const client = new OSS({ accessKeyId, accessKeySecret: '${rnd(ALNUM, 30, 'alis-2')}', bucket: 'media' });`,
    ],
    fps: [
      'accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,',
      `ALIYUN_SECRET=${rnd(ALNUM, 12, 'alis-3')}`,
    ],
  },
];
