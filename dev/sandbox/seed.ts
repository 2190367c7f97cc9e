import sharp from 'sharp';
import type { Deps } from '../../lib/deps.js';
import { offerPublished } from '../../lib/jobs/offer-events.js';
import { transitionOffer } from '../../lib/marketplace/offer-transitions.js';
import { createOffer } from '../../lib/marketplace/offers.js';
import { setOnlinePayment } from '../../lib/marketplace/venue-payments.js';
import { registerVenue, reviewVenue } from '../../lib/marketplace/venues.js';
import type { BotApiEmulator } from './bot-api-emulator.js';
import { adminPersona } from './personas.js';

/** A generated food-ish picture: a warm gradient with the offer's name on it. */
async function picture(title: string, from: string, to: string): Promise<Buffer> {
  const label = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="960" height="720" fill="url(#g)"/>
    <circle cx="480" cy="330" r="170" fill="#fff" opacity="0.25"/>
    <text x="480" y="600" font-family="sans-serif" font-size="64" fill="#fff" text-anchor="middle">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

const venues = [
  {
    ownerId: 3001,
    name: 'Bäckerei Sonnenschein',
    address: 'Torstraße 12, Berlin',
    latitude: 52.5291,
    longitude: 13.4011,
    acceptsOnlinePayment: true,
    offer: {
      title: 'Evening bread bag',
      colors: ['#c8742c', '#7a3e12'],
      items: [
        { name: 'Bread bag', originalPrice: 1200, price: 400, quantity: 6 },
        { name: 'Pastry box', originalPrice: 900, price: 350, quantity: 4 },
      ],
    },
  },
  {
    ownerId: 3002,
    name: 'Green Bowl Kitchen',
    address: 'Oranienstraße 45, Berlin',
    latitude: 52.5017,
    longitude: 13.4186,
    offer: {
      title: 'Salad & soup rescue',
      colors: ['#3d9b5a', '#1d4d2c'],
      items: [
        { name: 'Salad bowl', originalPrice: 1090, price: 450, quantity: 5 },
        { name: 'Soup of the day', originalPrice: 650, price: 250, quantity: 8 },
      ],
    },
  },
];

/** Two verified venues with live offers (photos included), so browsing works at once, and one to review. */
export async function seedDemo(deps: Deps, telegram: BotApiEmulator): Promise<void> {
  const now = deps.clock.now();
  for (const venue of venues) {
    const registered = await registerVenue(deps.db, {
      ownerId: venue.ownerId,
      ownerFirstName: venue.name.split(' ')[0]!,
      name: venue.name,
      address: venue.address,
      latitude: venue.latitude,
      longitude: venue.longitude,
      phone: '+49 30 0000000',
      description: 'Demo venue',
    });
    await reviewVenue(deps.db, { venueId: registered.id, adminId: adminPersona.id, decision: 'verify' });
    // Issue 18: the bakery takes online payment (💳 Pay now, an invoice with Pay (test)); the other takes cash.
    if (venue.acceptsOnlinePayment) await setOnlinePayment(deps.db, { ownerId: venue.ownerId, accept: true });
    const photo = telegram.addFile(
      await picture(venue.offer.title, ...(venue.offer.colors as [string, string])),
    );
    const offer = await createOffer(deps.db, {
      ownerId: venue.ownerId,
      title: venue.offer.title,
      photoFileId: photo,
      pickupStart: new Date(now.getTime() + 30 * 60_000),
      pickupEnd: new Date(now.getTime() + 3 * 3_600_000),
      items: venue.offer.items,
    });
    const published = await transitionOffer(deps.db, {
      idempotencyKey: `seed:publish:${offer.id}`,
      offerId: offer.id,
      ownerId: venue.ownerId,
      action: 'publish',
      now,
    });
    // As any publish: its expiry, alerts and channel post (issue 14) are scheduled.
    await offerPublished(deps, { id: offer.id, pickupEnd: published.pickupEnd });
  }
  // Issue 16: one venue waiting for review, so the admin (Ada) has a card to verify, reject or send back.
  await registerVenue(deps.db, {
    ownerId: 3003,
    ownerFirstName: 'Mia',
    name: 'Café Morgenrot',
    address: 'Kastanienallee 5, Berlin',
    latitude: 52.5386,
    longitude: 13.4098,
    phone: '+49 30 0000003',
    description: 'Breakfast pastries and coffee beans, left over at closing',
    photoFileId: telegram.addFile(await picture('Café Morgenrot', '#d96c4a', '#7d2e1b')),
  });
  deps.log.info('sandbox_seeded', { venues: venues.length + 1 });
}
