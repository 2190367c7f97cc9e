/** Money is integer minor units (cents) everywhere; text is parsed and formatted only at the edges. */

/** "12.50", "12,5", "12" → 1250. Null when it is not a positive amount with at most two decimals. */
export function parseMoney(text: string): number | null {
  const match = text
    .trim()
    .replace(/^[€$£]\s*|\s*[€$£]$/g, '')
    .match(/^(\d{1,6})(?:[.,](\d{1,2}))?$/);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

/** Whole-percent discount, rounded down so we never overstate it. */
export function discountPercent(original: number, price: number): number {
  return original > 0 ? Math.floor(((original - price) / original) * 100) : 0;
}
