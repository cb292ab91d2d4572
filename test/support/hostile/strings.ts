import fc from 'fast-check';

/**
 * Strings a person, a bot or an attacker may type. Each family names what it probes; together
 * they reach every Unicode plane, control and format characters, invisible-only text, lone
 * surrogates, scripts the certificate font cannot draw, and sizes from empty to huge.
 */

/** Characters that show nothing (or reorder what follows): format (Cf), fillers, blanks, joiners. */
export const INVISIBLE_CHARACTERS = [
  '\u200B', // zero-width space
  '\u200C', // zero-width non-joiner
  '\u200D', // zero-width joiner
  '\u2060', // word joiner
  '\uFEFF', // byte-order mark
  '\u00AD', // soft hyphen
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u061C', // Arabic letter mark
  '\u180E', // Mongolian vowel separator
  '\u034F', // combining grapheme joiner
  '\uFE0F', // variation selector 16
  '\u3164', // Hangul filler (a letter, Lo, that draws nothing)
  '\u115F', // Hangul choseong filler
  '\u1160', // Hangul jungseong filler
  '\uFFA0', // halfwidth Hangul filler
  '\u2800', // Braille pattern blank (a symbol, So, that draws nothing)
  '\u00A0', // no-break space
  '\u3000', // ideographic space
  '\u0301', // a combining accent with nothing to sit on
] as const;

export const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\b', '\t', '\n', '\u000B', '\f', '\r', '\u001B', '\u007F', '\u0085', '\u009B'] as const;

/** Names in scripts DejaVu Sans (the certificate font) has no glyphs for. */
export const UNDRAWABLE_NAMES = ['王小明', '佐藤 花子', '김민준', 'ሰላም ተስፋዬ', 'Zoë 😀', 'अनिल कुमार', 'สมชาย ใจดี', '𓀀𓁐'] as const;

/** One code point from plane `plane` (0–16); in plane 0 the surrogate block is skipped (lone halves are their own family). */
const codePointInPlane = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 0xffff }))
  .map(([plane, offset]) => (plane === 0 && offset >= 0xd800 && offset <= 0xdfff ? 0xe000 + (offset - 0xd800) : plane * 0x10000 + offset));

/** Text drawn from every plane, private use and unassigned code points included. */
export const anyPlaneText = fc.array(codePointInPlane, { minLength: 1, maxLength: 12 }).map((points) => String.fromCodePoint(...points));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => `Ann${String.fromCharCode(unit)}`);

const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLE_CHARACTERS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

const withControl = fc.tuple(fc.constantFrom(...CONTROL_CHARACTERS), fc.string({ maxLength: 8 })).map(([control, rest]) => `Ann${control}${rest}`);

const tricky = fc.constantFrom(
  '',
  ' ',
  '   \t ',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  '"; DROP TABLE events; --',
  '${7*7}',
  '{{7*7}}',
  '%00',
  '%',
  '../../etc/passwd',
  'null',
  'true',
  '0',
  '-1',
  'NaN',
  '1e309',
  'EVENT#x',
  'REG#x',
  '\uFFFD',
  'Zoë Ça Ğ',
  'ǅemal Ǆ',
  'A\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '\u202Egnp.exe',
  'x'.repeat(201),
);

/** Sizes around the schema limits (200, 1000, 5000 characters) and well past them. */
const sized = fc.tuple(fc.constantFrom(199, 200, 201, 1000, 1001, 5001, 20_000), fc.constantFrom('x', 'é', '😀', '王', ' ')).map(([length, unit]) => unit.repeat(length));

/** Every family, weighted towards the ones that reach validation rather than the size limit. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 3 },
  { arbitrary: anyPlaneText, weight: 3 },
  { arbitrary: invisibleOnly, weight: 3 },
  { arbitrary: withControl, weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom(...UNDRAWABLE_NAMES), weight: 2 },
  { arbitrary: tricky, weight: 3 },
  { arbitrary: sized, weight: 1 },
);

/** A plausible name, so a body sometimes passes validation and reaches the use case. */
export const plausibleName = fc.constantFrom('Ann de Vries', 'Zoë Ça Ğ', 'Łukasz Żółć', 'Αλέξανδρος', 'Анна Иванова', 'Søren Ærø', 'O’Brien-Smith', 'ǅemal');

/** Header values must be Latin-1 without CR, LF or NUL (fetch refuses anything else). */
export const hostileHeaderValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
  fc.constantFrom('', '*', 'x'.repeat(300), 'nl;q=0.8, en;q=0.9, *;q=0', 'klingon', ',,,;;;', 'q=1'),
);
