import { EVENT_YEARS, LANGUAGES } from '../domain/event';
import { asciiEmail } from '../domain/registration';
import { undrawableCharacters } from '../certificates/coverage';
import * as z from './zod';

const FIRST_INSTANT = Date.UTC(EVENT_YEARS.first, 0, 1);
const AFTER_LAST_INSTANT = Date.UTC(EVENT_YEARS.last + 1, 0, 1);

/**
 * An instant with its offset, in the years 2000–2100 (in UTC): a later one would be stored as
 * `+010000-01-01T…`, which sorts before every ordinary date.
 */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, like 2026-12-07T09:00:00+01:00' }).check(
  z.refine(
    (value) => {
      const instant = Date.parse(value);
      return Number.isNaN(instant) || (instant >= FIRST_INSTANT && instant < AFTER_LAST_INSTANT);
    },
    { error: `must be in the years ${EVENT_YEARS.first} to ${EVENT_YEARS.last}` },
  ),
);

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const timeZone = z.string().check(z.refine(isTimeZone, { error: 'must be an IANA time zone, like Europe/Amsterdam' }));

export const language = z.enum(LANGUAGES);

const CONTROL_CHARACTERS = /\p{Cc}/u;
/** Half of a surrogate pair without its other half: no character at all, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** U+FFFD stands where a decoder met bytes that were not UTF-8: the text was garbled on its way. */
const REPLACEMENT_CHARACTER = '\uFFFD';

/** Free text a person typed: trimmed, length in characters (not UTF-16 units), no control codes except newlines, nothing garbled. */
export const personText = (max: number, { multiline = false } = {}) =>
  z
    .string()
    .check(
      z.trim(),
      z.refine((value) => [...value].length <= max, { error: `must be at most ${max} characters` }),
      z.refine((value) => !CONTROL_CHARACTERS.test(multiline ? value.replace(/\r?\n/g, '') : value), { error: 'must not contain control characters' }),
      z.refine((value) => !LONE_SURROGATE.test(value) && !value.includes(REPLACEMENT_CHARACTER), { error: 'must be valid UTF-8 text: some characters were garbled on the way' }),
    );

/** Invisible and direction-changing characters (zero-width, bidi overrides, soft hyphen…): \p{Cf}. */
export const FORMAT_CHARACTERS = /\p{Cf}/u;
/**
 * A character that draws something: a letter, digit, punctuation or symbol that is not one of
 * Unicode's default-ignorable code points (the Hangul fillers are letters that draw nothing) and
 * not the blank Braille pattern (a symbol that draws nothing).
 */
const VISIBLE_CHARACTER = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** At least one character in `value` draws something. */
export const hasVisibleCharacter = (value: string): boolean => VISIBLE_CHARACTER.test(value);

/**
 * A name, organisation, role or title: what other people read (the organiser's list, a
 * certificate, a mail's greeting), so nothing in it may hide or reorder text, and it must show
 * at least one visible character.
 */
export const visibleText = (max: number) =>
  personText(max).check(
    z.refine((value) => !FORMAT_CHARACTERS.test(value), { error: 'must not contain invisible or direction-changing characters' }),
    z.refine((value) => value.length === 0 || hasVisibleCharacter(value), { error: 'must contain at least one visible character' }),
  );

/** An internationalised domain is accepted as typed and checked in its ASCII form. */
export const emailAddress = z.string().check(
  z.trim(),
  z.maxLength(254),
  z.refine((value) => z.email().safeParse(asciiEmail(value)).success, { error: 'must be an email address, like name@example.org' }),
);

/**
 * Text printed on the certificate of attendance: every character must be one its font can draw,
 * or it would print blank. Refused with the characters named (README "Correctness": a refusal
 * rather than a fallback font, which would not fit the function's bundle).
 */
export const printableOnCertificate = <S extends z.ZodMiniType<string, string>>(text: S) =>
  text.check(
    z.refine((value) => undrawableCharacters(value).length === 0, {
      error: (issue) =>
        `has characters our certificate of attendance cannot print (${undrawableCharacters(String(issue.input)).slice(0, 10).join(' ')}): please write it in Latin, Greek or Cyrillic letters`,
    }),
  );
