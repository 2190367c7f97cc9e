import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The domain (lib/marketplace, lib/jobs) says what happened as codes and facts; every sentence a person
 * reads lives in lib/bot/texts. This scans the string and template literals of the domain's source (a small
 * tokenizer: typescript@7 has no JavaScript API) and fails on anything that reads like words for people.
 * Comments are not literals; SQL in sql`…` templates is not for people.
 */

interface Literal {
  text: string;
  line: number;
  /** The tag of a tagged template (`sql`, `String.raw`), if any. */
  tag?: string;
}

const keywordsBeforeRegex = new Set([
  'return',
  'typeof',
  'case',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
]);
const identifierChar = /[\w$]/;

/** Every string and template literal in `source`; `${…}` in a template reads as ` 0 ` in its text. */
function literalsOf(source: string): Literal[] {
  const found: Literal[] = [];
  let i = 0;
  /** The last character of code (not space, not comment) and the word ending there: regex or division? */
  let previous = '';
  let previousWord = '';
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;

  const quoted = (quote: string) => {
    const start = i++;
    let text = '';
    while (i < source.length && source[i] !== quote && source[i] !== '\n') {
      if (source[i] === '\\') text += source[i++];
      text += source[i++];
    }
    i++;
    found.push({ text, line: lineAt(start) });
    previous = quote;
  };

  const tagBefore = (index: number) => {
    let end = index;
    while (end > 0 && /\s/.test(source[end - 1]!)) end--;
    let start = end;
    while (start > 0 && /[\w$.]/.test(source[start - 1]!)) start--;
    const tag = source.slice(start, end);
    return tag && !keywordsBeforeRegex.has(tag) ? tag : undefined;
  };

  const template = () => {
    const start = i;
    const tag = tagBefore(i);
    i++;
    let text = '';
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source[i++]! + (source[i++] ?? '');
      } else if (source[i] === '$' && source[i + 1] === '{') {
        i += 2;
        code(true);
        text += ' 0 ';
      } else {
        text += source[i++];
      }
    }
    i++;
    found.push({ text, line: lineAt(start), tag });
    previous = '`';
  };

  const regex = () => {
    i++;
    let inClass = false;
    while (i < source.length && source[i] !== '\n') {
      const c = source[i++];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
    }
    while (i < source.length && /[a-z]/.test(source[i]!)) i++;
    previous = '/';
  };

  /** Code up to the end, or (inside `${…}`) up to the brace that closes it. */
  function code(untilClosingBrace: boolean) {
    let depth = 0;
    while (i < source.length) {
      const c = source[i]!;
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        while (i < source.length && source[i] !== '\n') i++;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        i = end < 0 ? source.length : end + 2;
      } else if (c === '"' || c === "'") {
        quoted(c);
      } else if (c === '`') {
        template();
      } else if (
        c === '/' &&
        (previous === '' ||
          '(,=:[!&|?{};+-*%<>~^'.includes(previous) ||
          keywordsBeforeRegex.has(previousWord))
      ) {
        regex();
      } else if (/\s/.test(c)) {
        i++;
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (depth === 0 && untilClosingBrace) {
            i++;
            return;
          }
          depth--;
        }
        previousWord = identifierChar.test(c) ? (identifierChar.test(previous) ? previousWord + c : c) : '';
        previous = c;
        i++;
      }
    }
  }

  code(false);
  return found;
}

/** Words for people: a slash command, capitalised words in a row, or a lower-case sentence with a full stop. */
function looksLikeSentence(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return (
    /(?:^|[\s"“(])\/[a-z][a-z0-9_]*(?![\w/.-])/.test(t) ||
    /\b[A-Z][a-z’']+(?:[ ,;:—–-]+[a-z0-9’']+){2,}/.test(t) ||
    /\b[a-z’']+(?: [\w’'“”"().,–—-]+){3,}[.!?]$/.test(t)
  );
}

/** Samples below write a template's placeholder as `#{…}`, so they can be plain strings. */
const sentencesIn = (source: string) =>
  literalsOf(source.replaceAll('#{', '${')).filter(
    (literal) => literal.tag !== 'sql' && looksLikeSentence(literal.text),
  );

const root = join(import.meta.dirname, '..');
const domainFiles = ['lib/marketplace', 'lib/jobs'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(root, dir, file)),
);

describe('no sentences in the domain', () => {
  it('scans the domain’s files', () => {
    expect(domainFiles.length).toBeGreaterThan(10);
  });

  it('finds no words for people in lib/marketplace and lib/jobs', () => {
    const offences = domainFiles.flatMap((file) =>
      sentencesIn(readFileSync(file, 'utf8')).map(
        (literal) => `${relative(root, file)}:${literal.line}: ${JSON.stringify(literal.text)}`,
      ),
    );
    expect(offences).toEqual([]);
  });

  it.each([
    ['a refusal in words', `throw new AppError('not_found', 'Offer not found.');`],
    ['a command name', `const hint = "see /myreservations";`],
    ['a template with facts', 'const t = `Sorry, only #{left} left — you asked for #{wanted}.`;'],
    ['a lower-case sentence', `return { problem: 'it needs four parts separated by commas.' };`],
    ['a sentence after a regex with quotes', "const re = /['\"]/g; const s = 'Prices must be above zero.';"],
    [
      'a sentence inside a placeholder',
      'const q = sql`x #{f(`This offer is #{s}, so it can’t be edited.`)}`;',
    ],
    ['a sentence after a division', "const half = total / 2; const s = 'The title is too long.';"],
  ])('catches %s', (_label, source) => {
    expect(sentencesIn(source)).toHaveLength(1);
  });

  it.each([
    ['SQL in a sql template', "const q = sql`select 'Offer not found.' as text where status = 'active'`;"],
    ['a comment', '// Offer not found. See /myreservations\n/* The pickup window is over. */ const x = 1;'],
    [
      'codes, keys and log events',
      "new AppError({ code: 'offer.not_found' }); log.info('offer_expiry_job', {});",
    ],
    ['a URL path', 'const url = `#{base}/api/jobs/#{name}`;'],
    [
      'a locale and a pattern',
      "format('en-GB', { weekday: 'short' }); const r = /^(\\d{1,2})[./](\\d{1,2})$/;",
    ],
  ])('lets %s through', (_label, source) => {
    expect(sentencesIn(source)).toEqual([]);
  });
});
