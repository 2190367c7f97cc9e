/** `/command <id> [rest]` (`#12` works too): the id and, when given, the rest of the line trimmed. */
export const idArgument = (text: string) => {
  const match = text.match(/^\/\w+(?:@\w+)?\s+#?(\d{1,15})(?:\s+([\s\S]+))?$/);
  return match ? { id: Number(match[1]), rest: match[2]?.trim() } : null;
};

/** The words after the command, split on whitespace (none for a bare command). */
export const wordsAfterCommand = (text: string) => text.trim().split(/\s+/).slice(1);

/** Reasons an owner or customer will read: long enough to mean something, short enough to read. */
const REASON_LENGTH = { min: 3, max: 300 } as const;
export const isReason = (text: string | undefined): text is string =>
  text !== undefined && text.length >= REASON_LENGTH.min && text.length <= REASON_LENGTH.max;
