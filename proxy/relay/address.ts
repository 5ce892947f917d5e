/**
 * Address classification for the relay's guard, for IPv4 and IPv6, written out here so every rule
 * is visible and tested. Anything that is not plainly a public unicast address is refused: the relay
 * must never become a way into the proxy's own machine, its network or a cloud metadata service.
 */

/** Why an address is refused; `undefined` from {@link classifyAddress} means public. */
export type AddressClass =
	| 'unspecified'
	| 'loopback'
	| 'private'
	| 'cgnat'
	| 'link-local'
	| 'metadata'
	| 'multicast'
	| 'broadcast'
	| 'reserved'
	| 'documentation'
	| 'unique-local'
	| 'site-local'
	| 'invalid';

/** Four octets, or undefined when `text` is not a dotted-quad IPv4 address (no shorthand, no leading zeros). */
export function parseIPv4(text: string): [number, number, number, number] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const out: number[] = [];
	for (const p of parts) {
		if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
		const n = Number(p);
		if (n > 255) return undefined;
		out.push(n);
	}
	return out as [number, number, number, number];
}

/** Eight 16-bit groups, or undefined when `text` is not an IPv6 address. A zone (`%eth0`) is ignored. */
export function parseIPv6(text: string): number[] | undefined {
	let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
	const zone = s.indexOf('%');
	if (zone >= 0) s = s.slice(0, zone);
	if (s === '' || !/^[0-9a-fA-F:.]+$/.test(s)) return undefined;

	// A trailing dotted quad fills the last two groups.
	let tail: number[] = [];
	const lastColon = s.lastIndexOf(':');
	if (s.includes('.')) {
		const v4 = parseIPv4(s.slice(lastColon + 1));
		if (!v4 || lastColon < 0) return undefined;
		tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
		s = s.slice(0, lastColon + 1);
		// `::1.2.3.4` leaves `::`; `::ffff:1.2.3.4` leaves `::ffff:`, which needs its colon back off.
		if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
	}

	const halves = s.split('::');
	if (halves.length > 2) return undefined;
	const groups = (h: string): number[] | undefined => {
		if (h === '') return [];
		const out: number[] = [];
		for (const g of h.split(':')) {
			if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
			out.push(parseInt(g, 16));
		}
		return out;
	};
	const head = groups(halves[0] ?? '');
	if (!head) return undefined;
	if (halves.length === 1) {
		const all = [...head, ...tail];
		return all.length === 8 ? all : undefined;
	}
	const rest = groups(halves[1] ?? '');
	if (!rest) return undefined;
	const fill = 8 - head.length - rest.length - tail.length;
	if (fill < 1) return undefined;
	return [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
}

const inV4 = (a: readonly number[], net: readonly number[], bits: number): boolean => {
	for (let i = 0; i < 4; i++) {
		const take = Math.max(0, Math.min(8, bits - i * 8));
		if (take === 0) return true;
		const mask = (0xff << (8 - take)) & 0xff;
		if (((a[i] ?? 0) & mask) !== ((net[i] ?? 0) & mask)) return false;
	}
	return true;
};

/** IPv4 ranges that are never public, first match wins. */
const V4_RULES: ReadonlyArray<readonly [readonly number[], number, AddressClass]> = [
	[[169, 254, 169, 254], 32, 'metadata'],
	[[255, 255, 255, 255], 32, 'broadcast'],
	[[0, 0, 0, 0], 8, 'unspecified'],
	[[10, 0, 0, 0], 8, 'private'],
	[[100, 64, 0, 0], 10, 'cgnat'],
	[[127, 0, 0, 0], 8, 'loopback'],
	[[169, 254, 0, 0], 16, 'link-local'],
	[[172, 16, 0, 0], 12, 'private'],
	[[192, 0, 0, 0], 24, 'reserved'],
	[[192, 0, 2, 0], 24, 'documentation'],
	[[192, 88, 99, 0], 24, 'reserved'],
	[[192, 168, 0, 0], 16, 'private'],
	[[198, 18, 0, 0], 15, 'reserved'],
	[[198, 51, 100, 0], 24, 'documentation'],
	[[203, 0, 113, 0], 24, 'documentation'],
	[[224, 0, 0, 0], 4, 'multicast'],
	[[240, 0, 0, 0], 4, 'reserved']
];

function classifyV4(a: readonly number[]): AddressClass | undefined {
	for (const [net, bits, cls] of V4_RULES) if (inV4(a, net, bits)) return cls;
	return undefined;
}

const v4From = (hi: number, lo: number): number[] => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];

function classifyV6(g: readonly number[]): AddressClass | undefined {
	const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
	const zeroTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
	if (zeroTo(8)) return 'unspecified';
	if (zeroTo(7) && g7 === 1) return 'loopback';
	// IPv4-mapped ::ffff:a.b.c.d and IPv4-translated ::ffff:0:a.b.c.d: judged as the IPv4 inside.
	if (zeroTo(5) && g5 === 0xffff) return classifyV4(v4From(g6, g7)) ?? undefined;
	if (zeroTo(4) && g4 === 0xffff && g5 === 0) return classifyV4(v4From(g6, g7)) ?? undefined;
	// NAT64 well-known prefix 64:ff9b::/96 reaches the IPv4 inside.
	if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(v4From(g6, g7));
	// 6to4 2002::/16 carries an IPv4 address in its next 32 bits.
	if (g0 === 0x2002) return classifyV4(v4From(g1, g2));
	// Everything else outside global unicast 2000::/3, including IPv4-compatible ::a.b.c.d and 64:ff9b:1::/48.
	if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
	if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
	if ((g0 & 0xffc0) === 0xfec0) return 'site-local';
	if ((g0 & 0xff00) === 0xff00) return 'multicast';
	if ((g0 & 0xe000) !== 0x2000) return 'reserved';
	if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
	// 2001::/23 IETF protocol assignments (Teredo hides an IPv4 address, ORCHID is not routable).
	if (g0 === 0x2001 && g1 < 0x0200) return 'reserved';
	// 3fff::/20 documentation (RFC 9637).
	if ((g0 & 0xfff0) === 0x3ff0) return 'documentation';
	return undefined;
}

/**
 * The class of a literal address that the relay must refuse, or `undefined` when it is public.
 * Text that is not an address at all is `invalid` (refused too).
 */
export function classifyAddress(address: string): AddressClass | undefined {
	const v4 = parseIPv4(address);
	if (v4) return classifyV4(v4);
	const v6 = parseIPv6(address);
	if (v6) return classifyV6(v6);
	return 'invalid';
}

/** True when `host` is a literal IPv4 or IPv6 address (brackets allowed), not a name. */
export const isAddressLiteral = (host: string): boolean => parseIPv4(host) !== undefined || parseIPv6(host) !== undefined;

/** The address as a connect() call takes it: brackets and zone dropped. */
export const bareAddress = (host: string): string => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

/** 4 or 6 for a literal address. */
export const familyOf = (address: string): 4 | 6 => (parseIPv4(address) ? 4 : 6);

/** A short, human phrase for a refusal message. */
export function describeClass(cls: AddressClass): string {
	switch (cls) {
		case 'metadata':
			return 'the cloud metadata address';
		case 'cgnat':
			return 'a carrier-grade NAT (100.64.0.0/10) address';
		case 'unique-local':
			return 'a unique-local IPv6 (fc00::/7) address';
		case 'invalid':
			return 'something that is not an IP address';
		default:
			return `a ${cls} address`;
	}
}
