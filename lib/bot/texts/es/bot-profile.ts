import type * as en from '../en/bot-profile.js';

/** Issue 17: lo que Telegram muestra del bot antes de que nadie le hable (lo fija `npm run setup`). */
export const botProfile: typeof en.botProfile = {
  description:
    'Rescata buena comida de restaurantes y tiendas de tu zona con descuento. Mira las ofertas de esta noche, reserva en el chat y paga al recoger. Locales: /register para vender lo que les sobra.',
  shortDescription: 'Ofertas de comida sobrante cerca de ti: reserva en el chat, paga al recoger.',
};
