// A client-only SPA (no server rendering). Every screen without a parameter is still written out as
// its own shell page (build/news.html …) with relative asset paths, so the built folder works when
// copied under any sub-path of a plain static host, deep links and reloads included, with no
// rebuild. Routes with a parameter opt out and get build/200.html, the fallback the proxy (or a
// host with SPA rewrites) serves for unknown paths.
export const ssr = false;
export const prerender = true;
