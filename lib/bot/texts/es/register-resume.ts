// Not translated yet: the English texts stand in.
export * from '../en/register-resume.js';
