// Pure logic (no DOM), unit-tested.

export const langOf = v => /^(ja|en)\b/i.test(v ?? '') ? v.slice(0, 2).toLowerCase() : 'zh';
const p2 = n => String(n).padStart(2, '0');
export const today = (d = new Date()) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
export const isDate = v => /^\d{4}-\d\d-\d\d$/.test(v ?? '');
export const answered = v => Array.isArray(v) ? v.length > 0 : v !== '' && v != null;

// Full-width digits → ASCII, separators dropped (the engine judges the rest).
export const numeric = v => v.replace(/[\uFF0B-\uFF19]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
  .replace(/[\s,，、]/g, '').replace(/。/g, '.');

// The engine's profile: empty answers left out (unknown). types: fact id or list.field → type.
export function profile(answers, types) {
  const put = (o, k, v, key) => {
    const t = types.get(key);
    if (v !== '' && v != null) o[k] = typeof v == 'string' && /^(int|money|year)$/.test(t) ? numeric(v) : v;
    return o;
  };
  const out = {};
  for (const [k, v] of Object.entries(answers)) {
    if (Array.isArray(v)) out[k] = v.map(e => Object.keys(e).reduce((o, f) => put(o, f, e[f], k + '.' + f), {}));
    else put(out, k, v, k);
  }
  return out;
}

// Answers from a file, link or storage, taken whole: known facts, each with an answer of its type
// (a string, a boolean for yes/no), lists of at most 500 entries; null if anything else is there.
export function clean(a, types) {
  const obj = o => o && typeof o == 'object' && !Array.isArray(o);
  const ok = (v, t) => t == 'bool' ? typeof v == 'boolean' || v === '' : t && t != 'list' && typeof v == 'string' && v.length < 200;
  if (!obj(a)) return null;
  const out = {};
  for (const [k, v] of Object.entries(a)) {
    if (types.get(k) == 'list' && Array.isArray(v) && v.length <= 500 && v.every(e => obj(e) && Object.entries(e).every(([f, x]) => ok(x, types.get(k + '.' + f))))) out[k] = v.map(e => ({ ...e }));
    else if (ok(v, types.get(k))) out[k] = v;
    else return null;
  }
  return out;
}

// base64url of the JSON, for the URL fragment.
export function encode(o) {
  let bin = '';
  for (const b of new TextEncoder().encode(JSON.stringify(o))) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function decode(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, c => c.charCodeAt(0))));
}

// The latest date in the policy period with the most windows open.
export function bestAsOf(cat) {
  const { from: pf, to: pt } = cat.period;
  const ws = cat.measures.flatMap(m => m.parts.filter(p => p.from || p.to));
  const open = d => ws.filter(w => (!w.from || w.from <= d) && (!w.to || d <= w.to)).length;
  let best = null, n = -1;
  for (const d of [pf, pt, ...ws.flatMap(w => [w.from, w.to])]) {
    if (!d || d < pf || pt && d > pt) continue;
    const k = open(d);
    if (k > n || k == n && d > best) [best, n] = [d, k];
  }
  return { date: best, open: n };
}

// A money answer read back (5000万元 / CNY 50,000,000), to catch a slip of 万.
export function moneyText(raw, lang) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(numeric(raw ?? ''));
  if (!m) return '';
  const i = m[1].replace(/^0+(?=\d)/, ''), f = m[2] ?? '';
  if (lang == 'zh') {
    const p = i.padStart(5, '0');
    return (p.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + p.slice(-4) + f).replace(/\.?0+$/, '') + '万元';
  }
  const g = i.replace(/\B(?=(\d{3})+$)/g, ',') + (f && '.' + f);
  return lang == 'en' ? 'CNY ' + g : g + '元';
}
