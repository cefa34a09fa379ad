import pino from 'pino';

/**
 * Audit trail required by the payments team: one JSON line per request,
 * appended to a file on the local disk of whichever instance served it.
 */
export const auditLog = pino(
  {
    level: 'info',
    base: { service: 'orders-api', stream: 'audit' },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  },
  pino.destination({ dest: 'logs/audit.log', mkdir: true, sync: false }),
);

export interface AuditEvent {
  method: string;
  path: string;
  userId?: string;
  status?: number;
}

export function audit(event: AuditEvent): void {
  auditLog.info(event, 'request');
}
