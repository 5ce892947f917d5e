import { ClientType, type ClientType as ClientTypeId } from '../../shared/api/ws';

const MOBILE = /\b(Android|iPhone|iPad|iPod|Mobile)\b/i;
const BOT = /\b(bot|crawler|spider|curl|wget|python-requests|aiohttp|httpx)\b/i;

/**
 * What kind of client a session is: `?client=` when it names a type, else a guess from the user
 * agent (browsers send `Mozilla/…`; libraries send their own name or nothing).
 */
export function clientTypeOf(declared: string | null | undefined, userAgent = ''): ClientTypeId {
	const named = ClientType.safeParse(declared?.toLowerCase());
	if (named.success) return named.data;
	if (BOT.test(userAgent)) return 'bot';
	if (MOBILE.test(userAgent)) return 'mobile';
	if (/^Mozilla\//.test(userAgent)) return 'browser';
	return 'api';
}
