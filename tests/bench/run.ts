/**
 * `npm run bench`: one JSON object per line, `{"name","value","unit"}` plus `"baseline"` and
 * `"ratio"` (value / baseline) where a baseline is measured in the same run.
 */
import { benchSelect } from './select';
import { benchRouter } from './router';
import { benchProxy } from './proxy';
import { benchWs } from './ws';
import { benchUpstream } from './upstream';
import { benchApp } from './app';

const print = (l: object) => process.stdout.write(`${JSON.stringify(l)}\n`);
for (const l of benchSelect()) print(l);
for (const l of await benchRouter()) print(l);
for (const l of await benchProxy()) print(l);
for (const l of await benchWs()) print(l);
for (const l of await benchUpstream()) print(l);
// The app in headless Chromium (builds build/ first when it is missing); its lines carry a `target`.
for (const l of await benchApp()) print(l);
