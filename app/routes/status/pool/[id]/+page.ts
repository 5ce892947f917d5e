// One page per id cannot be written at build time: the proxy (or a host with SPA rewrites, or the
// service worker once installed) answers this path with the fallback page, build/200.html.
export const prerender = false;
