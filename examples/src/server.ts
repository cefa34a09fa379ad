import express from 'express';
import session from 'express-session';
import { audit } from './audit';
import { authRouter } from './auth';
import { config } from './config';
import { pool } from './db';
import { logError, logger } from './logger';
import { paymentsRouter } from './payments';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

const app = express();

app.use(express.json());

// Sessions live in the process (express-session's default MemoryStore).
app.use(
  session({
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: config.isProduction, maxAge: 24 * 60 * 60 * 1000 },
  }),
);

app.use((req, res, next) => {
  res.on('finish', () => {
    audit({ method: req.method, path: req.path, userId: req.session.userId, status: res.statusCode });
  });
  next();
});

app.get('/healthz', async (_req, res) => {
  try {
    await pool.query('SELECT 1');
    res.json({ status: 'ok' });
  } catch (err) {
    logError('health check failed', err);
    res.status(503).json({ status: 'unavailable' });
  }
});

app.use('/auth', authRouter);
app.use('/payments', paymentsRouter);

app.listen(3000, () => {
  logger.info('orders-api listening on port 3000');
});
