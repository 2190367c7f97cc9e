CREATE TYPE "public"."notice_status" AS ENUM('pending', 'sent', 'blocked', 'failed');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"outcome" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recipient_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"purchase_id" bigint NOT NULL,
	"status" "notice_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "slot" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_purchase_kind_uq" ON "notices" USING btree ("purchase_id","kind");--> statement-breakpoint
CREATE INDEX "notices_pending_idx" ON "notices" USING btree ("next_attempt_at") WHERE "notices"."status" = 'pending';--> statement-breakpoint
-- Existing live reservations get distinct slots before the index that keeps them distinct.
UPDATE "purchases" AS p SET "slot" = r.n
FROM (SELECT "id", row_number() OVER (PARTITION BY "customer_id" ORDER BY "id") AS n FROM "purchases" WHERE "status" = 'reserved') AS r
WHERE p."id" = r."id";--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_live_slot_uq" ON "purchases" USING btree ("customer_id","slot") WHERE "purchases"."status" = 'reserved';--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_slot_range" CHECK ("purchases"."slot" BETWEEN 1 AND 10);