/**
 * Settings shipped to the browser bundle. Everything in this file is public by
 * design: it ends up in the JavaScript that every visitor downloads.
 */

// Stripe publishable keys identify the account to Stripe.js; they cannot move money.
export const stripePublishableKey = 'pk_test_51Tw3lveF4ct0rDem0PubK3yR8s2Vb6nQ1wE';

// OAuth client id of the single-page app (a public identifier, not a credential).
export const oauthClientId = '4bc441b6-dd15-474b-95fa-377c931d8404';

export interface FieldSpec {
  name: string;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  required: boolean;
}

export const loginForm = {
  title: 'Sign in to Orders',
  emailLabel: 'Email address',
  passwordLabel: 'Password',
  passwordHint: 'At least 12 characters',
  fields: [
    { name: 'email', type: 'email', autocomplete: 'username', required: true },
    {
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    },
  ] satisfies FieldSpec[],
  forgotPasswordPath: '/auth/forgot',
};
