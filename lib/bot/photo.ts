import type { Message } from 'telegraf/types';
import type { ImageRejectReason } from '../infra/images.js';
import type { BotContext } from './context.js';
import { photoRejected } from './texts/photos.js';

/** sharp is loaded on the first photo, not on every cold start (most updates carry no photo). */
const images = () => import('../infra/images.js');

/** Telegram's Bot API serves files up to 20 MB through getFile. */
const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** The file to fetch from a photo message (largest size we may download) or an image sent as a file. */
function incomingImage(message: Message | undefined): { fileId: string; size?: number } | null {
  if (!message) return null;
  if ('photo' in message && message.photo.length > 0) {
    const fitting = message.photo.filter((p) => (p.file_size ?? 0) <= TELEGRAM_DOWNLOAD_LIMIT);
    const largest = fitting.at(-1) ?? message.photo[0]!;
    return { fileId: largest.file_id, size: largest.file_size };
  }
  if ('document' in message && message.document.mime_type?.startsWith('image/')) {
    return { fileId: message.document.file_id, size: message.document.file_size };
  }
  return null;
}

/**
 * Downloads the photo a user sent, cleans it (rotate, strip metadata incl. GPS, resize, JPEG) and sends
 * the result back as a preview; Telegram then stores it and the returned file_id is what we keep.
 * Throws ImageRejected with a message for the user when the file is not usable.
 */
export async function receivePhoto(ctx: BotContext, caption: string): Promise<string> {
  const { downloadTelegramFile, ImageRejected, processPhoto } = await images();
  const image = incomingImage(ctx.message);
  if (!image) throw new ImageRejected('not_an_image');
  if ((image.size ?? 0) > TELEGRAM_DOWNLOAD_LIMIT) throw new ImageRejected('too_large_bytes');
  await ctx.sendChatAction('upload_photo').catch(() => {});
  const file = await ctx.telegram.getFile(image.fileId);
  if (!file.file_path) throw new ImageRejected('too_large_bytes');
  const bytes = await downloadTelegramFile(
    ctx.deps.config.telegramApiRoot,
    ctx.telegram.token,
    file.file_path,
    TELEGRAM_DOWNLOAD_LIMIT,
  );
  const { jpeg } = await processPhoto(bytes);
  const sent = await ctx.replyWithPhoto({ source: jpeg, filename: 'photo.jpg' }, { caption });
  return sent.photo.at(-1)!.file_id;
}

/** The user-facing reason for a photo we could not use; anything that is not about the photo is rethrown. */
export function photoProblem(error: unknown): string {
  // By name: importing ImageRejected would load sharp's module on every cold start.
  if (error instanceof Error && error.name === 'ImageRejected') {
    return photoRejected[(error as Error & { reason: ImageRejectReason }).reason];
  }
  throw error;
}
