import { describe, expect, it } from 'vitest';
import { namedWizard } from '../lib/bot/scenes/common.js';

describe('named wizard steps', () => {
  const step = async () => {};

  it('runs the steps in the order of their numbers, whatever order the handlers are written in', () => {
    const order: string[] = [];
    const scene = namedWizard(
      'test',
      { start: 0, second: 1, third: 2 },
      {
        third: async () => void order.push('third'),
        start: async () => void order.push('start'),
        second: async () => void order.push('second'),
      },
    );
    for (const handler of scene.steps) (handler as () => void)();
    expect(order).toEqual(['start', 'second', 'third']);
  });

  it('refuses numbers with a gap, so a step can’t be skipped by miscounting', () => {
    expect(() => namedWizard('test', { start: 0, later: 2 }, { start: step, later: step })).toThrow(
      /step later is numbered 2, not 1/,
    );
  });
});
