import { describe, expect, it } from 'vitest';
import { parsePickupWindow, weekdayOf } from '../lib/marketplace/pickup-window.js';

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

  describe('day words in every language', () => {
    // Wednesday 25 November 2026, 12:00 in Berlin.
    const wednesday = new Date('2026-11-25T11:00:00Z');
    const startOf = (typed: string) => {
      const result = parsePickupWindow(typed, wednesday, zone);
      return result.ok ? result.start.toISOString() : result.reason;
    };

    it.each([
      ['18:00-20:00', '2026-11-25T17:00:00.000Z'],
      ['today 18-20', '2026-11-25T17:00:00.000Z'],
      ['heute 18-20', '2026-11-25T17:00:00.000Z'],
      ['Hoy 18:00–20:00', '2026-11-25T17:00:00.000Z'],
      ['сегодня 18-20', '2026-11-25T17:00:00.000Z'],
      ['СЕГОДНЯ 18.00-20.00', '2026-11-25T17:00:00.000Z'],
      ['tomorrow 9-10', '2026-11-26T08:00:00.000Z'],
      ['morgen 9-10', '2026-11-26T08:00:00.000Z'],
      ['mañana 9-10', '2026-11-26T08:00:00.000Z'],
      ['manana 9-10', '2026-11-26T08:00:00.000Z'],
      ['завтра 9-10', '2026-11-26T08:00:00.000Z'],
      ['heute 18 bis 20', '2026-11-25T17:00:00.000Z'],
      ['hoy 18 a 20', '2026-11-25T17:00:00.000Z'],
      ['завтра 9 до 10', '2026-11-26T08:00:00.000Z'],
    ])('reads "%s"', (typed, start) => {
      expect(startOf(typed)).toBe(start);
    });

    // From Wednesday: the next Friday is the 27th, the next Monday the 30th, and Wednesday is today.
    it.each([
      ['fri', '2026-11-27'],
      ['Friday', '2026-11-27'],
      ['Fr', '2026-11-27'],
      ['Fr.', '2026-11-27'],
      ['freitag', '2026-11-27'],
      ['vie', '2026-11-27'],
      ['viernes', '2026-11-27'],
      ['пт', '2026-11-27'],
      ['пятница', '2026-11-27'],
      ['mon', '2026-11-30'],
      ['Mo', '2026-11-30'],
      ['lun', '2026-11-30'],
      ['пн', '2026-11-30'],
      ['понедельник', '2026-11-30'],
      ['Di', '2026-12-01'],
      ['mar', '2026-12-01'],
      ['вт', '2026-12-01'],
      ['Mi', '2026-11-25'],
      ['mié', '2026-11-25'],
      ['mie', '2026-11-25'],
      ['ср', '2026-11-25'],
      ['Do', '2026-11-26'],
      ['jue', '2026-11-26'],
      ['чт', '2026-11-26'],
      ['Sa', '2026-11-28'],
      ['sáb', '2026-11-28'],
      ['sab', '2026-11-28'],
      ['сб', '2026-11-28'],
      ['So', '2026-11-29'],
      ['dom', '2026-11-29'],
      ['domingo', '2026-11-29'],
      ['вс', '2026-11-29'],
    ])('reads the weekday "%s" as %s', (word, day) => {
      const result = parsePickupWindow(`${word} 17-19`, wednesday, zone);
      expect(result.ok && result.start.toISOString().slice(0, 10)).toBe(day);
    });

    it.each(['monkey', 'm', 's', 'd', 'su', 'ju', 'пон-', 'someday', 'gestern', 'ayer', 'вчера', 'xx'])(
      'refuses the day word "%s"',
      (word) => {
        expect(parsePickupWindow(`${word} 17-19`, wednesday, zone)).toEqual({ ok: false, reason: 'format' });
      },
    );

    it('names no word as two different weekdays', () => {
      const words = [
        'do',
        'dom',
        'don',
        'sa',
        'sab',
        'sat',
        'mi',
        'mie',
        'mit',
        'mar',
        'mo',
        'mon',
        'so',
        'sun',
      ];
      const days = Object.fromEntries(words.map((w) => [w, weekdayOf(w)]));
      expect(days).toEqual({
        do: 4,
        dom: 0,
        don: 4,
        sa: 6,
        sab: 6,
        sat: 6,
        mi: 3,
        mie: 3,
        mit: 3,
        mar: 2,
        mo: 1,
        mon: 1,
        so: 0,
        sun: 0,
      });
    });
  });
});
