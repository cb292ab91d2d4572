import { LANGUAGES } from '../domain/event';
import { asciiEmail } from '../domain/registration';
import * as z from './zod';

export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, like 2026-12-07T09:00:00+01:00' });

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

/** Free text a person typed: trimmed, length in characters (not UTF-16 units), no control codes except newlines. */
export const personText = (max: number, { multiline = false } = {}) =>
  z
    .string()
    .check(
      z.trim(),
      z.refine((value) => [...value].length <= max, { error: `must be at most ${max} characters` }),
      z.refine((value) => !CONTROL_CHARACTERS.test(multiline ? value.replace(/\r?\n/g, '') : value), { error: 'must not contain control characters' }),
    );

/** Invisible and direction-changing characters (zero-width, bidi overrides, soft hyphen…): \p{Cf}. */
const FORMAT_CHARACTERS = /\p{Cf}/u;
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * A name, organisation, role or title: what other people read (the organiser's list, a
 * certificate, a mail's greeting), so nothing in it may hide or reorder text, and it must show
 * at least one visible character.
 */
export const visibleText = (max: number) =>
  personText(max).check(
    z.refine((value) => !FORMAT_CHARACTERS.test(value), { error: 'must not contain invisible or direction-changing characters' }),
    z.refine((value) => value.length === 0 || VISIBLE_CHARACTER.test(value), { error: 'must contain at least one visible character' }),
  );

/** An internationalised domain is accepted as typed and checked in its ASCII form. */
export const emailAddress = z.string().check(
  z.trim(),
  z.maxLength(254),
  z.refine((value) => z.email().safeParse(asciiEmail(value)).success, { error: 'must be an email address, like name@example.org' }),
);
