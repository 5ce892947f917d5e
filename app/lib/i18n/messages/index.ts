import * as common from './common';
import * as market from './market';
import * as charts from './charts';
import * as news from './news';
import * as onchain from './onchain';
import * as ai from './ai';
import * as providers from './providers';
import * as pools from './pools';
import * as catalog from './catalog';
import * as logs from './logs';
import * as reports from './reports';
import * as settings from './settings';
import * as alerts from './alerts';
import * as status from './status';
import * as insight from './insight';

/**
 * Every message, by locale. Each screen keeps its own file (`<screen>.ts`, keys `<screen>.*`);
 * common.ts holds the shell, states and units. Persian must translate every English key (the
 * `Record<keyof typeof en, string>` type of each `fa` makes a missing one a type error).
 */
const areas = [common, market, charts, news, onchain, ai, providers, pools, catalog, logs, reports, settings, alerts, status, insight] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [infer H extends { en: object }, ...infer R extends { en: object }[]] ? H['en'] & Merge<R> : unknown;
export type Messages = Merge<typeof areas>;
export type MessageKey = keyof Messages & string;

export const MESSAGES: { en: Record<MessageKey, string>; fa: Record<MessageKey, string> } = {
	en: Object.assign({}, ...areas.map((a) => a.en)) as Record<MessageKey, string>,
	fa: Object.assign({}, ...areas.map((a) => a.fa)) as Record<MessageKey, string>
};
