-- Reserved for issue 14: its schema changes, written by hand (drizzle-kit's snapshot is refreshed after).
SELECT 1;
