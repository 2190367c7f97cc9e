-- Issue 17: every venue in its own time zone. The IANA zone of the venue's location (looked up offline by the app),
-- or one an admin set with /timezone; null for a venue without a location, which uses the deployment's TIMEZONE.
-- Venues registered before this migration are filled from their location by `npm run db:migrate`
-- (backfillVenueZones in lib/marketplace/time-zones.ts): SQL can't look a zone up. Written by hand.
ALTER TABLE "venues" ADD COLUMN "time_zone" text;
