-- Issue 15, venues run their day in chat. Written by hand (drizzle-kit's snapshot is refreshed after); names match
-- the issue 15 section of db/schema.ts.
-- Staff: the owner stays venues.owner_id; the people who work the counter are memberships with a role.
CREATE TYPE "public"."venue_role" AS ENUM('owner', 'staff');--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"venue_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"role" "venue_role" DEFAULT 'staff' NOT NULL,
	"added_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_staff_only" CHECK ("memberships"."role" = 'staff')
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_uq" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_venue_idx" ON "memberships" USING btree ("venue_id");--> statement-breakpoint
CREATE TABLE "staff_invites" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"venue_id" bigint NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_by" bigint,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "staff_invites" ADD CONSTRAINT "staff_invites_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_invites_venue_idx" ON "staff_invites" USING btree ("venue_id","created_at");--> statement-breakpoint
-- A name or address edit awaits an admin's review; these keep what was approved (null when nothing awaits).
ALTER TABLE "venues" ADD COLUMN "approved_name" text;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "approved_address" text;--> statement-breakpoint
-- Recurring drops: a snapshot of an offer, published on the chosen weekdays until stopped.
CREATE TYPE "public"."drop_status" AS ENUM('active', 'stopped');--> statement-breakpoint
CREATE TABLE "drops" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"venue_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photo_file_id" text,
	"items" jsonb NOT NULL,
	"weekdays" smallint NOT NULL,
	"window_start" smallint NOT NULL,
	"window_end" smallint NOT NULL,
	"publish_at" smallint NOT NULL,
	"status" "drop_status" DEFAULT 'active' NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drops_weekdays_range" CHECK ("drops"."weekdays" BETWEEN 1 AND 127),
	CONSTRAINT "drops_window_order" CHECK (0 <= "drops"."window_start" AND "drops"."window_start" < "drops"."window_end" AND "drops"."window_end" <= 1440),
	CONSTRAINT "drops_publish_before_end" CHECK (0 <= "drops"."publish_at" AND "drops"."publish_at" < "drops"."window_end"),
	CONSTRAINT "drops_items_count" CHECK (jsonb_array_length("drops"."items") BETWEEN 1 AND 10)
);
--> statement-breakpoint
ALTER TABLE "drops" ADD CONSTRAINT "drops_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drops_due_idx" ON "drops" USING btree ("next_run_at") WHERE "drops"."status" = 'active';--> statement-breakpoint
CREATE INDEX "drops_venue_idx" ON "drops" USING btree ("venue_id","status");--> statement-breakpoint
-- The drop an offer was published by: one offer per drop and pickup start, however often a run is delivered.
ALTER TABLE "offers" ADD COLUMN "drop_id" bigint;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_drop_id_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."drops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "offers_drop_run_uq" ON "offers" USING btree ("drop_id","pickup_start") WHERE "offers"."drop_id" IS NOT NULL;--> statement-breakpoint
-- A pickup confirmed by mistake can be undone for a few minutes.
ALTER TABLE "reservations" ADD COLUMN "picked_up_at" timestamp with time zone;--> statement-breakpoint
-- The outbox also carries notices about a whole offer (the end-of-window summary to its venue).
ALTER TABLE "notices" ALTER COLUMN "reservation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "offer_id" bigint;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_one_subject" CHECK (("notices"."reservation_id" IS NULL) <> ("notices"."offer_id" IS NULL));--> statement-breakpoint
CREATE UNIQUE INDEX "notices_offer_kind_uq" ON "notices" USING btree ("offer_id","kind") WHERE "notices"."offer_id" IS NOT NULL;
