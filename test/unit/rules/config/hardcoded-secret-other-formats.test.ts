import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/config/hardcoded-secret';
import { loadGo } from '../../go-helpers';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(async () => {
  await loadPython();
  await loadGo();
});

// The audit of applications in other languages and formats (audit/README.md, "Other formats"): Kubernetes
// manifests, .NET configs, Rails and Spring apps, Terraform, Python and Go services. Each valid case was a false
// positive there; the invalid ones keep the rule honest on the same shapes.
new RuleTester({ filename: '/ws/app/config.py' }).run(rule, {
  valid: [
    { name: 'Python: a model id as the default of MODEL_ID', code: 'import os\nMODEL_ID = os.environ.get("MODEL_ID", "google/gemma-4-31B-it")\n' },
    { name: 'Python: a model path as the default of MODEL_NAME', code: 'import os\nm = os.getenv("MODEL_NAME", "hosted_vllm/meta-llama/Llama-3.1-8B-Instruct")\n' },
    { name: 'Python: a dated model id as a default', code: 'import os\nx = os.getenv("VERTEX_AI_MODEL_NAME", "gemini-2.5-flash-preview-04-17")\n' },
    { name: 'Python: a model under a provider-named variable', code: 'import os\nimport argparse\np = argparse.ArgumentParser()\np.add_argument("--model", default=os.environ.get("ANTHROPIC_MODEL", "claude-sonnet-4-6"))\n' },
    { name: 'JavaScript: a model id as a default', filename: '/ws/src/llm.js', code: 'export const m = process.env.MODEL_ID || "google/gemma-4-31B-it";\n' },
    { name: 'Go: a model id as a default', filename: '/ws/cmd/agent/main.go',
      code: 'package main\n\nimport "os"\n\nfunc model() string {\n\tv := os.Getenv("MODEL_ID")\n\tif v == "" {\n\t\tv = "google/gemma-4-31B-it"\n\t}\n\treturn v\n}\n' },
    { name: 'Python: "identified by" in a docstring is prose, not SQL', code: 'class Q:\n    """\n    The work queue is identified by "name".\n    """\n' },
    { name: "PostgreSQL's password_encryption setting", filename: '/ws/manifests/cluster.yaml',
      code: 'spec:\n  postgresql:\n    parameters:\n      password_encryption: scram-sha-256\n' },
    { name: ".NET's publicKeyToken of an assembly", filename: '/ws/web/Web.config',
      code: '<configuration>\n  <dependentAssembly>\n    <assemblyIdentity name="Antlr3.Runtime" publicKeyToken="eb42632606e9261f" />\n  </dependentAssembly>\n</configuration>\n' },
    { name: 'a key prefix and a capitalised word where the key goes', filename: '/ws/k8s/deployment.yaml',
      code: 'spec:\n  containers:\n    - env:\n        - name: NGC_API_KEY\n          value: "nvapi-NVKEY"\n' },
    { name: 'describing words glued together (my + trust-store + password)', filename: '/ws/k8s/replicator.yaml',
      code: 'config:\n  dest.kafka.truststore.password: "mystorepassword"\n' },
    { name: "Rails' secrets.yml: the development and test keys", filename: '/ws/config/secrets.yml',
      code: 'development:\n  secret_key_base: 1cedd34d1be5424c2646c82e267fcbb817dd118d4\n\ntest:\n  secret_key_base: 7d4d2daa8c4b79efe9a9206d20b877a2cde9c90f4\n\nproduction:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n' },
    { name: "DocSearch's search-only Algolia key in a VitePress config", filename: '/ws/docs/.vitepress/config.mts',
      code: "export default { themeConfig: { search: { provider: 'algolia', options: { appId: '2EQKL1O1UU', apiKey: 'e9d7b5be73f29af4030535a726ec7196', indexName: 'koel' } } } };\n" },
    { name: 'a page token is a cursor', filename: '/ws/src/youtube.ts', code: "export const sample = { kind: 'youtube#searchListResponse', nextPageToken: 'CAoQAA' };\n" },
    { name: 'a password in camelCase leetspeak in an example', filename: '/ws/examples/complete-mssql/main.tf',
      code: 'resource "aws_directory_service_directory" "demo" {\n  name     = "corp.demo.com"\n  password = "SuperSecretPassw0rd"\n}\n' },
    { name: 'a run of the alphabet and the digits in a sample env file', filename: '/ws/.sample.env', code: 'HUB_API_TOKEN=abcdef1234567890\n' },
  ],
  invalid: [
    { name: "Rails' secrets.yml: a production key written down", filename: '/ws/config/secrets.yml',
      code: 'production:\n  secret_key_base: 1cedd34d1be5424c2646c82e267fcbb817dd118d4\n', errors: [{ messageId: 'named', line: 2 }] },
    { name: 'a section named development below the top level is no environment', filename: '/ws/config/app.yml',
      code: 'services:\n  development:\n    api_token: q8Zr2vLp4Kx9Wm3T\n', errors: [{ messageId: 'named', line: 3 }] },
    { name: 'an Algolia key given to a client is an admin key', filename: '/ws/src/search.ts',
      code: "export const options = { appId: '2EQKL1O1UU', apiKey: 'e9d7b5be73f29af4030535a726ec7196' };\n", errors: [{ messageId: 'named', line: 1 }],
      output: "export const options = { appId: '2EQKL1O1UU', apiKey: process.env.API_KEY };\n" },
    { name: 'a random key in an example still counts', filename: '/ws/examples/complete-mssql/main.tf',
      code: 'resource "x" "y" {\n  password = "Zq8vT2mX9pL4wR8zNk3B"\n}\n', errors: [{ messageId: 'named', line: 2 }] },
    { name: 'an example value in an OpenAPI description is information only', filename: '/ws/api-docs/api.yaml',
      code: 'openapi: 3.0.0\ncomponents:\n  examples:\n    User:\n      value:\n        last_fm_session_key: 12OcZD8_lsuGEFvxxY0k4lJihOYBZGWa\n',
      errors: [{ messageId: 'named', line: 6, severity: 'info' }] },
    { name: 'Python: a random default of a non-secret name still counts', code: 'import os\nX = os.getenv("UPSTREAM", "Zq8vT2mX9pL4wR8zNk3B")\n', errors: [{ messageId: 'fallback', line: 2 }],
      output: 'import os\nX = os.environ["UPSTREAM"]\n' },
    { name: 'SQL: a user made with a password', filename: '/ws/db/init.sql', code: "CREATE USER 'app'@'%' IDENTIFIED BY 'q8Zr2vLp4';\n", errors: [{ messageId: 'named', line: 1 }] },
    { name: "SQL: MySQL 5's GRANT … IDENTIFIED BY", filename: '/ws/db/init.sql', code: "GRANT ALL PRIVILEGES ON app.* TO 'app'@'%' IDENTIFIED BY 'q8Zr2vLp4';\n", errors: [{ messageId: 'named', line: 1 }] },
    { name: 'a password with a word of its own is not a description', filename: '/ws/k8s/replicator.yaml',
      code: 'config:\n  dest.kafka.truststore.password: "kafkaBlue77password"\n', errors: [{ messageId: 'named', line: 2 }] },
    { name: 'a private key token is no public one', filename: '/ws/web/appsettings.json',
      code: '{ "Auth": { "AccessToken": "q8Zr2vLp4Kx9Wm3T" } }\n', errors: [{ messageId: 'named', line: 1 }] },
  ],
});

