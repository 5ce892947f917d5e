export { attachWebSocket, type AttachOptions, type AttachedWebSocket } from './attach';
export { clientTypeOf } from './client-type';
export { Feeds, POLLED_FEEDS, PRICE_SYMBOLS, type FeedEngine, type FeedsOptions, type PolledFeed, type PolledGroup, type Poll } from './feeds';
export { CLOSE, FEED_GROUPS, Hub, type FeedGroup, type HubOptions } from './hub';
export { Session, type ConnectInfo, type Connection } from './session';
