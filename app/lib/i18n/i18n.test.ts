import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES, type MessageKey } from './messages';
import { age, date, dateTime, i18n, money, num, percent, t } from './index.svelte';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => {
	i18n.locale = 'en';
});

describe('messages', () => {
	it('Persian has every English key, non-empty, with the same placeholders', () => {
		const keys = Object.keys(MESSAGES.en) as MessageKey[];
		expect(keys.length).toBeGreaterThan(40);
		for (const key of keys) {
			const fa = MESSAGES.fa[key];
			expect(fa, key).toBeTypeOf('string');
			expect(fa.trim(), key).not.toBe('');
			expect(placeholders(fa), key).toEqual(placeholders(MESSAGES.en[key]));
		}
		expect(Object.keys(MESSAGES.fa).sort()).toEqual([...keys].sort());
	});

	it('every key is namespaced as <area>.<name>', () => {
		for (const key of Object.keys(MESSAGES.en)) expect(key).toMatch(/^[a-z-]+\.[\w.-]+$/);
	});
});

describe('formatting', () => {
	it('dates follow the locale in force at each call, Persian calendar and digits included', () => {
		const ts = Date.UTC(2026, 11, 7, 14, 5);
		expect(dateTime(ts)).toBe(new Date(ts).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }));
		expect(date(ts)).toBe(new Date(ts).toLocaleDateString('en', { dateStyle: 'medium' }));
		expect(date(ts)).toContain('2026');
		i18n.locale = 'fa';
		expect(dateTime(ts)).toBe(new Date(ts).toLocaleString(i18n.tag, { dateStyle: 'medium', timeStyle: 'short' }));
		expect(date(ts)).toContain('۱۴۰۵');
		i18n.locale = 'en';
		expect(date(ts)).toContain('2026');
	});

	it('fills placeholders and writes Persian digits when Persian is on', () => {
		expect(t('age.seconds', { n: 12 })).toBe('12 s ago');
		i18n.locale = 'fa';
		expect(t('age.seconds', { n: 12 })).toBe('۱۲ ثانیه پیش');
		expect(num(1234.5)).toBe('۱٬۲۳۴٫۵');
	});

	it('prices keep more decimals when small; percentages carry their sign', () => {
		expect(money(64250.5)).toBe('$64,251');
		expect(money(1.2345)).toBe('$1.23');
		expect(money(0.000012345)).toBe('$0.00001235');
		expect(percent(1.234)).toBe('+1.23%');
		expect(percent(-0.5)).toBe('-0.5%');
	});

	it('ages read naturally', () => {
		const now = 1_000_000_000;
		expect(age(now - 2_000, now)).toBe('just now');
		expect(age(now - 90_000, now)).toBe('1 min ago');
		expect(age(now - 3 * 3_600_000, now)).toBe('3 h ago');
		expect(age(now - 3 * 86_400_000, now)).toBe('3 d ago');
	});
});
