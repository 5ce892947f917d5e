import type { MessageKey } from './i18n/messages';

/** The screens, in menu order: path and the message key of their name. */
export const SCREENS: readonly { path: string; label: MessageKey; id: string }[] = [
	{ path: '/', label: 'market.title', id: 'market' },
	{ path: '/charts', label: 'charts.title', id: 'charts' },
	{ path: '/news', label: 'news.title', id: 'news' },
	{ path: '/onchain', label: 'onchain.title', id: 'onchain' },
	{ path: '/ai', label: 'ai.title', id: 'ai' },
	{ path: '/providers', label: 'providers.title', id: 'providers' },
	{ path: '/pools', label: 'pools.title', id: 'pools' },
	{ path: '/status', label: 'status.title', id: 'status' },
	{ path: '/catalog', label: 'catalog.title', id: 'catalog' },
	{ path: '/logs', label: 'logs.title', id: 'logs' },
	{ path: '/reports', label: 'reports.title', id: 'reports' },
	{ path: '/alerts', label: 'alerts.title', id: 'alerts' },
	{ path: '/settings', label: 'settings.title', id: 'settings' }
];
