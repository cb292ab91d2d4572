import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../shared/schemas/common';

const messages = (value: string) => {
  const result = visibleText(200).safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('visibleText', () => {
  it.each(['Zoë Ça Ğ', 'Gemeente ’s-Hertogenbosch', 'محمد', '李雷', 'O’Brien-Smith'])('takes %s', (name) => {
    expect(messages(name)).toEqual([]);
  });

  it.each([
    ['a right-to-left override', 'Ada\u202Egnp.exe'],
    ['a zero-width space', 'Ada\u200BLovelace'],
    ['a zero-width joiner', 'Ada\u200DLovelace'],
    ['a byte order mark inside', 'Ada\uFEFFLovelace'],
    ['a soft hyphen', 'Ada\u00ADLovelace'],
  ])('refuses %s', (_what, name) => {
    expect(messages(name)).toEqual(['must not contain invisible or direction-changing characters']);
  });

  it('refuses a name with nothing visible in it', () => {
    expect(messages('\u0301\u0308')).toEqual(['must contain at least one visible character']);
  });
});
