-- Issue 17: the language a person chose with /language (null: not chosen, so Telegram's language_code, kept in
-- users.language_code, decides). Jobs read it to write to each recipient in theirs. Written by hand; names match
-- db/schema.ts. A new language is one more value: ALTER TYPE "public"."language" ADD VALUE 'fr'.
CREATE TYPE "public"."language" AS ENUM('en', 'de', 'es', 'ru');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" "language";
