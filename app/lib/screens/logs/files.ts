/**
 * Files made in the page from rows already on screen: CSV that spreadsheets open safely, and a
 * download through a Blob URL (no server round trip, works offline and in both modes).
 */

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: text that starts like a formula gets a leading apostrophe; every cell is quoted, quotes doubled. */
export function csvCell(value: unknown): string {
	// A real number (-1) is no formula; text that merely looks like one is.
	if (typeof value === 'number' || typeof value === 'boolean') return `"${String(value)}"`;
	let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
	if (FORMULA_START.test(s)) s = `'${s}`;
	return `"${s.replace(/"/g, '""')}"`;
}

/** A CSV document (RFC 4180: CRLF line ends) with a header row. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** `crypto-monitor-logs-20250102-030405.json`: a name that sorts by time. */
export function stampedName(prefix: string, ext: string, now: number): string {
	const d = new Date(now);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${prefix}-${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}.${ext}`;
}

/** Saves `text` as a file called `name` (a temporary object URL, revoked right after). */
export function download(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
