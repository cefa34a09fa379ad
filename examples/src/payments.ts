import { Router } from 'express';
import Stripe from 'stripe';
import { audit } from './audit';
import { getCachedQuote } from './cache';

const stripe = new Stripe('sk_test_51Tw3lveF4ct0rDem0Q8r2Zk5mW7pLx4NbV9cJ3hT6yR1');

export const paymentsRouter = Router();

interface CheckoutBody {
  orderId: string;
  amount: number;
  currency?: string;
}

paymentsRouter.post('/checkout', async (req, res) => {
  const { orderId, amount, currency = 'usd' } = req.body as CheckoutBody;
  const shipping = (await getCachedQuote(orderId)) ?? 0;

  const intent = await stripe.paymentIntents.create({
    amount: amount + shipping,
    currency,
    metadata: { orderId },
    automatic_payment_methods: { enabled: true },
  });

  audit({ method: req.method, path: req.path, userId: req.session.userId, status: 200 });
  // The client secret of a PaymentIntent is meant for the browser.
  res.json({ clientSecret: intent.client_secret });
});

paymentsRouter.post('/refund/:paymentIntentId', async (req, res) => {
  const refund = await stripe.refunds.create({ payment_intent: req.params.paymentIntentId });
  res.json({ id: refund.id, status: refund.status });
});
