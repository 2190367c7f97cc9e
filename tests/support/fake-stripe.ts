/**
 * Tests point the real `stripe` SDK at a local fake of its refund endpoint (STRIPE_API_URL → host, port and
 * protocol): the same fake the sandbox runs (dev/sandbox/fake-stripe.ts).
 */
export { FakeStripe } from '../../dev/sandbox/fake-stripe.js';

/** A provider token and a secret key in the shapes config accepts (Stripe test mode, never real). */
export const TEST_PAYMENT_ENV = {
  PAYMENT_PROVIDER_TOKEN: '284685063:TEST:fake-provider-token-for-tests',
  STRIPE_SECRET_KEY: 'sk_test_fakeSecretKeyForTests000000000000',
};
