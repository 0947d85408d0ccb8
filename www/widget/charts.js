// Inline SVG pictures, each named (role=img, <title>) and with its data as text.
import { h, s, fill, day, P, windowText } from './dom.js';

const L = 50, num = d => Date.parse(d) / 864e5;
let W; // the results column's width: 1 unit ≈ 1 px, so labels stay legible
const size = w => W = Math.max(260, Math.min(700, w.res.clientWidth));

function figure(t, title, alt, svgKids, height, items) {
  return h('figure', null,
    s('svg', { viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-label': alt }, s('title', { text: alt }), svgKids),
    h('figcaption', null, h('details', null, h('summary', { text: title + ' — ' + t.asText }), h('ul', null, items.map(text => h('li', { text }))))));
}

export function timeline(w, r) {
  size(w);
  const { t, lang } = w, rows = r.measures.flatMap(m => m.parts.filter(p => p.window).map(p => ({ m, p, ...p.window })));
  if (!rows.length) return null;
  const ds = [r.as_of, r.summary.period.from, r.summary.period.to, ...rows.flatMap(x => [x.from, x.to])].filter(Boolean).map(num);
  const lo = Math.min(...ds) - 30, hi = Math.max(...ds) + 30, x = d => L + (num(d) - lo) / (hi - lo) * (W - L - 8);
  const y0 = 22, H = y0 + rows.length * 18 + 16, y1 = new Date(lo * 864e5).getUTCFullYear() + 1, y2 = new Date(hi * 864e5).getUTCFullYear();
  const kids = [];
  for (let y = y1; y <= y2; y++) {
    const X = x(y + '-01-01');
    kids.push(s('line', { class: 'ax', x1: X, x2: X, y1: 14, y2: H }), X < W - 40 && s('text', { x: X + 2, y: 12, text: y }));
  }
  rows.forEach((o, i) => {
    const Y = y0 + i * 18, a = o.from ? x(o.from) : L, b = o.to ? x(o.to) : W - 8;
    kids.push(s('text', { x: 0, y: Y + 10, text: o.m.id + (o.m.parts.length > 1 ? o.p.id : '') }),
      s('rect', { class: 'wn ' + o.state, x: a, y: Y + 1, width: Math.max(2, b - a), height: 10, rx: 2 }));
    if (!o.from) kids.push(s('path', { class: 'wn ' + o.state, d: `M${L} ${Y}l-6 6l6 6z` }));
    if (!o.to) kids.push(s('path', { class: 'wn ' + o.state, d: `M${W - 8} ${Y}l6 6l-6 6z` }));
  });
  const X = x(r.as_of);
  kids.push(s('line', { class: 'asof', x1: X, x2: X, y1: 14, y2: H }), s('text', { x: X > W / 2 ? X - 3 : X + 3, 'text-anchor': X > W / 2 && 'end', y: H - 2, text: r.as_of }));
  const open = rows.filter(o => o.state == 'open').length;
  return figure(t, t.tl, fill(t.tlAlt, { n: rows.length, d: day(r.as_of, lang), k: open }), kids, H,
    rows.map(o => fill(t.m, { n: o.m.id }) + P(lang).sp + o.p.title + P(lang).c + windowText(w, o)));
}

// Amounts: exact solid, cap dashed ("up to"), floor with an open end, range solid then dashed.
export function bars(w, r) {
  size(w);
  const { t } = w, ms = r.measures.filter(m => m.status == 'eligible' && m.amount);
  if (!ms.length) return null;
  const top = Math.max(...ms.map(m => +(m.amount.max ?? m.amount.min))) || 1, x = v => Math.max(2, +v / top * (W - 30));
  const kids = ms.flatMap((m, i) => {
    const { min, max, kind } = m.amount, Y = i * 34;
    const k = [s('text', { x: 0, y: Y + 12, text: fill(t.m, { n: m.id }) + ' ' + m.amount.text })];
    if (kind == 'cap' || kind == 'range') k.push(s('rect', { class: 'bx cap', x: 0, y: Y + 16, width: x(max), height: 12 }));
    if (kind != 'cap') k.push(s('rect', { class: 'bx', x: 0, y: Y + 16, width: x(min), height: 12 }));
    if (kind == 'floor') k.push(s('line', { class: 'fl', x1: x(min), x2: W - 10, y1: Y + 22, y2: Y + 22 }), s('path', { class: 'bx', d: `M${W - 10} ${Y + 16}l8 6l-8 6z` }));
    return k;
  });
  return figure(t, t.bars, fill(t.barsAlt, { n: ms.length }), kids, ms.length * 34 + 4,
    ms.map(m => fill(t.m, { n: m.id }) + P(w.lang).sp + m.title + P(w.lang).c + m.amount.text + (t[m.amount.kind] ?? '')));
}
