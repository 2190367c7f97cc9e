import { describe, expect, it } from 'vitest';
import {
  type CallbackArgs,
  type CallbackKind,
  callbackTrigger,
  decodeCallback,
  encodeCallback,
} from '../lib/bot/callback-data.js';

/**
 * What every kind of button carries on the wire. Buttons already sit in people's chats, so these strings are
 * a contract: a kind may be added, but none of these may change. The record is over every kind, so a new kind
 * doesn't compile until it is written down here too.
 */
const wire = {
  'venue:verify': [[3], 'venue:verify:3'],
  'venue:reject': [[3], 'venue:reject:3'],
  'venue:pending': [[2], 'venue:pending:2'],
  'venue:changes': [[3], 'venue:changes:3'],
  'venue:suspend': [[3], 'venue:suspend:3'],
  'venue:unsuspend': [[3], 'venue:unsuspend:3'],
  'venue:card': [[3], 'venue:card:3'],
  'venues:page': [['suspended', 1], 'venues:page:suspended:1'],
  'offer:takedown': [[42], 'offer:takedown:42'],
  'audit:venue': [[3], 'audit:venue:3'],
  'audit:offer': [[42], 'audit:offer:42'],
  'stats:period': [['7d'], 'stats:period:7d'],
  'offer:publish': [[42], 'offer:publish:42'],
  'offer:pause': [[42], 'offer:pause:42'],
  'offer:resume': [[42], 'offer:resume:42'],
  'offer:soldout': [[42], 'offer:soldout:42'],
  'offer:withdraw': [[42], 'offer:withdraw:42'],
  'offer:edit': [[42], 'offer:edit:42'],
  'wiz:done': [[], 'wiz:done'],
  'wiz:skip': [[], 'wiz:skip'],
  'wiz:draft': [[], 'wiz:draft'],
  'wiz:publish': [[], 'wiz:publish'],
  'wiz:cancel': [[], 'wiz:cancel'],
  'browse:page': [[0], 'browse:page:0'],
  'offer:view': [[42], 'offer:view:42'],
  'buy:item': [[42, 7], 'buy:item:42:7'],
  'buy:qty': [[42, 7, 2], 'buy:qty:42:7:2'],
  'buy:confirm': [[42, 7, 2], 'buy:confirm:42:7:2'],
  // Issue 18
  'buy:pay': [[42, 7, 2], 'buy:pay:42:7:2'],
  'venue:payments': [[1], 'venue:payments:1'],
  'buy:abort': [[], 'buy:abort'],
  'reservation:cancel': [[12], 'reservation:cancel:12'],
  'reservation:pickup': [[12], 'reservation:pickup:12'],
  'reservations:mine': [[], 'reservations:mine'],
  'offers:mine': [['live', 1], 'offers:mine:live:1'],
  'offer:manage': [[42], 'offer:manage:42'],
  'offer:new': [[], 'offer:new'],
  'offer:confirm': [['withdraw', 42], 'offer:confirm:withdraw:42'],
  'offer:repeat': [[42], 'offer:repeat:42'],
  'offer:drop': [[42], 'offer:drop:42'],
  'desk:day': [[], 'desk:day'],
  'desk:offer': [[42, 1], 'desk:offer:42:1'],
  'desk:pickup': [[12, 0], 'desk:pickup:12:0'],
  'desk:noshow': [[12, 0], 'desk:noshow:12:0'],
  'desk:undo': [[12, 0], 'desk:undo:12:0'],
  'reservation:undo': [[12], 'reservation:undo:12'],
  'venue:profile': [[], 'venue:profile'],
  'venue:edit': [['address'], 'venue:edit:address'],
  'change:approve': [[3], 'change:approve:3'],
  'change:revert': [[3], 'change:revert:3'],
  'staff:list': [[], 'staff:list'],
  'staff:invite': [[], 'staff:invite'],
  'staff:remove': [[2001], 'staff:remove:2001'],
  'drops:list': [[], 'drops:list'],
  'drop:stop': [[5], 'drop:stop:5'],
  'drop:days': [['weekdays'], 'drop:days:weekdays'],
  'drop:lead': [[120], 'drop:lead:120'],
  'drop:create': [[], 'drop:create'],
  'edit:field': [['window'], 'edit:field:window'],
  'edit:item': [[7], 'edit:item:7'],
  'edit:remove': [[7], 'edit:remove:7'],
  'wiz:slot': [[1, 1080, 1200], 'wiz:slot:1:1080:1200'],
  // Issue 14
  'follow:add': [[3], 'follow:add:3'],
  'follow:remove': [[3], 'follow:remove:3'],
  'settings:mute': [[1], 'settings:mute:1'],
  'settings:quiet': [[2], 'settings:quiet:2'],
  'search:new': [[], 'search:new'],
  'search:radius': [[2000], 'search:radius:2000'],
  'search:save': [[2000, 500], 'search:save:2000:500'],
  'search:delete': [[], 'search:delete'],
  'rate:stars': [[12, 4], 'rate:stars:12:4'],
  'noshow:collected': [[12], 'noshow:collected:12'],
  'noshow:missed': [[12], 'noshow:missed:12'],
  // Issue 17
  'found:page': [[1], 'found:page:1'],
  'offer:photo': [[42], 'offer:photo:42'],
  'offer:map': [[42], 'offer:map:42'],
  'location:ask': [[], 'location:ask'],
  'reservation:map': [[12], 'reservation:map:12'],
  'language:set': [['de'], 'language:set:de'],
} satisfies { [K in CallbackKind]: [CallbackArgs<K>, string] };

const kinds = Object.entries(wire) as Array<[CallbackKind, [never, string]]>;

describe('callback data', () => {
  it.each(kinds)('writes %s exactly as the buttons already in chats carry it', (kind, [args, data]) => {
    expect(encodeCallback(kind, ...(args as CallbackArgs<typeof kind>))).toBe(data);
  });

  it.each(kinds)('reads %s back as the kind and arguments it was written from', (kind, [args, data]) => {
    expect(decodeCallback(data)).toEqual({ kind, args });
  });

  it.each(kinds)('matches %s with its own trigger and no other kind’s', (kind, [, data]) => {
    for (const [other] of kinds) expect(callbackTrigger(other).test(data)).toBe(other === kind);
  });

  it.each([
    ['an unknown kind', 'offers:all:0'],
    ['a filter that is no filter', 'offers:mine:mine:0'],
    ['a field of the venue that can’t be edited', 'venue:edit:status'],
    ['a word instead of an id', 'offer:publish:abc'],
    ['a missing id', 'offer:view'],
    ['an extra argument', 'offer:view:42:1'],
    ['a list that is no list', 'offer:view:42:mine:0'],
    ['a zero id', 'offer:view:0'],
    ['a negative page', 'browse:page:-1'],
    ['a quantity above 99', 'buy:qty:42:7:100'],
    ['six stars', 'rate:stars:12:6'],
    ['a radius of 10 m', 'search:radius:10'],
    ['a language the bot doesn’t speak', 'language:set:fr'],
    ['more than 64 bytes', `buy:item:${'9'.repeat(60)}`],
    ['nothing', ''],
  ])('reads %s as no button of ours', (_label, data) => {
    expect(decodeCallback(data)).toBeNull();
  });
});
