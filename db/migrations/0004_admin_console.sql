-- Issue 16, the admin console. Written by hand (drizzle-kit's snapshot is refreshed after); names match db/schema.ts.
-- An admin can send a registration back to its owner with what to fix; the owner's answers resubmit it.
ALTER TYPE "public"."venue_status" ADD VALUE 'changes_requested' AFTER 'pending';--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "change_request" text;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
-- Barred by an admin (/block): can't reserve. Not `blocked_at`, which means the person blocked the bot.
ALTER TABLE "users" ADD COLUMN "barred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "bar_reason" text;--> statement-breakpoint
-- Food saved in kilograms, where the venue states a weight per unit.
ALTER TABLE "offer_items" ADD COLUMN "unit_weight_grams" integer;--> statement-breakpoint
ALTER TABLE "offer_items" ADD CONSTRAINT "offer_items_unit_weight_positive" CHECK ("offer_items"."unit_weight_grams" IS NULL OR "offer_items"."unit_weight_grams" > 0);--> statement-breakpoint
-- /stats reads a period of reservations from this index alone (docs/admin.md shows the plan).
CREATE INDEX "reservations_created_idx" ON "reservations" USING btree ("created_at","item_id","customer_id","status","quantity","unit_price");--> statement-breakpoint
CREATE INDEX "offers_published_idx" ON "offers" USING btree ("published_at","venue_id");
