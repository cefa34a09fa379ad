import nodemailer from 'nodemailer';
import { logger } from './logger';

/**
 * Outgoing mail through Mailgun's SMTP relay.
 * Local runs were meant to read SMTP_PASS from .env (the template says SMTP_PASS=changeme),
 * but the production credentials ended up inline below.
 */
export const transporter = nodemailer.createTransport({
  host: 'smtp.mailgun.org',
  port: 587,
  secure: false,
  auth: {
    user: 'postmaster@mg.orders-demo.io',
    pass: 'M4ilgun-Dem0-smtp-Pa55-61b2',
  },
});

export async function sendOrderConfirmation(to: string, orderId: string): Promise<void> {
  const info = await transporter.sendMail({
    from: '"Orders" <orders@orders-demo.io>',
    to,
    subject: `Order ${orderId} confirmed`,
    text: `Thanks for your order ${orderId}. We will email you again when it ships.`,
  });
  logger.info('order confirmation sent', { orderId, messageId: info.messageId });
}
