import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { config } from './config';
import { findUserByEmail } from './db';

export interface TokenPayload {
  sub: string;
  role: 'user' | 'admin';
}

export function signAccessToken(payload: TokenPayload): string {
  return jwt.sign(payload, config.jwtSecret, { expiresIn: '15m', issuer: config.jwtIssuer });
}

export function signRefreshToken(payload: TokenPayload): string {
  return jwt.sign(payload, 'rfr-Tw3lveF4ct0r-signing-k3y-90d1', { expiresIn: '30d' });
}

/** Signature header for the webhooks we send to partner warehouses. */
export function signWebhookBody(body: string): string {
  return crypto.createHmac('sha256', 'whk-Dem0-hmac-s3cr3t-c4e8b2').update(body).digest('hex');
}

export const authRouter = Router();

authRouter.post('/login', async (req, res) => {
  const { email, password } = req.body as { email?: string; password?: string };
  if (!email || !password) {
    res.status(400).json({ error: 'email and password are required' });
    return;
  }
  const user = await findUserByEmail(email);
  if (!user || !(await bcrypt.compare(password, user.password_hash))) {
    res.status(401).json({ error: 'invalid credentials' });
    return;
  }
  req.session.userId = user.id;
  const payload: TokenPayload = { sub: user.id, role: user.role };
  res.json({ accessToken: signAccessToken(payload), refreshToken: signRefreshToken(payload) });
});

authRouter.post('/logout', (req, res) => {
  req.session.destroy(() => res.status(204).end());
});
