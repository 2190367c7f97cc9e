-- Issue 18, pay in chat (optional): Telegram Payments with Stripe, refunds; cash stays the default. Written by hand;
-- names match the issue 18 section of db/schema.ts.
-- A venue opts in from /venue; without PAYMENT_PROVIDER_TOKEN nothing reads it.
ALTER TABLE "venues" ADD COLUMN "accepts_online_payment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Units held for 10 minutes while an invoice is open. Migrations run in one transaction, where a value an
-- ALTER TYPE adds can't be used yet, so the live indexes below name the live states by exclusion.
ALTER TYPE "public"."reservation_status" ADD VALUE 'pending_payment';--> statement-breakpoint
-- A hold takes a slot and a pickup code like a reservation (it counts toward the cap of 3).
DROP INDEX "reservations_live_code_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_live_code_uq" ON "reservations" USING btree ("pickup_code") WHERE "reservations"."status" NOT IN ('picked_up', 'cancelled', 'no_show');--> statement-breakpoint
DROP INDEX "reservations_live_slot_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_live_slot_uq" ON "reservations" USING btree ("customer_id","slot") WHERE "reservations"."status" NOT IN ('picked_up', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."payment_state" AS ENUM('awaiting', 'paid', 'expired');--> statement-breakpoint
-- One invoice per reservation: its payload is the reservation's idempotency key.
CREATE TABLE "payments" (
	"reservation_id" bigint PRIMARY KEY NOT NULL,
	"customer_id" bigint NOT NULL,
	"invoice_payload" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"hold_until" timestamp with time zone NOT NULL,
	"state" "payment_state" DEFAULT 'awaiting' NOT NULL,
	"invoice_message_id" integer,
	"telegram_payment_charge_id" text,
	"provider_payment_charge_id" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_paid_has_charge" CHECK (("payments"."state" = 'paid') = ("payments"."telegram_payment_charge_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_payload_uq" ON "payments" USING btree ("invoice_payload");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_telegram_charge_uq" ON "payments" USING btree ("telegram_payment_charge_id");--> statement-breakpoint
CREATE INDEX "payments_awaiting_idx" ON "payments" USING btree ("hold_until") WHERE "payments"."state" = 'awaiting';--> statement-breakpoint
-- The refunds outbox: written in the same statement as the cancellation, withdrawal or late payment that owes it,
-- delivered to Stripe by the `refund` job and the sweep with a stable Idempotency-Key. One refund per charge.
CREATE TYPE "public"."refund_state" AS ENUM('requested', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reservation_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"telegram_payment_charge_id" text NOT NULL,
	"provider_payment_charge_id" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"state" "refund_state" DEFAULT 'requested' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"stripe_refund_id" text,
	"last_error" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0),
	CONSTRAINT "refunds_reason" CHECK ("refunds"."reason" IN ('cancelled', 'withdrawn', 'late_payment', 'duplicate_charge'))
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_charge_uq" ON "refunds" USING btree ("telegram_payment_charge_id");--> statement-breakpoint
CREATE INDEX "refunds_reservation_idx" ON "refunds" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "refunds_due_idx" ON "refunds" USING btree ("next_attempt_at") WHERE "refunds"."state" = 'requested';
