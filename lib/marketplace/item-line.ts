import { parseMoney } from './money.js';
import { type ItemDraft, type ItemProblem, itemProblem } from './offers.js';

export type ItemLineResult = { ok: true; item: ItemDraft } | { ok: false; problem: ItemProblem };

/** A weight as typed: "0.4 kg", "0,4kg", "350 g", "1kg" → grams; null when it isn't one. */
export function parseWeight(text: string): number | null {
  const match = text
    .trim()
    .toLowerCase()
    .match(/^(\d{1,5})(?:[.,](\d{1,3}))?\s*(kg|g)$/);
  if (!match) return null;
  const value = Number(`${match[1]}.${match[2] ?? '0'}`);
  const grams = Math.round(match[3] === 'kg' ? value * 1000 : value);
  return grams > 0 ? grams : null;
}

/**
 * One item as typed on a phone: `name, original price, discounted price, quantity`, e.g.
 * `Veggie box, 12.50, 4.00, 5`, optionally followed by a weight per unit (`…, 5, 0.4 kg`). Separators are
 * ", " (comma + space), ";" or "|", so a decimal comma (`12,50`) still works; without spaces (`Box,12.50,4,5`)
 * every comma separates. The name may itself contain commas: the last fields are the numbers.
 */
export function parseItemLine(line: string): ItemLineResult {
  let parts = line.split(/\s*[;|]\s*|,\s+/).map((p) => p.trim());
  if (parts.length < 4) parts = line.split(',').map((p) => p.trim());
  const unitWeightGrams = parts.length >= 5 ? parseWeight(parts.at(-1)!) : null;
  if (unitWeightGrams !== null) parts.pop();
  if (parts.length < 4) return { ok: false, problem: { code: 'item.parts_missing' } };
  const [quantityText, priceText, originalText] = [parts.pop()!, parts.pop()!, parts.pop()!];
  const name = parts.join(', ');
  const originalPrice = parseMoney(originalText);
  const price = parseMoney(priceText);
  if (originalPrice === null)
    return { ok: false, problem: { code: 'item.not_a_price', text: originalText, field: 'original' } };
  if (price === null)
    return { ok: false, problem: { code: 'item.not_a_price', text: priceText, field: 'discounted' } };
  if (!/^\d{1,4}$/.test(quantityText))
    return { ok: false, problem: { code: 'item.not_a_quantity', text: quantityText } };
  const item = { name, originalPrice, price, quantity: Number(quantityText), unitWeightGrams };
  const problem = itemProblem(item);
  return problem ? { ok: false, problem } : { ok: true, item };
}
