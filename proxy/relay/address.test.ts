import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIPv4, parseIPv6, type AddressClass } from './address';

describe('parseIPv4', () => {
	it.each([
		['1.2.3.4', [1, 2, 3, 4]],
		['255.255.255.255', [255, 255, 255, 255]],
		['0.0.0.0', [0, 0, 0, 0]]
	])('parses %s', (text, octets) => expect(parseIPv4(text)).toEqual(octets));

	it.each(['1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.-1', 'a.b.c.d', '', '1..2.3', '0x7f.0.0.1'])('refuses %j', (text) => expect(parseIPv4(text)).toBeUndefined());
});

describe('parseIPv6', () => {
	it.each([
		['::', [0, 0, 0, 0, 0, 0, 0, 0]],
		['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
		['[::1]', [0, 0, 0, 0, 0, 0, 0, 1]],
		['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
		['2001:db8::8a2e:370:7334', [0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334]],
		['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
		['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
		['::ffff:127.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
		['::ffff:7f00:1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
		['::1.2.3.4', [0, 0, 0, 0, 0, 0, 0x102, 0x304]],
		['1:2:3:4:5:6:1.2.3.4', [1, 2, 3, 4, 5, 6, 0x102, 0x304]]
	])('parses %s', (text, groups) => expect(parseIPv6(text)).toEqual(groups));

	it.each(['', ':', ':::', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7', ':1::', '::ffff:1.2.3', '1.2.3.4', '::1:2:3:4:5:6:7:8'])('refuses %j', (text) =>
		expect(parseIPv6(text)).toBeUndefined()
	);

	it('agrees with node:net on what is an IPv6 address', () => {
		for (const s of ['::', '::1', '1::', 'a:b:c:d:e:f:1:2', '::ffff:1.2.3.4', '1:2::3:4', 'fe80::1', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1::2::3', '1:2:3:4:5:6:7:8:9', ':1:2', '1:2:3:4:5:6:1.2.3.4'])
			expect(parseIPv6(s) !== undefined, s).toBe(isIP(s) === 6);
	});
});

describe('classifyAddress', () => {
	const refused: Array<[string, AddressClass]> = [
		['127.0.0.1', 'loopback'],
		['127.255.255.254', 'loopback'],
		['10.0.0.1', 'private'],
		['10.255.255.255', 'private'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['192.168.1.1', 'private'],
		['100.64.0.1', 'cgnat'],
		['100.127.255.255', 'cgnat'],
		['169.254.169.254', 'metadata'],
		['169.254.1.1', 'link-local'],
		['0.0.0.0', 'unspecified'],
		['0.1.2.3', 'unspecified'],
		['224.0.0.1', 'multicast'],
		['239.255.255.250', 'multicast'],
		['240.0.0.1', 'reserved'],
		['255.255.255.255', 'broadcast'],
		['192.0.0.8', 'reserved'],
		['192.0.2.1', 'documentation'],
		['198.18.0.1', 'reserved'],
		['198.51.100.7', 'documentation'],
		['203.0.113.9', 'documentation'],
		['::', 'unspecified'],
		['::1', 'loopback'],
		['[::1]', 'loopback'],
		['fc00::1', 'unique-local'],
		['fd12:3456:789a::1', 'unique-local'],
		['fe80::1', 'link-local'],
		['fe80::1%eth0', 'link-local'],
		['febf::1', 'link-local'],
		['fec0::1', 'site-local'],
		['ff02::1', 'multicast'],
		['::ffff:127.0.0.1', 'loopback'],
		['::ffff:7f00:1', 'loopback'],
		['::ffff:10.0.0.1', 'private'],
		['::ffff:169.254.169.254', 'metadata'],
		['::ffff:192.168.0.1', 'private'],
		['::ffff:100.64.0.1', 'cgnat'],
		['::ffff:0:127.0.0.1', 'loopback'],
		['64:ff9b::127.0.0.1', 'loopback'],
		['64:ff9b::a9fe:a9fe', 'metadata'],
		['2002:7f00:1::', 'loopback'],
		['2002:c0a8:101::1', 'private'],
		['::127.0.0.1', 'reserved'],
		['::a00:1', 'reserved'],
		['64:ff9b:1::1', 'reserved'],
		['100::1', 'reserved'],
		['2001:db8::1', 'documentation'],
		['2001::1', 'reserved'],
		['2001:10::1', 'reserved'],
		['3fff::1', 'documentation'],
		['not-an-ip', 'invalid'],
		['localhost', 'invalid'],
		['', 'invalid']
	];
	it.each(refused)('refuses %s (%s)', (address, cls) => expect(classifyAddress(address)).toBe(cls));

	it.each([
		'1.1.1.1',
		'8.8.8.8',
		'93.184.216.34',
		'172.15.255.255',
		'172.32.0.1',
		'100.63.255.255',
		'100.128.0.1',
		'169.253.255.255',
		'192.169.0.1',
		'223.255.255.255',
		'2606:4700:4700::1111',
		'2a00:1450:4001:80b::200e',
		'::ffff:1.1.1.1',
		'64:ff9b::808:808',
		'2002:808:808::1',
		'2001:4860:4860::8888'
	])('lets public %s through', (address) => expect(classifyAddress(address)).toBeUndefined());
});
