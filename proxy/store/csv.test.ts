import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv';

describe('csv', () => {
	it('quotes commas, quotes and newlines', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell(null)).toBe('');
	});

	it('defuses cells a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
		expect(csvCell('+1+2')).toBe("'+1+2");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell(-5)).toBe('-5');
	});

	it('parses what it writes, including quoted newlines', () => {
		const rows = [
			['a,b', 'say "hi"', 'two\nlines'],
			['', 'x', 'end'],
		];
		const parsed = parseCsv(toCsv(['c1', 'c2', 'c3'], rows));
		expect(parsed).toEqual({
			ok: true,
			records: [
				{ line: 1, cells: ['c1', 'c2', 'c3'] },
				{ line: 2, cells: rows[0] },
				{ line: 4, cells: rows[1] },
			],
		});
	});

	it('accepts LF endings, a BOM and a missing final newline, and skips blank lines', () => {
		expect(parseCsv('\ufeffa,b\n\n1,2')).toEqual({
			ok: true,
			records: [
				{ line: 1, cells: ['a', 'b'] },
				{ line: 3, cells: ['1', '2'] },
			],
		});
	});

	it('reports malformed quoting with its line', () => {
		expect(parseCsv('a,b\n"open,2\n')).toMatchObject({ ok: false, line: 2 });
		expect(parseCsv('a,b\nx"y,2\n')).toMatchObject({ ok: false, line: 2 });
		expect(parseCsv('a,b\n"x"y,2\n')).toMatchObject({ ok: false, line: 2 });
	});
});
