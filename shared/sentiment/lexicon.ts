// A crypto-aware lexicon scorer: no network, no download, deterministic. It is the floor of the
// text-sentiment pool, so it must stay cheap (one pass over the tokens) and explainable.

export type LexiconLabel = 'positive' | 'neutral' | 'negative';
export interface LexiconScore {
  label: LexiconLabel;
  /** Confidence 0-1 in the label (for neutral: how little polarity was found). */
  score: number;
}

// Phrases are matched before single words so "rug pull" is not read as "rug" + "pull".
// Weights are on a -3..+3 scale; crypto-specific events carry the heaviest weights because
// headlines about them move markets whatever the surrounding wording.
const PHRASES: ReadonlyArray<readonly [string, number]> = [
  ['etf approval', 3], ['etf approved', 3], ['approves etf', 3], ['approves spot', 2.5],
  ['all time high', 2.5], ['all-time high', 2.5], ['record high', 2.5], ['new high', 2],
  ['to the moon', 3], ['short squeeze', 1.5], ['golden cross', 2], ['breaks out', 2],
  ['breaks above', 2], ['mass adoption', 2], ['legal tender', 2], ['inflows', 1.5],
  ['rug pull', -3], ['rug pulled', -3], ['exit scam', -3], ['ponzi scheme', -3],
  ['death cross', -2], ['bear market', -2], ['bull market', 2], ['sell-off', -2], ['sell off', -2],
  ['etf rejection', -3], ['rejects etf', -3], ['etf rejected', -3], ['etf delay', -1.5], ['delays etf', -1.5],
  ['flash crash', -3], ['bank run', -3], ['halts withdrawals', -3], ['pauses withdrawals', -3],
  ['suspends withdrawals', -3], ['files for bankruptcy', -3], ['breaks below', -2],
  ['outflows', -1.5], ['security breach', -3], ['private keys', -0.5], ['under investigation', -2],
  ['cease and desist', -2.5], ['drained', -2.5], ['depeg', -2.5], ['depegs', -2.5], ['de-peg', -2.5],
];

const WORDS: Readonly<Record<string, number>> = {
  // positive
  moon: 2.5, mooning: 2.5, moons: 2.5, bullish: 2.5, bull: 1.5, bulls: 1.5, ath: 2.5, pump: 1.5, pumps: 1.5,
  pumping: 1.5, rally: 2, rallies: 2, rallying: 2, surge: 2, surges: 2, surging: 2, soar: 2.5, soars: 2.5,
  soaring: 2.5, skyrocket: 2.5, skyrockets: 2.5, jump: 1.5, jumps: 1.5, gain: 1.5, gains: 1.5, climb: 1.5,
  climbs: 1.5, rise: 1, rises: 1, rebound: 1.5, rebounds: 1.5, recover: 1.5, recovers: 1.5, recovery: 1.5,
  breakout: 2, approval: 1.5, approve: 1.5, approves: 1.5, approved: 1.5, adoption: 1.5, adopt: 1, adopts: 1,
  partnership: 1.5, partners: 1, launch: 1, launches: 1, upgrade: 1, upgrades: 1, milestone: 1.5,
  record: 1, profit: 1.5, profits: 1.5, profitable: 1.5, win: 1.5, wins: 1.5, success: 1.5, successful: 1.5,
  strong: 1, strength: 1, optimism: 1.5, optimistic: 1.5, boost: 1.5, boosts: 1.5, boom: 2, booming: 2,
  hodl: 1, accumulate: 1, accumulation: 1, accumulating: 1, buy: 0.5, buying: 0.5, green: 1, wagmi: 2,
  gm: 0.5, lfg: 2, bullrun: 2.5, outperform: 1.5, outperforms: 1.5, upside: 1.5, good: 1, great: 2,
  positive: 1.5, growth: 1.5, grows: 1, inflow: 1.5, legalize: 1.5, legalizes: 1.5, greenlight: 2,
  greenlights: 2, integrate: 1, integrates: 1, embraces: 1.5, backs: 1,
  // negative
  rekt: -3, bearish: -2.5, bear: -1.5, bears: -1.5, dump: -2, dumps: -2, dumping: -2, crash: -3,
  crashes: -3, crashing: -3, plunge: -2.5, plunges: -2.5, plummet: -2.5, plummets: -2.5, tumble: -2,
  tumbles: -2, slump: -2, slumps: -2, drop: -1.5, drops: -1.5, fall: -1.5, falls: -1.5, fell: -1.5,
  decline: -1.5, declines: -1.5, sink: -2, sinks: -2, slide: -1.5, slides: -1.5, hack: -3, hacked: -3,
  hacker: -2.5, hackers: -2.5, exploit: -3, exploited: -3, exploits: -3, scam: -3, scams: -3, fraud: -3,
  stolen: -3, theft: -3, steal: -3, liquidation: -2, liquidations: -2, liquidated: -2.5, bankrupt: -3,
  bankruptcy: -3, insolvent: -3, insolvency: -3, collapse: -3, collapses: -3, collapsed: -3, ban: -2.5,
  bans: -2.5, banned: -2.5, crackdown: -2.5, lawsuit: -2, sues: -2, sued: -2, charges: -1.5, charged: -2,
  fine: -0.5, fined: -2, penalty: -2, probe: -1.5, investigation: -1.5, subpoena: -2, fud: -1.5,
  fear: -1.5, panic: -2.5, selloff: -2, capitulation: -2.5, loss: -1.5, losses: -2, lose: -1.5,
  loses: -1.5, lost: -1.5, weak: -1, weakness: -1, risk: -0.5, risky: -1, warning: -1.5, warns: -1.5,
  outage: -2, down: -1, halt: -2, halts: -2, halted: -2, delay: -1, delays: -1, delayed: -1, reject: -2,
  rejects: -2, rejected: -2, rejection: -2, vulnerability: -2, bug: -1.5, ponzi: -3, rug: -2.5,
  rugged: -3, ngmi: -2, red: -1, bad: -1.5, worst: -2, worse: -1.5, negative: -1.5, concern: -1,
  concerns: -1, fears: -1.5, trouble: -1.5, freeze: -2, frozen: -2, freezes: -2, delist: -2.5,
  delists: -2.5, delisted: -2.5, delisting: -2.5, layoffs: -2, downturn: -2, turmoil: -2, volatile: -0.5,
  manipulation: -2, attack: -2.5, attacked: -2.5, breach: -2.5, outflow: -1.5, sell: -0.5, selling: -1,
  underperform: -1.5, downside: -1.5, arrest: -2, arrested: -2.5, jailed: -2.5, sanction: -2,
  sanctions: -2, sanctioned: -2, shutdown: -2, shuts: -1.5, tank: -2, tanks: -2, tanking: -2,
};

