-- Issue 14: customers come back. Follows and their deal alerts (an outbox per offer and recipient), deal-alert settings,
-- saved searches, ratings, no-show strikes and channel posts. Written by hand; names match db/schema.ts.
CREATE TYPE "public"."deal_alert_status" AS ENUM('pending', 'sent', 'blocked', 'failed', 'skipped');--> statement-breakpoint
CREATE TABLE "follows" (
	"customer_id" bigint NOT NULL,
	"venue_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_customer_id_venue_id_pk" PRIMARY KEY("customer_id","venue_id")
);
--> statement-breakpoint
CREATE TABLE "deal_alert_settings" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"muted" boolean DEFAULT false NOT NULL,
	"quiet_start" smallint DEFAULT 1320 NOT NULL,
	"quiet_end" smallint DEFAULT 480 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_alert_settings_quiet_range" CHECK ("deal_alert_settings"."quiet_start" BETWEEN 0 AND 1439 AND "deal_alert_settings"."quiet_end" BETWEEN 0 AND 1439)
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" bigint NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"radius_m" integer NOT NULL,
	"max_price" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_searches_lat_range" CHECK ("saved_searches"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "saved_searches_lon_range" CHECK ("saved_searches"."longitude" BETWEEN -180 AND 180),
	CONSTRAINT "saved_searches_radius_range" CHECK ("saved_searches"."radius_m" BETWEEN 100 AND 50000),
	CONSTRAINT "saved_searches_max_price_positive" CHECK ("saved_searches"."max_price" IS NULL OR "saved_searches"."max_price" > 0)
);
--> statement-breakpoint
CREATE TABLE "deal_alert_fanouts" (
	"offer_id" bigint PRIMARY KEY NOT NULL,
	"recipients" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"offer_id" bigint NOT NULL,
	"venue_id" bigint NOT NULL,
	"recipient_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"local_day" date NOT NULL,
	"distance_m" integer,
	"status" "deal_alert_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_alerts_reason" CHECK ("deal_alerts"."reason" IN ('follow', 'search'))
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reservation_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"venue_id" bigint NOT NULL,
	"stars" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_stars_range" CHECK ("ratings"."stars" BETWEEN 1 AND 5),
	CONSTRAINT "ratings_comment_length" CHECK ("ratings"."comment" IS NULL OR char_length("ratings"."comment") <= 500)
);
--> statement-breakpoint
CREATE TABLE "strikes" (
	"reservation_id" bigint PRIMARY KEY NOT NULL,
	"customer_id" bigint NOT NULL,
	"venue_id" bigint NOT NULL,
	"missed_at" timestamp with time zone NOT NULL,
	"counted" boolean DEFAULT false NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_posts" (
	"offer_id" bigint PRIMARY KEY NOT NULL,
	"chat_id" text NOT NULL,
	"message_id" integer,
	"shown" text NOT NULL,
	"has_photo" boolean DEFAULT false NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_alert_settings" ADD CONSTRAINT "deal_alert_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_alert_fanouts" ADD CONSTRAINT "deal_alert_fanouts_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_alerts" ADD CONSTRAINT "deal_alerts_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_alerts" ADD CONSTRAINT "deal_alerts_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strikes" ADD CONSTRAINT "strikes_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strikes" ADD CONSTRAINT "strikes_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_posts" ADD CONSTRAINT "channel_posts_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follows_venue_idx" ON "follows" USING btree ("venue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_searches_customer_uq" ON "saved_searches" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_alerts_offer_recipient_uq" ON "deal_alerts" USING btree ("offer_id","recipient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_alerts_search_daily_uq" ON "deal_alerts" USING btree ("recipient_id","venue_id","local_day") WHERE "deal_alerts"."reason" = 'search';--> statement-breakpoint
CREATE INDEX "deal_alerts_due_idx" ON "deal_alerts" USING btree ("offer_id","next_attempt_at") WHERE "deal_alerts"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_reservation_uq" ON "ratings" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "ratings_venue_idx" ON "ratings" USING btree ("venue_id","created_at");--> statement-breakpoint
CREATE INDEX "strikes_customer_idx" ON "strikes" USING btree ("customer_id","missed_at");
