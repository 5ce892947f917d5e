import { describe, expect, it } from 'vitest';
import { formatDecimal } from './amount';

describe('formatDecimal', () => {
	it('groups thousands and keeps up to the asked decimals, cutting the rest', () => {
		expect(formatDecimal('123456789.123456789012', 'en-US')).toBe('123,456,789.12345678');
		expect(formatDecimal('5.1063307', 'en-US', 4)).toBe('5.1063');
		expect(formatDecimal('0.99999999999', 'en-US', 2)).toBe('0.99');
	});

	it('drops trailing zeros and a zero fraction', () => {
		expect(formatDecimal('1.500', 'en-US')).toBe('1.5');
		expect(formatDecimal('42.000000000001', 'en-US')).toBe('42');
		expect(formatDecimal('0', 'en-US')).toBe('0');
	});

	it('keeps integers beyond the float range exact', () => {
		expect(formatDecimal('123456789012345678901234567890', 'en-US')).toBe('123,456,789,012,345,678,901,234,567,890');
	});

	it('writes Persian digits and separators for fa-IR', () => {
		expect(formatDecimal('1234.5', 'fa-IR')).toBe('۱٬۲۳۴٫۵');
	});

	it('leaves what is not a decimal string alone', () => {
		expect(formatDecimal('1e18', 'en-US')).toBe('1e18');
	});
});
