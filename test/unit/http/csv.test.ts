import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/http/csv';

describe('toCsv', () => {
  const csv = toCsv(['name', 'note'], [
    { name: 'Zoë Ça Ğ', note: 'says "hi", then leaves' },
    { name: '=HYPERLINK("http://evil")', note: '+31 6 1234' },
    { name: '李小龙', note: undefined },
  ]);

  it('starts with a byte order mark and uses CRLF', () => {
    expect(csv.startsWith('\uFEFF"name","note"\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes every field and doubles inner quotes', () => {
    expect(csv).toContain('"Zoë Ça Ğ","says ""hi"", then leaves"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")","'+31 6 1234"`);
  });

  it('keeps any script and writes missing values as empty', () => {
    expect(csv).toContain('"李小龙",""');
  });
});
