// Not translated yet: the English texts stand in.
export * from '../en/admin-console.js';