// Defaults written into an interpolation are judged as an environment read's default in code (decision 5).
new RuleTester({ filename: '/ws/src/main/resources/application.properties' }).run(rule, {
  valid: [
    { name: 'Spring: a stand-in default', code: 'spring.datasource.password=${DB_PASSWORD:changeme}\n' },
    { name: 'Spring: an empty default and no default', code: 'spring.datasource.password=${DB_PASSWORD:}\njwt.secret=${JWT_SECRET}\n' },
    { name: "Spring: the password default is the user's (petclinic's sample database)",
      code: 'spring.datasource.username=${MYSQL_USER:petclinic}\nspring.datasource.password=${MYSQL_PASS:petclinic}\n' },
    { name: 'Spring: a non-secret setting with a plain default', code: 'server.port=${PORT:8080}\nspring.datasource.url=${DB_URL:jdbc:h2:mem:test}\n' },
    { name: 'shell: fail-when-unset and alternative forms write no default', filename: '/ws/scripts/run.sh', code: 'echo "${DB_PASSWORD:?set DB_PASSWORD}" "${TOKEN:+set}"\n' },
    { name: "shell: a local database's conventional password as a default (cnpmcore's test set-up)", filename: '/ws/prepare-database-postgresql.sh',
      code: 'db_host=${POSTGRES_HOST:-127.0.0.1}\ndb_password=${POSTGRES_PASSWORD:-postgres}\n' },
    { name: 'compose: a memorable default in a compose file (judged as an example)', filename: '/ws/docker-compose.yml',
      code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n' },
    { name: 'Terraform expressions are no interpolation defaults', filename: '/ws/terraform/outputs.tf',
      code: '# value = "http://${module.kuberay-cluster[0].ray_cluster_uri}"\nmembers = ["serviceAccount:${module.gke-db1.service_account}"]\n' },
    { name: 'a container image as a default', filename: '/ws/deploy/pool.yaml',
      code: 'image: ${EXTENSION_IMAGE:-us-central1-docker.pkg.dev/k8s-staging-images/gateway-api-inference-extension/epp:main}\n' },
    { name: 'a nested interpolation is no literal', filename: '/ws/docker-compose.yml', code: 'services:\n  app:\n    environment:\n      - TOKEN=${TOKEN:-${FALLBACK_TOKEN}}\n' },
  ],
  invalid: [
    { name: 'Spring: a secret default in application.properties', code: 'spring.datasource.password=${DB_PASSWORD:Zq8vT2mX9pL4}\n',
      errors: [{ messageId: 'fallback', line: 1, text: 'Zq8vT2mX9pL4' }] },
    { name: 'Spring: a dotted property name as the variable', filename: '/ws/src/main/resources/application.yml',
      code: 'app:\n  secret: ${app.jwt.secret:kJ8sQ2vX9mZ4pL7wR3tY}\n', errors: [{ messageId: 'fallback', line: 2 }] },
    { name: 'shell: a random default in a deploy script', filename: '/ws/deploy/run.sh', code: 'export API_TOKEN="${API_TOKEN:-kJ8sQ2vX9mZ4pL7wR3tY}"\n',
      errors: [{ messageId: 'fallback', line: 1 }] },
    {
      name: 'compose: a random default moves to .env, leaving ${NAME}',
      filename: '/ws/docker-compose.yml',
      code: 'services:\n  app:\n    environment:\n      - JWT_SECRET=${JWT_SECRET:-kJ8sQ2vX9mZ4pL7w}\n',
      errors: [{ messageId: 'fallback', line: 4 }],
      output: 'services:\n  app:\n    environment:\n      - JWT_SECRET=${JWT_SECRET}\n',
    },
  ],
});

// eShopOnWeb: `appsettings.Docker.json` connects to `sqlserver`, a service of the root compose file, with the
// password that file gives the container: judged as the compose file itself is (only a random-looking one counts).
const COMPOSE = { '/ws/docker-compose.yml': 'services:\n  web:\n    build: .\n  sqlserver:\n    image: mcr.microsoft.com/azure-sql-edge\n    environment:\n      - SA_PASSWORD=@someThingComplicated1234\n' };
const ado = (server: string, password: string) => `{\n  "ConnectionStrings": {\n    "CatalogConnection": "Server=${server};Initial Catalog=Catalog;User Id=sa;Password=${password};TrustServerCertificate=true;"\n  }\n}\n`;
new RuleTester({ filename: '/ws/src/Web/appsettings.Docker.json' }).run(rule, {
  valid: [
    { name: 'a memorable password to a compose service (ADO.NET)', code: ado('sqlserver,1433', '@someThingComplicated1234'), files: COMPOSE },
    { name: 'a memorable password to a compose service (URL)', filename: '/ws/config/db.json', code: '{ "url": "postgres://app:SomeThingComplicated1234@sqlserver:5432/app" }\n', files: COMPOSE },
  ],
  invalid: [
    { name: 'the same to a host compose does not start', code: ado('sql01.corp.local', '@someThingComplicated1234'), files: COMPOSE, errors: [{ messageId: 'provider', line: 3, severity: 'error' }] },
    { name: 'a random password to a compose service is a warning', code: ado('sqlserver,1433', 'q8Zr2vLp4Kx9Wm3Tn7Yc'), files: COMPOSE, errors: [{ messageId: 'provider', line: 3, severity: 'warning' }] },
    { name: 'without a compose file the name is just a host', code: ado('sqlserver,1433', '@someThingComplicated1234'), errors: [{ messageId: 'provider', line: 3, severity: 'error' }] },
    { name: 'an ADO.NET string to localhost is a warning', code: ado('localhost', 'q8Zr2vLp4Kx9Wm3Tn7Yc'), errors: [{ messageId: 'provider', line: 3, severity: 'warning' }] },
  ],
});
