// The benchmark's profiles: a fixed, seeded set (same output on every run and machine), drawn from
// the compiled ruleset so it follows the rules when they change. Every industry and size class
// (indicators exactly at each 300号 bound and one unit either side), missing and null facts, every
// threshold of a condition exactly and ±1 unit (±0.01 yuan, ±1 person, ±1 day, ±1 year), dates at
// as-of-relative edges (as_of-1y, as_of-3y ±1 day), as-of dates at window edges (and 29 February),
// hires lists (none, empty, up to 12 people with fields at their edges or missing).
//
//   node tests/bench/gen-profiles.mjs RULESET.json N OUT.json            [{ as_of, profile }, …]
//   node tests/bench/gen-profiles.mjs RULESET.json N OUT.ndjson --ndjson  one profile a line (batch)
import { readFileSync, createWriteStream } from 'node:fs';
import { shiftDate } from './translate.mjs';

export const SEED = 0x5eed2023;

// mulberry32: tiny, fast, fully deterministic.
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Thresholds each fact is compared with anywhere in the ruleset (conditions and size bounds).
function thresholds(rs) {
  const out = {}; // fact (or list.field) → Set of values as written (strings for money/dates)
  const add = (f, v) => (out[f] ??= new Set()).add(v);
  const walk = (c, list) => {
    if (!c || typeof c !== 'object') return;
    if (Array.isArray(c)) return c.forEach(x => walk(x, list));
    if (c.all) return walk(c.all, list);
    if (c.any) return walk(c.any, list);
    if (c.not) return walk(c.not, list);
    if (c.count !== undefined) return walk(c.where, c.count);
    if (c.fact !== undefined && c.value !== undefined) {
      const f = list ? `${list}.${c.fact}` : c.fact;
      for (const v of Array.isArray(c.value) ? c.value : [c.value]) add(f, v);
    }
  };
  for (const d of rs.derived ?? []) walk(d.when);
  for (const m of rs.measures) for (const p of m.parts) walk(p.when);
  for (const g of rs.size_standard?.groups ?? []) for (const t of ['sme_below', 'medium', 'small']) for (const [f, b] of Object.entries(g[t])) add(f, String(b));
  return out;
}

function windowDates(rs) {
  const s = new Set();
  for (const m of rs.measures) for (const p of m.parts) for (const w of [p.window, m.window]) {
    if (w?.from) s.add(w.from);
    if (w?.to) s.add(w.to);
  }
  return [...s];
}

const fmtMoney = x => (Math.round(x * 100) / 100).toFixed(2).replace(/\.00$/, '');

