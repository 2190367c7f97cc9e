import type * as en from '../en/bot-profile.js';

/** Issue 17: что Telegram показывает о боте до первого сообщения (задаёт `npm run setup`). */
export const botProfile: typeof en.botProfile = {
  description:
    'Спасайте хорошую еду из ресторанов и магазинов рядом — со скидкой. Смотрите предложения на сегодняшний вечер, бронируйте в чате, платите при получении. Заведениям: /register, чтобы продавать излишки.',
  shortDescription: 'Излишки еды рядом со скидкой — бронь в чате, оплата при получении.',
};
