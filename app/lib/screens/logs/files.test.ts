import { describe, expect, it } from 'vitest';
import { csvCell, stampedName, toCsv } from './files';

describe('csvCell', () => {
  it('quotes every cell and doubles quotes inside', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('prefixes cells a spreadsheet would run as formulas with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\tcmd')).toBe('"\'\tcmd"');
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('writes numbers, booleans, null and objects', () => {
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(-1)).toBe('"-1"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell(true)).toBe('"true"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [null, '=1']])).toBe('"a","b"\r\n"1","x,y"\r\n"","\'=1"\r\n');
  });
});

describe('stampedName', () => {
  it('stamps the UTC time so names sort by time', () => {
    expect(stampedName('crypto-monitor-logs', 'csv', Date.UTC(2025, 0, 2, 3, 4, 5))).toBe('crypto-monitor-logs-20250102-030405.csv');
  });
});
