import type { InvalidCase } from '../../ruleTester';
import { code, HEAD_ESM } from './detection';

// The store fixes: Redis first, then Postgres (express-session only: connect-pg-simple needs it), never
// applied by fix-all (the user chooses the backing service). koa and hapi get none: their stores are not
// connect stores. Every TypeScript output is type-checked by the test file against the libraries' declarations.
const ESM = code(
  "import express from 'express';",
  "import session from 'express-session';",
  '',
  'const app = express();',
  "app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));",
);
const CJS = code(
  "const express = require('express');",
  "const session = require('express-session');",
  "const MemoryStore = require('memorystore')(session);",
  '',
  'const app = express();',
  'app.use(',
  '  session({',
  '    secret: process.env.SESSION_SECRET,',
  '    store: new MemoryStore({ checkPeriod: 86400000 }),',
  '  }),',
  ');',
);

export const FIXES: InvalidCase[] = [
  { name: 'fix: ESM TypeScript', code: ESM, errors: [['defaultMemoryStore', 5, 'session']], suggestions: [code("import express from 'express';", "import session from 'express-session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'const app = express();', 'app.use(session({ store: new RedisStore({ client: redisClient }), secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));'), code("import express from 'express';", "import session from 'express-session';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', 'const app = express();', 'app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));')] },
  { name: 'fix: CommonJS JavaScript, memorystore replaced', filename: '/ws/src/app.js', code: CJS, errors: [['memoryStore', 9, 'new MemoryStore({ checkPeriod: 86400000 })']], suggestions: [code("const express = require('express');", "const session = require('express-session');", "const MemoryStore = require('memorystore')(session);", "const { RedisStore } = require('connect-redis');", "const { createClient } = require('redis');", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'const app = express();', 'app.use(', '  session({', '    secret: process.env.SESSION_SECRET,', '    store: new RedisStore({ client: redisClient }),', '  }),', ');'), code("const express = require('express');", "const session = require('express-session');", "const MemoryStore = require('memorystore')(session);", "const PgSession = require('connect-pg-simple')(session);", '', 'const app = express();', 'app.use(', '  session({', '    secret: process.env.SESSION_SECRET,', '    store: new PgSession({ conString: process.env.DATABASE_URL }),', '  }),', ');')] },
  {
    name: 'fix: connect-redis and a client already there: only the store is added',
    code: code(
      "import express from 'express';",
      "import session from 'express-session';",
      "import { RedisStore } from 'connect-redis';",
      "import { createClient } from 'redis';",
      '',
      'const cache = createClient({ url: process.env.REDIS_URL });',
      'await cache.connect();',
      '',
      'const app = express();',
      'app.use(session({',
      "  secret: 'keyboard cat',",
      '}));',
    ),
    errors: [['defaultMemoryStore', 10, 'session']],
    suggestions: [code("import express from 'express';", "import session from 'express-session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const cache = createClient({ url: process.env.REDIS_URL });', 'await cache.connect();', '', 'const app = express();', 'app.use(session({', '  store: new RedisStore({ client: cache }),', "  secret: 'keyboard cat',", '}));'), code("import express from 'express';", "import session from 'express-session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', 'const cache = createClient({ url: process.env.REDIS_URL });', 'await cache.connect();', '', 'const app = express();', 'app.use(session({', '  store: new PgSession({ conString: process.env.DATABASE_URL }),', "  secret: 'keyboard cat',", '}));')],
  },
  {
    name: 'fix: connect-redis imported (v7 default) but no client: the client is added, the import reused',
    filename: '/ws/src/app.mjs',
    code: code("import RedisStore from 'connect-redis';", "import session from 'express-session';", "app.use(session({ secret: 's' }));"),
    errors: [['defaultMemoryStore', 3, 'session']],
    suggestions: [code("import RedisStore from 'connect-redis';", "import session from 'express-session';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import RedisStore from 'connect-redis';", "import session from 'express-session';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")],
  },
  {
    name: 'fix: a client made after the session is not reused; the file keeps double quotes and no semicolons',
    code: code('import session from "express-session"', 'import { createClient as makeClient } from "redis"', 'app.use(session({ secret: "s" }))', 'const redisClient = makeClient()'),
    errors: [['defaultMemoryStore', 3, 'session']],
    suggestions: [code('import session from "express-session"', 'import { createClient as makeClient } from "redis"', 'import { RedisStore } from "connect-redis"', '', 'const redisClient2 = makeClient({ url: process.env.REDIS_URL })', 'redisClient2.connect().catch(console.error)', '', 'app.use(session({ store: new RedisStore({ client: redisClient2 }), secret: "s" }))', 'const redisClient = makeClient()'), code('import session from "express-session"', 'import { createClient as makeClient } from "redis"', 'import connectPgSimple from "connect-pg-simple"', '', 'const PgSession = connectPgSimple(session)', '', 'app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: "s" }))', 'const redisClient = makeClient()')],
  },
  {
    name: 'fix: an ioredis client and the old connect-redis factory are reused',
    filename: '/ws/src/app.js',
    code: code(
      "const session = require('express-session');",
      "const Redis = require('ioredis');",
      "const RedisStore = require('connect-redis')(session);",
      'const client = new Redis(process.env.REDIS_URL);',
      "app.use(session({ secret: 's' }));",
    ),
    errors: [['defaultMemoryStore', 5, 'session']],
    suggestions: [code("const session = require('express-session');", "const Redis = require('ioredis');", "const RedisStore = require('connect-redis')(session);", 'const client = new Redis(process.env.REDIS_URL);', "app.use(session({ store: new RedisStore({ client }), secret: 's' }));"), code("const session = require('express-session');", "const Redis = require('ioredis');", "const RedisStore = require('connect-redis')(session);", "const PgSession = require('connect-pg-simple')(session);", 'const client = new Redis(process.env.REDIS_URL);', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")],
  },
  {
    name: 'fix: an imported client is reused',
    filename: '/ws/src/app.mjs',
    code: code("import session from 'express-session';", "import { redisClient } from './lib/redis';", "app.use(session({ secret: 's' }));"),
    errors: [['defaultMemoryStore', 3, 'session']],
    suggestions: [code("import session from 'express-session';", "import { redisClient } from './lib/redis';", "import { RedisStore } from 'connect-redis';", "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import session from 'express-session';", "import { redisClient } from './lib/redis';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")],
  },
  {
    name: 'fix: session() without options gets an options object',
    filename: '/ws/src/app.js',
    code: code("const session = require('express-session');", 'app.use(session());'),
    errors: [['defaultMemoryStore', 2, 'session']],
    suggestions: [code("const session = require('express-session');", "const { RedisStore } = require('connect-redis');", "const { createClient } = require('redis');", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'app.use(session({ store: new RedisStore({ client: redisClient }) }));'), code("const session = require('express-session');", "const PgSession = require('connect-pg-simple')(session);", 'app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }) }));')],
  },
  { name: 'fix: options in a variable: the store goes into the object', code: code(HEAD_ESM, "const opts = { secret: 's' };", 'app.use(session(opts));'), errors: [['defaultMemoryStore', 5, 'session']], suggestions: [code("import express from 'express';", "import session from 'express-session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'const app = express();', "const opts = { store: new RedisStore({ client: redisClient }), secret: 's' };", 'app.use(session(opts));'), code("import express from 'express';", "import session from 'express-session';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', 'const app = express();', "const opts = { store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' };", 'app.use(session(opts));')] },
  {
    name: 'fix: Nest-style namespace import: connect-pg-simple is imported the same way',
    filename: '/ws/src/main.ts',
    code: code("import * as session from 'express-session';", 'export function setup(app: { use(h: unknown): void }) {', "  app.use(session({ secret: 's' }));", '}'),
    errors: [['defaultMemoryStore', 3, 'session']],
    suggestions: [code("import * as session from 'express-session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'export function setup(app: { use(h: unknown): void }) {', "  app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));", '}'), code("import * as session from 'express-session';", "import * as connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', 'export function setup(app: { use(h: unknown): void }) {', "  app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));", '}')],
  },
  {
    name: 'fix: import = require(): connect-pg-simple is imported the same way',
    filename: '/ws/src/main.ts',
    code: code("import session = require('express-session');", "import express = require('express');", 'const app = express();', "app.use(session({ secret: 's' }));"),
    errors: [['defaultMemoryStore', 4, 'session']],
    suggestions: [code("import session = require('express-session');", "import express = require('express');", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'const app = express();', "app.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));"), code("import session = require('express-session');", "import express = require('express');", "import connectPgSimple = require('connect-pg-simple');", '', 'const PgSession = connectPgSimple(session);', '', 'const app = express();', "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")],
  },
  {
    name: 'fix: a comment above the first property stays with it',
    filename: '/ws/src/app.js',
    code: code("const session = require('express-session');", 'app.use(session({', '  // signed cookies', '  secret: process.env.SECRET,', '}));'),
    errors: [['defaultMemoryStore', 2, 'session']],
    suggestions: [code("const session = require('express-session');", "const { RedisStore } = require('connect-redis');", "const { createClient } = require('redis');", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'app.use(session({', '  store: new RedisStore({ client: redisClient }),', '  // signed cookies', '  secret: process.env.SECRET,', '}));'), code("const session = require('express-session');", "const PgSession = require('connect-pg-simple')(session);", 'app.use(session({', '  store: new PgSession({ conString: process.env.DATABASE_URL }),', '  // signed cookies', '  secret: process.env.SECRET,', '}));')],
  },
  {
    name: 'fix: names already taken are not reused',
    filename: '/ws/src/app.mjs',
    code: code("import session from 'express-session';", "import { createClient } from '@supabase/supabase-js';", "const RedisStore = 'taken';", "app.use(session({ secret: 's' }));"),
    errors: [['defaultMemoryStore', 4, 'session']],
    suggestions: [code("import session from 'express-session';", "import { createClient } from '@supabase/supabase-js';", "import { RedisStore as RedisStore2 } from 'connect-redis';", "import { createClient as createRedisClient } from 'redis';", '', 'const redisClient = createRedisClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', "const RedisStore = 'taken';", "app.use(session({ store: new RedisStore2({ client: redisClient }), secret: 's' }));"), code("import session from 'express-session';", "import { createClient } from '@supabase/supabase-js';", "import connectPgSimple from 'connect-pg-simple';", '', 'const PgSession = connectPgSimple(session);', '', "const RedisStore = 'taken';", "app.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));")],
  },
  { name: 'fix: CRLF line endings are kept', code: "import session from 'express-session';\r\napp.use(session({ secret: 's' }));\r\n", errors: [['defaultMemoryStore', 2, 'session']], suggestions: ["import session from 'express-session';\r\nimport { RedisStore } from 'connect-redis';\r\nimport { createClient } from 'redis';\r\n\r\nconst redisClient = createClient({ url: process.env.REDIS_URL });\r\nredisClient.connect().catch(console.error);\r\n\r\napp.use(session({ store: new RedisStore({ client: redisClient }), secret: 's' }));\r\n", "import session from 'express-session';\r\nimport connectPgSimple from 'connect-pg-simple';\r\n\r\nconst PgSession = connectPgSimple(session);\r\n\r\napp.use(session({ store: new PgSession({ conString: process.env.DATABASE_URL }), secret: 's' }));\r\n"] },
  {
    name: 'fix: fastify, Redis only (connect-pg-simple needs express-session)',
    filename: '/ws/src/server.ts',
    code: code(
      "import Fastify from 'fastify';",
      "import fastifySession from '@fastify/session';",
      '',
      'const app = Fastify();',
      "app.register(fastifySession, { secret: 'a secret with minimum length of 32 characters' });",
    ),
    errors: [['fastifyNoStore', 5, 'fastifySession']],
    suggestions: [code("import Fastify from 'fastify';", "import fastifySession from '@fastify/session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'const app = Fastify();', "app.register(fastifySession, { store: new RedisStore({ client: redisClient }), secret: 'a secret with minimum length of 32 characters' });")],
  },
  { name: 'fix: fastify registered without options gets them', filename: '/ws/src/server.ts', code: code("import fastifySession from '@fastify/session';", 'app.register(fastifySession);'), errors: [['fastifyNoStore', 2, 'fastifySession']], suggestions: [code("import fastifySession from '@fastify/session';", "import { RedisStore } from 'connect-redis';", "import { createClient } from 'redis';", '', 'const redisClient = createClient({ url: process.env.REDIS_URL });', 'redisClient.connect().catch(console.error);', '', 'app.register(fastifySession, { store: new RedisStore({ client: redisClient }) });')] },
];
