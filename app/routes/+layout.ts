// A client-only SPA: the proxy (or any static host) serves build/index.html for every route.
export const ssr = false;
export const prerender = false;
