import type * as en from '../en/admin-help.js';
import { languageChoiceTexts } from './language-choice.js';

/** `/help` for admins: everything the console does, grouped as an admin thinks of it. HTML. */
export const adminHelp: typeof en.adminHelp = () => `<b>Admin-Konsole</b>

<b>Prüfen</b>
/pending — Betriebe, die auf Prüfung warten, jeweils mit ✅ Verifizieren, 🚫 Ablehnen und ✏️ Änderungen anfordern
/verify &lt;id&gt; — Betrieb verifizieren; der Inhaber bekommt das Betriebsmenü
/reject &lt;id&gt; &lt;Grund&gt; — ablehnen; der Inhaber bekommt den Grund zu lesen

<b>Betriebe</b>
/venues [pending|changes|verified|rejected|suspended] [Text] — Betriebe nach Status, Name oder Adresse finden
/venue &lt;id&gt; — seine Karte: Status, Angebote, Reservierungen, letzte Verlaufseinträge und Buttons zum Handeln
/suspend &lt;id&gt; &lt;Grund&gt; — aktive Angebote zurückziehen (wer reserviert hat, wird informiert) und den Betrieb sperren
/unsuspend &lt;id&gt; — wieder verifizieren und dem Inhaber das Betriebsmenü zurückgeben
/timezone &lt;id&gt; &lt;Zone&gt; — die Zeitzone, in der seine Abholzeiten eingegeben und angezeigt werden (z. B. Asia/Tokyo), falls sein Standort in die falsche führt

<b>Angebote und Kundschaft</b>
/takedown &lt;Angebots-ID&gt; &lt;Grund&gt; — beliebiges Angebot zurückziehen; Betrieb und wer reserviert hat, werden informiert
/block &lt;Nutzer-ID&gt; &lt;Grund&gt; — jemanden vom Reservieren ausschließen (einmal und höflich informiert)
/unblock &lt;Nutzer-ID&gt; — wieder reservieren lassen

<b>Zahlen und Verlauf</b>
/stats [today|7d|30d] — Angebote, Stück, Abholquote, Einnahmen, gerettetes Essen, aktive Leute, Top-Betriebe
/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt; — die letzten 20 Einträge, in Worten

<b>Warnungen</b>
Ich schreibe allen Admins, höchstens einmal pro Art alle 15 Minuten, wenn sich Fehler häufen (über 10 pro Minute), ein Ablauf-Callback fehlt, eine Benachrichtigung nach einer Stunde noch nicht zugestellt ist oder der Health-Check fehlschlägt.

/language — ${languageChoiceTexts.commandDescription}
/offers — Angebote, wie die Kundschaft sie sieht · /cancel — bricht ab, was du gerade machst`;
