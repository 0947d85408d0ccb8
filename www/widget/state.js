// Pure logic of the widget (no DOM): answers → engine profile, import checks, the link
// fragment, today's date and the as-of suggestion. Tested by tests/widget/state.test.mjs.

// The UI language of a lang attribute: zh (default), ja or en.
export const langOf = v => /^(ja|en)\b/i.test(v ?? '') ? v.slice(0, 2).toLowerCase() : 'zh';

const p2 = n => String(n).padStart(2, '0');
// Today in the browser's time zone, YYYY-MM-DD.
export const today = (d = new Date()) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
export const isDate = v => /^\d{4}-\d\d-\d\d$/.test(v ?? '');

// Full-width digits and separators typed with a Chinese or Japanese IME become ASCII; thousands
// separators and spaces go. Anything else is left for the engine to judge (and report).
export const numeric = v => v.replace(/[\uFF0B-\uFF19]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
  .replace(/[\s,，、]/g, '').replace(/。/g, '.');

// The profile handed to the engine: empty answers are left out (unknown), numbers normalised.
// types: Map of fact id (or list.field) → type.
export function profile(answers, types) {
  const out = {};
  const put = (o, k, v, key) => {
    if (v === '' || v == null) return;
    const t = types.get(key);
    o[k] = typeof v == 'string' && (t == 'int' || t == 'money' || t == 'year') ? numeric(v) : v;
  };
  for (const [k, v] of Object.entries(answers)) {
    if (Array.isArray(v)) out[k] = v.map(e => { const o = {}; for (const f in e) put(o, f, e[f], k + '.' + f); return o; });
    else put(out, k, v, k);
  }
  return out;
}

export const answered = v => Array.isArray(v) ? v.length > 0 : v !== '' && v != null;

// Checks answers read from a file, a link or storage: only known facts, strings/booleans, lists of
// entries. Returns the cleaned answers, or null when the whole thing is not answers.
export function clean(a, types) {
  if (!a || typeof a != 'object' || Array.isArray(a)) return null;
  const ok = v => typeof v == 'boolean' || typeof v == 'string' && v.length < 200;
  const out = {};
  for (const [k, v] of Object.entries(a)) {
    const t = types.get(k);
    if (t == 'list' && Array.isArray(v) && v.length <= 500) {
      out[k] = v.filter(e => e && typeof e == 'object').map(e => {
        const o = {};
        for (const f in e) if (types.has(k + '.' + f) && ok(e[f])) o[f] = e[f];
        return o;
      });
    } else if (t && t != 'list' && ok(v)) out[k] = v;
  }
  return out;
}

// base64url of the JSON (UTF-8): compact, and safe in a URL fragment.
export function encode(o) {
  let bin = '';
  for (const b of new TextEncoder().encode(JSON.stringify(o))) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function decode(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, c => c.charCodeAt(0))));
}

// Windows of the catalog's measures: [{m, part, from, to}].
export const windows = cat => cat.measures.flatMap(m => m.parts.filter(p => p.from || p.to).map(p => ({ m: m.id, part: p.id, from: p.from, to: p.to })));

// The as-of date to suggest when every window has closed: inside the policy period, the latest
// date on which the most windows are open. Windows only open or close at their bounds, so the
// bounds (and the period's) are the only candidates.
export function bestAsOf(cat) {
  const { from: pf, to: pt } = cat.period;
  const ws = windows(cat);
  const open = d => ws.filter(w => (!w.from || w.from <= d) && (!w.to || d <= w.to)).length;
  let best = null, n = -1;
  for (const d of [pf, pt, ...ws.flatMap(w => [w.from, w.to])]) {
    if (!d || d < pf || pt && d > pt) continue;
    const k = open(d);
    if (k > n || k == n && d > best) [best, n] = [d, k];
  }
  return { date: best, open: n };
}

// What a money answer reads as, to catch a slip of 万 (zh: 即 5000万元; ja: 50,000,000元; en: CNY 50,000,000).
export function moneyText(raw, lang) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(numeric(raw ?? ''));
  if (!m) return '';
  const i = m[1].replace(/^0+(?=\d)/, ''), f = m[2] ? '.' + m[2] : '';
  if (lang == 'zh') {
    const p = i.padStart(5, '0');
    return (p.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + p.slice(-4) + f.slice(1)).replace(/\.?0+$/, '') + '万元';
  }
  const g = i.replace(/\B(?=(\d{3})+$)/g, ',') + f;
  return lang == 'en' ? 'CNY ' + g : g + '元';
}
