/**
 * On-chain amounts are decimal strings in native units (never floats): they are formatted from
 * the string itself, so 123456789.123456789012 keeps every digit that is shown.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * `value` with grouped thousands and at most `maxFraction` decimals (cut, not rounded: a balance
 * is never shown larger than it is), in the digits of the locale `tag` (`en-US`, `fa-IR`).
 * Anything that is not a decimal string is returned as it is.
 */
export function formatDecimal(value: string, tag: string, maxFraction = 8): string {
	const m = DECIMAL.exec(value);
	if (!m) return value;
	const [, int = '0', frac = ''] = m;
	const digits = new Intl.NumberFormat(tag, { useGrouping: false });
	const whole = new Intl.NumberFormat(tag).format(BigInt(int));
	const kept = frac.slice(0, maxFraction).replace(/0+$/, '');
	if (kept === '') return whole;
	const separator = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
	return whole + separator + [...kept].map((d) => digits.format(Number(d))).join('');
}
