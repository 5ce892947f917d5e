/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, records end in CRLF.
 * Cells are guarded against formula injection: a spreadsheet runs a cell starting with = + - @
 * (or a tab / CR, which some strip first) as a formula, so those get a leading apostrophe.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	let s = String(value);
	// Numbers are data, not formulas: a negative number stays a number.
	if (typeof value !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
	let out = header.map(csvCell).join(',') + '\r\n';
	for (const row of rows) out += row.map(csvCell).join(',') + '\r\n';
	return out;
}

export interface CsvRecord {
	/** 1-based line where the record starts (the header is line 1). */
	readonly line: number;
	readonly cells: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Parses CSV text (CRLF or LF, quoted fields may span lines); blank lines are skipped. */
export function parseCsv(text: string): CsvParse {
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let line = 1;
	let start = 1;
	let quoted = false;
	let wasQuoted = false;
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const endRecord = () => {
		cells.push(cell);
		if (!(cells.length === 1 && cells[0] === '' && !wasQuoted)) records.push({ line: start, cells });
		cells = [];
		cell = '';
		wasQuoted = false;
	};
	for (let i = 0; i < src.length; i++) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"') {
				if (src[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (ch === '\n') line++;
				cell += ch;
			}
			continue;
		}
		if (ch === '"') {
			if (cell !== '') return { ok: false, line, message: 'a quote inside an unquoted field' };
			quoted = true;
			wasQuoted = true;
		} else if (ch === ',') {
			cells.push(cell);
			cell = '';
			wasQuoted = false;
		} else if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			endRecord();
			line++;
			start = line;
		} else {
			if (wasQuoted) return { ok: false, line, message: 'text after a closing quote' };
			cell += ch;
		}
	}
	if (quoted) return { ok: false, line: start, message: 'a quoted field is never closed' };
	if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
	return { ok: true, records };
}
