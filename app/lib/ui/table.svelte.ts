/** Sorting and filtering for the screens' tables. */

export type SortDir = 'asc' | 'desc';

export interface Column<T> {
	key: string;
	/** The value sorted on (and matched by the filter when a string). */
	value: (row: T) => string | number | null | undefined;
}

export class TableState<T> {
	sortKey = $state<string | undefined>(undefined);
	dir = $state<SortDir>('asc');
	filter = $state('');

	constructor(
		readonly columns: readonly Column<T>[],
		initial?: { key: string; dir?: SortDir }
	) {
		this.sortKey = initial?.key;
		this.dir = initial?.dir ?? 'asc';
	}

	/** Click on a header: sort by it, or flip the direction when it already is the sort. */
	sortBy(key: string): void {
		if (this.sortKey === key) this.dir = this.dir === 'asc' ? 'desc' : 'asc';
		else {
			this.sortKey = key;
			this.dir = 'asc';
		}
	}

	/** `aria-sort` for a header. */
	ariaSort(key: string): 'ascending' | 'descending' | 'none' {
		return this.sortKey === key ? (this.dir === 'asc' ? 'ascending' : 'descending') : 'none';
	}

	apply(rows: readonly T[]): T[] {
		const q = this.filter.trim().toLowerCase();
		const filtered = q
			? rows.filter((r) => this.columns.some((c) => { const v = c.value(r); return typeof v === 'string' && v.toLowerCase().includes(q); }))
			: [...rows];
		const col = this.columns.find((c) => c.key === this.sortKey);
		if (!col) return filtered;
		const sign = this.dir === 'asc' ? 1 : -1;
		return filtered.sort((a, b) => sign * compare(col.value(a), col.value(b)));
	}
}

/** Numbers numerically, strings by locale; missing values last whatever the direction's sign. */
export function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b));
}
