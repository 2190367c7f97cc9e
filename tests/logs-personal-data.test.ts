import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { storeLabel } from './support/stores.js';
import { textUpdate } from './support/updates.js';

/**
 * A registration whose last write fails: the database error quotes the owner's phone number and address
 * in its message, its detail and its params (as Drizzle over pg, PGlite and Neon all do). The logs say what
 * failed and where, and carry neither.
 */
const PHONE = '+49 30 7654321';
const ADDRESS = 'Quiet Street 17, Potsdam';

describe(`logs and personal data (${storeLabel})`, () => {
  let app: TestApp;
  const owner = { id: 77_001, first_name: 'Priya' };

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    // A trigger stands in for any failure at the last step (a constraint, a full disk): a real Postgres error.
    await app.deps.db.execute(
      sql.raw(`create function refuse_venue() returns trigger language plpgsql as $$
        begin
          raise exception 'cannot register % at %', new.phone, new.address
            using errcode = 'check_violation', detail = 'Failing row contains (' || new.phone || ', ' || new.address || ')';
        end $$`),
    );
    await app.deps.db.execute(
      sql.raw(
        'create trigger refuse_venue before insert on venues for each row execute function refuse_venue()',
      ),
    );
    await app.deliver(textUpdate(owner, '/register'));
    for (const answer of ['Priya’s Pantry', ADDRESS, 'Skip', PHONE, 'Soups and bread', 'Skip']) {
      await app.deliver(textUpdate(owner, answer));
    }
  });
  afterAll(async () => {
    await app.deps.db.execute(sql.raw('drop trigger if exists refuse_venue on venues'));
    await app.close();
  });

  const lines = () => app.logs.map((line) => JSON.stringify(line));

  it('logs the failed last step of /register as an error with the Postgres code and the SQL text', () => {
    const failure = app.logs.find((line) => line.event === 'handler_failed');
    expect(failure).toMatchObject({
      error: {
        name: 'DrizzleQueryError',
        query: expect.stringContaining('insert into venues'),
        cause: { severity: 'ERROR', code: '23514' },
      },
    });
  });

  it('tells the owner one kind line', () => {
    expect(String(app.telegram.sentTo(owner.id).at(-1)?.params.text)).toMatch(/something went wrong/i);
  });

  it.each([
    ['the phone number as typed', PHONE],
    ['the phone number’s digits', '7654321'],
    ['the address', ADDRESS],
    ['the street', 'Quiet Street'],
  ])('no log line carries %s', (_label, value) => {
    expect(app.logs.length).toBeGreaterThan(0);
    for (const line of lines()) expect(line).not.toContain(value);
  });
});
