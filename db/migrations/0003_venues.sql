-- One word per concept (docs/glossary.md): a business is a venue, in the schema as in every text.
ALTER TABLE "businesses" RENAME TO "venues";--> statement-breakpoint
ALTER SEQUENCE "businesses_id_seq" RENAME TO "venues_id_seq";--> statement-breakpoint
ALTER TABLE "venues" RENAME CONSTRAINT "businesses_pkey" TO "venues_pkey";--> statement-breakpoint
ALTER TYPE "public"."business_status" RENAME TO "venue_status";--> statement-breakpoint
ALTER INDEX "businesses_owner_uq" RENAME TO "venues_owner_uq";--> statement-breakpoint
ALTER INDEX "businesses_status_idx" RENAME TO "venues_status_idx";--> statement-breakpoint
ALTER TABLE "venues" RENAME CONSTRAINT "businesses_lat_range" TO "venues_lat_range";--> statement-breakpoint
ALTER TABLE "venues" RENAME CONSTRAINT "businesses_lon_range" TO "venues_lon_range";--> statement-breakpoint
ALTER TABLE "venues" RENAME CONSTRAINT "businesses_owner_id_users_id_fk" TO "venues_owner_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "offers" RENAME COLUMN "business_id" TO "venue_id";--> statement-breakpoint
ALTER INDEX "offers_business_idx" RENAME TO "offers_venue_idx";--> statement-breakpoint
ALTER TABLE "offers" RENAME CONSTRAINT "offers_business_id_businesses_id_fk" TO "offers_venue_id_venues_id_fk";--> statement-breakpoint
UPDATE "audit_log" SET "entity" = 'venue', "action" = replace("action", 'business.', 'venue.') WHERE "entity" = 'business';
