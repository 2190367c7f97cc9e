import { describe, expect, it } from 'vitest';
import { parsePickupWindow } from '../lib/marketplace/pickup-window.js';

const zone = 'Europe/Berlin';
/** Noon in Berlin on a given day: each case sits a few days before the date it names. */
const noon = (iso: string) => new Date(`${iso}T11:00:00Z`);

describe('pickup window', () => {
  it.each([
    ['31.02', '2026-02-27'],
    ['30.02', '2026-02-27'],
    ['29.02 in a year that is not a leap year', '2026-02-26'],
    ['31.04', '2026-04-28'],
    ['31.06', '2026-06-27'],
    ['31.09', '2026-09-27'],
    ['31.11', '2026-11-27'],
    ['00.05', '2026-04-28'],
    ['12.13', '2026-12-08'],
    ['32.01', '2026-01-28'],
    ['31/02', '2026-02-27'],
  ])('refuses %s as a date that does not exist', (date, today) => {
    const typed = `${date.split(' ')[0]} 10:00-12:00`;
    expect(parsePickupWindow(typed, noon(today), zone)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['29.02 in a leap year', '29.02 10-12', '2028-02-26', '2028-02-29T09:00:00.000Z'],
    ['28.02', '28.02 10-12', '2026-02-26', '2026-02-28T09:00:00.000Z'],
    ['30.04', '30.04 10-12', '2026-04-28', '2026-04-30T08:00:00.000Z'],
    ['31.12 across the new year', '31.12 10-12', '2026-12-29', '2026-12-31T09:00:00.000Z'],
    ['01.01 of next year', '1.1 10-12', '2026-12-29', '2027-01-01T09:00:00.000Z'],
  ])('accepts %s', (_label, typed, today, start) => {
    const result = parsePickupWindow(typed, noon(today), zone);
    expect(result.ok && result.start.toISOString()).toBe(start);
  });

  it('reads 29.02 typed after it passed in a leap year as next year’s, which does not exist', () => {
    expect(parsePickupWindow('29.02 10-12', noon('2028-03-01'), zone)).toEqual({
      ok: false,
      reason: 'format',
    });
  });
});
