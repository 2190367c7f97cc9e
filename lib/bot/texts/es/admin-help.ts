import type * as en from '../en/admin-help.js';
import { languageChoiceTexts } from './language-choice.js';

/** `/help` para admins: todo lo que hace la consola, agrupado como lo piensa un admin. HTML. */
export const adminHelp: typeof en.adminHelp = () => `<b>Consola de admin</b>

<b>Revisión</b>
/pending — locales pendientes de revisión, con ✅ Verificar, 🚫 Rechazar y ✏️ Pedir cambios debajo de cada uno
/verify &lt;id&gt; — verifica un local; el dueño recibe el menú del local
/reject &lt;id&gt; &lt;motivo&gt; — lo rechaza; el dueño lee el motivo

<b>Locales</b>
/venues [pending|changes|verified|rejected|suspended] [texto] — busca locales por estado, nombre o dirección
/venue &lt;id&gt; — su ficha: estado, ofertas, reservas, últimas entradas del historial y botones para actuar
/suspend &lt;id&gt; &lt;motivo&gt; — retira sus ofertas activas (se avisa a quienes tienen reservas) y lo suspende
/unsuspend &lt;id&gt; — lo vuelve a verificar y devuelve al dueño el menú del local
/timezone &lt;id&gt; &lt;zona&gt; — la zona horaria en la que se escriben y se muestran sus horarios de recogida (p. ej. Asia/Tokyo), si su ubicación lleva a otra

<b>Ofertas y clientes</b>
/takedown &lt;id de oferta&gt; &lt;motivo&gt; — retira cualquier oferta; se avisa al local y a quienes tienen reservas
/block &lt;id de usuario&gt; &lt;motivo&gt; — impide que un cliente reserve (se le avisa una vez, con educación)
/unblock &lt;id de usuario&gt; — le deja volver a reservar

<b>Cifras e historial</b>
/stats [today|7d|30d] — ofertas, unidades, tasa de recogida, dinero, comida salvada, personas activas, locales destacados
/audit &lt;venue|offer|reservation|user&gt; &lt;id&gt; — las últimas 20 entradas, en palabras

<b>Alertas</b>
Escribo a todos los admins, como mucho una vez por tipo cada 15 minutos, cuando se acumulan errores (más de 10 por minuto), falta una llamada de vencimiento, un aviso sigue sin entregarse tras una hora o falla el chequeo de salud.

/language — ${languageChoiceTexts.commandDescription}
/offers — las ofertas tal como las ven los clientes · /cancel — detiene lo que estés haciendo`;
