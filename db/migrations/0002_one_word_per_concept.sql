-- One word per concept (docs/glossary.md): a purchase is a reservation, a cancelled offer is withdrawn.
-- Renames only: no row moves, and every index and constraint keeps working under its new name.
ALTER TABLE "purchases" RENAME TO "reservations";--> statement-breakpoint
ALTER SEQUENCE "purchases_id_seq" RENAME TO "reservations_id_seq";--> statement-breakpoint
ALTER TABLE "reservations" RENAME CONSTRAINT "purchases_pkey" TO "reservations_pkey";--> statement-breakpoint
ALTER TYPE "public"."purchase_status" RENAME TO "reservation_status";--> statement-breakpoint
ALTER TYPE "public"."offer_status" RENAME VALUE 'cancelled' TO 'withdrawn';--> statement-breakpoint
ALTER INDEX "purchases_customer_idx" RENAME TO "reservations_customer_idx";--> statement-breakpoint
ALTER INDEX "purchases_offer_idx" RENAME TO "reservations_offer_idx";--> statement-breakpoint
ALTER INDEX "purchases_live_code_uq" RENAME TO "reservations_live_code_uq";--> statement-breakpoint
ALTER INDEX "purchases_live_slot_uq" RENAME TO "reservations_live_slot_uq";--> statement-breakpoint
ALTER TABLE "reservations" RENAME CONSTRAINT "purchases_quantity_positive" TO "reservations_quantity_positive";--> statement-breakpoint
ALTER TABLE "reservations" RENAME CONSTRAINT "purchases_slot_range" TO "reservations_slot_range";--> statement-breakpoint
ALTER TABLE "reservations" RENAME CONSTRAINT "purchases_customer_id_users_id_fk" TO "reservations_customer_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "reservations" RENAME CONSTRAINT "purchases_offer_id_offers_id_fk" TO "reservations_offer_id_offers_id_fk";--> statement-breakpoint
ALTER TABLE "reservations" RENAME CONSTRAINT "purchases_item_id_offer_items_id_fk" TO "reservations_item_id_offer_items_id_fk";--> statement-breakpoint
ALTER TABLE "notices" RENAME COLUMN "purchase_id" TO "reservation_id";--> statement-breakpoint
ALTER INDEX "notices_purchase_kind_uq" RENAME TO "notices_reservation_kind_uq";--> statement-breakpoint
ALTER TABLE "notices" RENAME CONSTRAINT "notices_purchase_id_purchases_id_fk" TO "notices_reservation_id_reservations_id_fk";--> statement-breakpoint
-- The history and the idempotency records speak the same words, so old entries read like new ones.
UPDATE "audit_log" SET "entity" = 'reservation', "action" = replace("action", 'purchase.', 'reservation.') WHERE "entity" = 'purchase';--> statement-breakpoint
UPDATE "audit_log" SET "action" = 'offer.withdraw' WHERE "action" = 'offer.cancel';--> statement-breakpoint
UPDATE "audit_log" SET "data" = jsonb_set("data", '{to}', '"withdrawn"') WHERE "entity" = 'offer' AND "data"->>'to' = 'cancelled';--> statement-breakpoint
UPDATE "idempotency_keys" SET "outcome" = ("outcome" - 'purchase_id') || jsonb_build_object('reservation_id', "outcome"->'purchase_id') WHERE "outcome" ? 'purchase_id';--> statement-breakpoint
UPDATE "idempotency_keys" SET "outcome" = jsonb_set("outcome", '{after}', '"withdrawn"') WHERE "outcome"->>'after' = 'cancelled';
