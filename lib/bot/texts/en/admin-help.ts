import { languageChoiceTexts } from './language-choice.js';

/** `/help` for admins: everything the console does, grouped as an admin thinks of it. HTML. */
export const adminHelp = () => `<b>Admin console</b>

<b>Review</b>
/pending — venues waiting for review, with ✅ Verify, 🚫 Reject and ✏️ Request changes under each
/verify &lt;id&gt; — verify a venue; the owner gets the venue menu
/reject &lt;id&gt; &lt;reason&gt; — reject it; the owner reads the reason

<b>Venues</b>
/venues [pending|changes|verified|rejected|suspended] [text] — find venues by status, name or address
/venue &lt;id&gt; — its card: status, offers, reservations, last audit entries, and buttons to act
/suspend &lt;id&gt; &lt;reason&gt; — withdraw its live offers (holders are told) and suspend it
/unsuspend &lt;id&gt; — verify it again and give the owner back the venue menu
/timezone &lt;id&gt; &lt;zone&gt; — the time zone its pickup times are typed and shown in (e.g. Asia/Tokyo), if its location misleads the lookup

<b>Offers and customers</b>
/takedown &lt;offer id&gt; &lt;reason&gt; — withdraw any offer; the venue and the holders are told
/block &lt;user id&gt; &lt;reason&gt; — stop a customer from reserving (told once, politely)
/unblock &lt;user id&gt; — let them reserve again

<b>Numbers and history</b>
/stats [today|7d|30d] — offers, units, pickup rate, cash, food saved, active people, top venues
/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt; — the last 20 entries, in words

<b>Alerts</b>
I message every admin, at most once per kind every 15 minutes, when errors pile up (over 10 a minute), an expiry callback went missing, a notice is undelivered after an hour, or the health check fails.

/language — ${languageChoiceTexts.commandDescription}
/offers — deals as customers see them · /cancel — stop whatever you are in the middle of`;