const NEGATORS = new Set(['not', 'no', 'never', "isn't", "aren't", "wasn't", "won't", "don't",
  "doesn't", "didn't", "can't", 'cannot', 'without', 'fails', 'failed', 'fail', 'nor', 'denies', 'deny']);
const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.5, extremely: 1.8, massive: 1.6, massively: 1.6, huge: 1.5, hugely: 1.5, major: 1.4,
  record: 1.3, biggest: 1.5, sharply: 1.5, sharp: 1.4, super: 1.4, insanely: 1.7, big: 1.3,
  slightly: 0.5, somewhat: 0.6, modest: 0.6, modestly: 0.6, minor: 0.6, little: 0.6,
};
const EMOJI: ReadonlyArray<readonly [string, number]> = [
  ['🚀', 2.5], ['🌕', 2.5], ['🌙', 1.5], ['📈', 2], ['💎', 1.5], ['🔥', 1], ['🎉', 2], ['🟢', 1.5],
  ['🐂', 1.5], ['💰', 1], ['✅', 1], ['😀', 1], ['😄', 1], ['😍', 1.5],
  ['📉', -2], ['💀', -2], ['🩸', -2], ['😱', -2], ['😭', -2], ['🔴', -1.5], ['🐻', -1.5], ['⚠️', -1.5],
  ['🚨', -1.5], ['💩', -2], ['😡', -2], ['❌', -1],
];

// How many tokens a negator reaches forward ("not a rug pull", "no hack was found").
const NEGATION_REACH = 3;
// Sums whose magnitude stays under this are read as neutral: one weak word ("buy") is not a view.
const NEUTRAL_BAND = 0.75;

interface Hit { at: number; weight: number }

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9'$-]+/)
    .map((t) => t.replace(/^[-']+|[-']+$/g, ''))
    .filter((t) => t.length > 0);
}

function phraseHits(tokens: string[], used: boolean[]): Hit[] {
  const hits: Hit[] = [];
  for (const [phrase, weight] of PHRASES) {
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (parts.every((p, k) => tokens[i + k] === p && !used[i + k])) {
        for (let k = 0; k < parts.length; k++) used[i + k] = true;
        hits.push({ at: i, weight });
      }
    }
  }
  return hits;
}

function modifierAt(tokens: string[], at: number): number {
  let factor = 1;
  const prev = tokens[at - 1];
  if (prev !== undefined && INTENSIFIERS[prev] !== undefined) factor *= INTENSIFIERS[prev];
  for (let k = 1; k <= NEGATION_REACH; k++) {
    const t = tokens[at - k];
    if (t === undefined) break;
    if (NEGATORS.has(t)) {
      // A negated sentiment word is weaker than its opposite ("not bullish" < "bearish").
      factor *= -0.6;
      break;
    }
  }
  return factor;
}

/** Scores one text; score is the confidence (0-1) in the returned label. */
export function scoreText(text: string): LexiconScore {
  const tokens = tokenize(text);
  const used = tokens.map(() => false);
  const hits = phraseHits(tokens, used);
  tokens.forEach((t, i) => {
    if (used[i]) return;
    const w = WORDS[t];
    // "record" is both a weak positive word and an intensifier; as an intensifier it is not scored.
    if (w === undefined || w === 0) return;
    const next = tokens[i + 1];
    if (INTENSIFIERS[t] !== undefined && next !== undefined && WORDS[next] !== undefined) return;
    hits.push({ at: i, weight: w });
  });
  let sum = 0;
  let magnitude = 0;
  for (const h of hits) {
    const w = h.weight * modifierAt(tokens, h.at);
    sum += w;
    magnitude += Math.abs(w);
  }
  for (const [emoji, weight] of EMOJI) {
    const count = text.split(emoji).length - 1;
    sum += weight * count;
    magnitude += Math.abs(weight) * count;
  }
  if (Math.abs(sum) < NEUTRAL_BAND) {
    // Confidence in "neutral" falls as opposing signals pile up (mixed, not empty).
    return { label: 'neutral', score: round(Math.max(0.5, 0.9 - magnitude * 0.08)) };
  }
  // Agreement of the signals (|sum| / magnitude) and their strength both raise confidence.
  const agreement = magnitude === 0 ? 0 : Math.abs(sum) / magnitude;
  const strength = 1 - Math.exp(-Math.abs(sum) / 2.5);
  const score = 0.5 + 0.5 * agreement * strength;
  return { label: sum > 0 ? 'positive' : 'negative', score: round(Math.min(0.99, score)) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