export function generate(rs, n, seed = SEED) {
  const rnd = prng(seed);
  const pick = a => a[Math.floor(rnd() * a.length)];
  const chance = p => rnd() < p;
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const th = thresholds(rs);
  const edges = windowDates(rs);
  const asOfs = [...new Set([...edges, ...edges.map(d => shiftDate(d, { days: -1 })), ...edges.map(d => shiftDate(d, { days: 1 })),
    '2023-05-17', '2023-07-01', '2024-02-29', '2024-03-01', '2025-03-01'])].sort();
  const std = rs.size_standard;
  const industries = std ? rs.facts.find(f => f.id === std.industry_fact).values.map(v => v.id) : [];
  const groupOf = ind => std.groups.find(g => (Array.isArray(g.industry) ? g.industry : [g.industry]).includes(ind));
  const sizeFacts = new Set(std ? std.groups.flatMap(g => ['sme_below', 'medium', 'small'].flatMap(t => Object.keys(g[t]))) : []);

  // A value near a threshold (exactly, one unit either side) or anywhere plausible.
  const number = (fact, type, min, max) => {
    const ts = [...(th[fact] ?? [])].map(Number).filter(Number.isFinite);
    const unit = type === 'money' ? pick([0.01, 1]) : 1;
    let x;
    if (ts.length && chance(0.7)) x = pick(ts) + pick([-unit, 0, 0, unit]);
    else if (chance(0.1)) x = 0;
    else x = type === 'money' ? Math.round(10 ** (2 + rnd() * 8) * 100) / 100 : Math.floor(10 ** (rnd() * 4));
    x = Math.min(Math.max(x, min ?? 0), max ?? 1e12);
    return type === 'money' ? fmtMoney(x) : Math.round(x);
  };
  const date = (fact, asOf) => {
    const ts = [...(th[fact] ?? [])];
    if (ts.length && chance(0.75)) {
      const t = pick(ts);
      const m = /^as_of(?:([+-])(\d+)([ymd]))?$/.exec(t);
      const base = m ? shiftDate(asOf, { [{ y: 'years', m: 'months', d: 'days' }[m[3]] ?? 'days']: m[1] ? (m[1] === '-' ? -1 : 1) * Number(m[2]) : 0 }) : t;
      return shiftDate(base, { days: pick([-1, 0, 0, 1]) });
    }
    return shiftDate(asOf, { days: -int(-200, 6 * 365) });
  };
  const year = (fact, f, asOf) => {
    const y = Number(asOf.slice(0, 4));
    const ts = [...(th[fact] ?? [])].map(v => (typeof v === 'number' ? v : y + Number(/as_of_year([+-]\d+)?/.exec(v)?.[1] ?? 0)));
    const x = ts.length && chance(0.75) ? pick(ts) + pick([-1, 0, 0, 1]) : int(y - 10, y + 1);
    return Math.min(Math.max(x, f.min ?? 1900), f.max ?? 2100);
  };
  const value = (f, key, asOf) => {
    switch (f.type) {
      case 'bool': return chance(0.55);
      case 'enum': return pick(f.values).id;
      case 'int': case 'money': return number(key, f.type, f.min === undefined ? undefined : Number(f.min), f.max === undefined ? undefined : Number(f.max));
      case 'date': return date(key, asOf);
      case 'year': return year(key, f, asOf);
    }
    throw new Error(f.type);
  };

  const out = [];
  for (let i = 0; i < n; i++) {
    const asOf = pick(asOfs);
    // How much is left unanswered: complete, a little, half, nearly everything.
    const missing = pick([0, 0, 0.05, 0.15, 0.3, 0.5, 0.9]);
    const p = {};
    // The size class first: an industry (or none), then indicators placed for a chosen class.
    const ind = chance(0.05) ? null : industries[i % industries.length];
    if (ind) p.industry = ind;
    if (std) {
      const g = groupOf(ind ?? pick(industries));
      const declared = (std.declared ?? []).find(d => d.industry === ind);
      if (declared && !chance(missing)) p[declared.fact] = pick(['large', 'medium', 'small', 'micro']);
      const tier = pick(['sme_below', 'medium', 'small', 'under']);
      // A declared industry has no indicators to place.
      for (const f of g ? sizeFacts : []) {
        const bounds = tier === 'under' ? g.small : g[tier];
        let v;
        const fact = rs.facts.find(x => x.id === f);
        if (bounds[f] !== undefined) {
          const b = Number(bounds[f]), unit = fact.type === 'money' ? pick([0.01, 1, b * 0.1]) : pick([1, Math.max(1, Math.round(b * 0.1))]);
          v = tier === 'under' ? b - unit * pick([1, 1, 2, 5]) : b + unit * pick([-1, 0, 0, 1, 3]);
          v = Math.max(0, v);
        } else v = fact.type === 'money' ? 10 ** (4 + rnd() * 6) : int(0, 2000);
        if (!chance(missing)) p[f] = fact.type === 'money' ? fmtMoney(v) : Math.round(v);
      }
    }
    for (const f of rs.facts) {
      if (f.computed || f.id in p || f.id === std?.industry_fact || sizeFacts.has(f.id)) continue;
      if (chance(missing)) { if (chance(0.1)) p[f.id] = null; continue; }
      if (f.type === 'list') {
        if (chance(0.15)) { p[f.id] = []; continue; }
        const items = [];
        for (let k = int(1, chance(0.9) ? 4 : 12); k > 0; k--) {
          const it = {};
          for (const g of f.fields) if (!chance(missing / 2 + 0.03)) it[g.id] = value(g, `${f.id}.${g.id}`, asOf);
          items.push(it);
        }
        p[f.id] = items;
        continue;
      }
      p[f.id] = value(f, f.id, asOf);
    }
    out.push({ as_of: asOf, profile: p });
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [rsPath, n, outPath] = process.argv.slice(2);
  const rs = JSON.parse(readFileSync(rsPath, 'utf8'));
  const ndjson = process.argv.includes('--ndjson');
  const w = createWriteStream(outPath);
  const N = Number(n), chunk = 10000;
  if (!ndjson) {
    const set = generate(rs, N);
    w.end(JSON.stringify(set));
  } else {
    // In chunks with their own seeds, so a million profiles need little memory; the first chunk is
    // the same as the benchmark set.
    for (let c = 0; c * chunk < N; c++) {
      const set = generate(rs, Math.min(chunk, N - c * chunk), SEED + c);
      const text = set.map(r => JSON.stringify(r.profile)).join('\n') + '\n';
      if (!w.write(text)) await new Promise(r => w.once('drain', r));
    }
    w.end();
  }
  await new Promise(r => w.on('finish', r));
}
