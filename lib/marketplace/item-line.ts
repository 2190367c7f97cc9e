import { parseMoney } from './money.js';
import { type ItemDraft, type ItemProblem, itemProblem } from './offers.js';

export type ItemLineResult = { ok: true; item: ItemDraft } | { ok: false; problem: ItemProblem };

/**
 * One item as typed on a phone: `name, original price, discounted price, quantity`, e.g.
 * `Veggie box, 12.50, 4.00, 5`. Separators are ", " (comma + space), ";" or "|", so a decimal comma
 * (`12,50`) still works; without spaces (`Box,12.50,4,5`) every comma separates. The name may itself
 * contain commas: the last three fields are the numbers.
 */
export function parseItemLine(line: string): ItemLineResult {
  let parts = line.split(/\s*[;|]\s*|,\s+/).map((p) => p.trim());
  if (parts.length < 4) parts = line.split(',').map((p) => p.trim());
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
  const item = { name, originalPrice, price, quantity: Number(quantityText) };
  const problem = itemProblem(item);
  return problem ? { ok: false, problem } : { ok: true, item };
}
