import winston from 'winston';
import { config } from './config';

const { combine, timestamp, errors, json, colorize, simple } = winston.format;

/**
 * Application logger. Errors and everything else go to files under logs/,
 * which ops rotate with logrotate on the VM.
 */
export const logger = winston.createLogger({
  level: config.logLevel,
  format: combine(timestamp(), errors({ stack: true }), json()),
  defaultMeta: { service: 'orders-api' },
  transports: [
    new winston.transports.File({ filename: 'logs/error.log', level: 'error' }),
    new winston.transports.File({ filename: 'logs/app.log' }),
  ],
});

if (!config.isProduction) {
  logger.add(new winston.transports.Console({ format: combine(colorize(), simple()) }));
}

export function logError(message: string, err: unknown): void {
  logger.error(message, { err: err instanceof Error ? err : new Error(String(err)) });
}
