import { randomUUID } from 'node:crypto';

/** A fresh idempotency key: a new press. Reuse one to model a retry of the same press. */
export const newKey = () => `test:${randomUUID()}`;
