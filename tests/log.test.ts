import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/log.js';

describe('logger', () => {
  const capture = (level: Parameters<typeof createLogger>[0] = 'debug') => {
    const lines: Array<Record<string, unknown>> = [];
    return { lines, log: createLogger(level, { app: 'test' }, (line) => lines.push(JSON.parse(line))) };
  };

  it('writes one JSON line per event with its fields and the base fields', () => {
    const { lines, log } = capture();
    log.child({ update_id: 42 }).info('update_handled', { ms: 12 });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', event: 'update_handled', app: 'test', update_id: 42, ms: 12 }),
    ]);
  });

  it('never writes tokens, secrets, phone numbers or message texts', () => {
    const { lines, log } = capture();
    log.info('x', {
      token: '123:abc',
      webhook_secret: 's',
      phone: '+4930',
      text: 'hi',
      caption: 'c',
      authorization: 'Bearer z',
    });
    const line = JSON.stringify(lines[0]);
    for (const leaked of ['123:abc', '"s"', '+4930', '"hi"', 'Bearer z']) expect(line).not.toContain(leaked);
  });

  it('counts every error line toward the errors metric', () => {
    const { lines, log } = capture();
    log.error('update_failed');
    log.warn('something');
    expect(lines.map((l) => l.metric)).toEqual(['errors', undefined]);
  });

  it('drops lines below the level', () => {
    const { lines, log } = capture('warn');
    log.info('quiet');
    log.debug('quieter');
    log.warn('loud');
    expect(lines.map((l) => l.event)).toEqual(['loud']);
  });
});
