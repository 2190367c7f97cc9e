// Not translated yet: the English texts stand in.
export * from '../en/admin-help.js';
