import { Composer } from 'telegraf';
import { type AuditSubject, auditTrail } from '../../marketplace/audit-trail.js';
import { marketplaceStats, STATS_PERIODS, type StatsPeriod } from '../../marketplace/stats.js';
import { adminOnly } from '../admin-only.js';
import { buttonAction } from '../button-action.js';
import { wordsAfterCommand } from '../command-args.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { html } from '../html.js';
import { statsKeyboard } from '../keyboards/admin.js';
import { auditText, insightTexts, statsText } from '../texts/admin-insight.js';

/** Admins read the numbers (`/stats [today|7d|30d]`) and the history of anything (`/audit <subject> <id>`). */
export const adminInsightFeature = new Composer<BotContext>();

async function statsMessage(ctx: BotContext, period: StatsPeriod) {
  const { deps } = ctx;
  const stats = await marketplaceStats(deps.db, {
    period,
    now: deps.clock.now(),
    timezone: deps.config.timezone,
  });
  return {
    text: statsText(stats, period, deps.config.currency),
    extra: { ...html, ...statsKeyboard(period) },
  };
}

adminInsightFeature.command(
  'stats',
  adminOnly(async (ctx) => {
    const [word, ...rest] = wordsAfterCommand(ctx.text ?? '');
    const period = (word ?? 'today').toLowerCase() as StatsPeriod;
    if (rest.length > 0 || !STATS_PERIODS.includes(period))
      return void (await ctx.reply(insightTexts.statsUsage, html));
    const { text, extra } = await statsMessage(ctx, period);
    await ctx.reply(text, extra);
  }),
);

// The other periods replace the numbers in place.
buttonAction(
  adminInsightFeature,
  'stats:period',
  adminOnly(async (ctx, [period]) => {
    await ctx.answerCbQuery();
    const { text, extra } = await statsMessage(ctx, period);
    await editOrReply(ctx, text, extra);
  }),
);

/** What an admin may call each subject; "purchase" is the old word for a reservation (docs/glossary.md). */
const subjects: Record<string, AuditSubject> = {
  venue: 'venue',
  business: 'venue',
  offer: 'offer',
  reservation: 'reservation',
  purchase: 'reservation',
  user: 'user',
  customer: 'user',
};

async function showAudit(ctx: BotContext, subject: AuditSubject, id: number) {
  const { deps } = ctx;
  const lines = await auditTrail(deps.db, { subject, id, limit: 20 });
  if (lines.length === 0) return void (await ctx.reply(insightTexts.noAudit(subject, id)));
  await ctx.reply(
    auditText(subject, id, lines, { timezone: deps.config.timezone, adminIds: deps.config.adminIds }),
    html,
  );
}

adminInsightFeature.command(
  'audit',
  adminOnly(async (ctx) => {
    const words = wordsAfterCommand(ctx.text ?? '');
    const subject = subjects[words[0]?.toLowerCase() ?? ''];
    const id = /^#?\d{1,15}$/.test(words[1] ?? '') ? Number(words[1]!.replace('#', '')) : 0;
    if (!subject || id <= 0 || words.length !== 2)
      return void (await ctx.reply(insightTexts.auditUsage, html));
    await showAudit(ctx, subject, id);
  }),
);

for (const [kind, subject] of [
  ['audit:venue', 'venue'],
  ['audit:offer', 'offer'],
] as const) {
  buttonAction(
    adminInsightFeature,
    kind,
    adminOnly(async (ctx, [id]) => {
      await ctx.answerCbQuery();
      await showAudit(ctx, subject, id);
    }),
  );
}
