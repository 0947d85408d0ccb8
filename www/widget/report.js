// The report and the policy text.
import { h, s, b, fill, fillB, list, day, P, windowText } from './dom.js';

const ICON = { eligible: '✓', needs_info: '?', ineligible: '✗', expired: '○', not_applicable: '–', met: '✓', not_met: '✗', unknown: '?' };
const icon = k => h('span', { class: 'o', 'aria-hidden': 'true', text: ICON[k] });
const line = (label, ...v) => v[0] ? h('p', null, label, ...v) : null;

export function report(w, r) {
  const { t, lang, cat } = w, S = r.summary, p = P(lang);
  const labels = new Map((r.next_questions ?? []).map(q => [q.fact, q.label]));
  const named = new Map([['size_class', r.size_class.explanation], ...(r.derived ?? []).map(d => [d.id, d.explanation])]);
  const deps = [...new Set(r.measures.filter(m => m.status == 'eligible' && /benefit|support/.test(m.kind)).flatMap(m => m.departments ?? []))];
  return [
    S.windows_closed && h('div', { class: 'alert', role: 'note' }, h('p', { text: fill(t.closed, { d: day(r.as_of, lang) }) }),
      w.best.date && h('button', { class: 'p', 'data-k': 'best', text: fill(t.suggest, { d: day(w.best.date, lang), n: w.best.open }), onclick: () => { w.setAsOf(w.best.date); w.root.getElementById('rh').focus(); } })),
    h('div', { class: 'sum' },
      h('p', { class: 'big', text: fill(t.eligible, { n: S.eligible }) }),
      h('ul', { class: 'counts' }, ['eligible', 'needs_info', 'ineligible', 'expired', 'not_applicable'].map(k => h('li', { class: k }, icon(k), fill(t[k], { n: S[k] })))),
      S.amount ? h('p', null, t.total, h('strong', { text: S.amount.text }), t[S.amount.kind]) : h('p', { text: t.noTotal }),
      S.eligible_without_amount > 0 && h('p', { text: fill(t.noAmt, { n: S.eligible_without_amount }) }),
      line(t.size, r.size_class.text),
      h('p', { text: fill(t.asOfIs, { d: day(r.as_of, lang) }) })),
    h('p', { class: 'notice', role: 'note' }, fillB(t.notice, { d: deps.length ? list(deps, p.j) : t.noticeAll })),
    bars(w, r), timeline(w, r),
    cat.chapters.map(c => [h('h4', { text: fill(t.ch, { n: c.id }) + c.title }),
      r.measures.filter(m => m.chapter == c.id).map(m => measure(w, m, labels, named))]),
    h('p', { class: 'small receipt' }, fillB(t.receipt, { ...r.ruleset, e: r.engine })),
  ];
}

function measure(w, m, labels, named) {
  const { t, lang } = w, p = P(lang);
  const miss = m.status == 'needs_info' ? m.missing.filter(f => labels.has(f)) : [];
  return h('article', { id: 'm-' + m.id, class: m.status, tabindex: '-1', 'aria-labelledby': 'mh-' + m.id },
    h('h5', { id: 'mh-' + m.id, text: fill(t.m, { n: m.id }) + p.sp + m.title }),
    h('p', { class: 'st' }, icon(m.status), ' ', m.status_text, m.ended && ' — ' + fill(t.ended, { d: day(m.ended, lang) })),
    m.amount && line(t.amt, h('strong', { text: m.amount.text }), t[m.amount.kind]),
    m.parts.filter(x => x.window).map(x => h('p', null, t.win, m.parts.length > 1 && [b(x.title), p.c], windowText(w, x.window))),
    line(t.dept, ...list(m.departments ?? [], p.j)),
    miss.length > 0 && h('p', { class: 'ctl' }, t.miss, miss.map((f, i) => [i ? p.j : '', h('button', { class: 'l', 'data-k': `q${m.id}${f}`, text: labels.get(f), onclick: () => w.ask(f) })])),
    m.note && h('p', { class: 'small', text: t.note + m.note }),
    w.disc('why' + m.id, t.why, () => {
      const info = w.cat.measures.find(x => x.id == m.id);
      return h('div', { class: 'why' }, m.parts.map(x => part(w, m, x, named)),
        h('p', null, h('strong', { text: t.clause })), h('blockquote', { text: info.text }),
        lang != 'zh' && w.disc('zh' + m.id, t.orig, h('blockquote', { lang: 'zh-CN', text: info.text_zh })));
    }),
    h('button', { class: 'l', 'data-k': 'tc' + m.id, text: t.toClause, onclick: () => w.go('c-' + m.id) }));
}

// A reason naming a condition (report.derived, size class) nests its explanation.
function reasons(w, m, list, named, n = 0) {
  const { t } = w, c = P(w.lang).c;
  return h('ul', { class: 'rs' }, list.map(e => h('li', { class: `${e.outcome} d${Math.min(e.depth, 4)}` },
    icon(e.outcome), h('span', { class: 'sr', text: t[e.outcome] + c }), b(e.text),
    e.cite && [' ', h('small', null, e.clause && e.clause != m.id ? fill(t.m, { n: e.clause }) + ' ' : '', h('q', { text: e.cite }))],
    e.source && h('small', { text: ' ' + t.src + e.source }),
    n < 4 && named.get(e.fact)?.length && reasons(w, m, named.get(e.fact), named, n + 1))));
}

function part(w, m, x, named) {
  const { t } = w, amount = x.amount?.text ?? x.amount_problem;
  return h('div', { class: 'part' },
    h('p', null, h('strong', null, b(x.title), P(w.lang).c), x.status_text, amount && ' — ' + amount),
    line(t.formula, b(x.formula)), line(t.basis, x.basis), x.amount_cite && line(t.cite, h('q', { text: x.amount_cite })),
    reasons(w, m, x.explanation ?? [], named),
    x.note && h('p', { class: 'small', text: t.note + x.note }));
}

export function policy(w) {
  const { t, lang, cat } = w, p = P(lang);
  return h('section', { class: 'policy', 'aria-labelledby': 'ph' }, h('h3', { id: 'ph', text: t.policy }),
    h('p', { class: 'small' }, b(cat.title), ' ', b(cat.document), p.j, b(cat.issuer), p.j, day(cat.issued, lang), fillB(p.p('{s}'), { s: cat.source })),
    w.disc('pd', t.policyShow, () => h('div', null, cat.chapters.map(c => [h('h4', { text: fill(t.ch, { n: c.id }) + c.title }),
      cat.measures.filter(m => m.chapter == c.id).map(m => h('div', { class: 'clause', id: 'c-' + m.id, tabindex: '-1' },
        h('h5', null, fill(t.m, { n: m.id }) + p.sp, b(m.title), lang != 'zh' && h('span', { lang: 'zh-CN', text: p.sp + m.title_zh })),
        h('div', { class: 'pair' }, h('p', { text: m.text }), lang != 'zh' && h('p', { lang: 'zh-CN', text: m.text_zh })),
        m.text_note && h('p', { class: 'small', text: t.note + m.text_note }),
        h('button', { class: 'l', 'data-k': 'tr' + m.id, text: t.toRes, onclick: () => w.go('m-' + m.id) })))]))));
}

// SVG pictures, named and with their data as text; x in % (no layout read).
const num = d => Date.parse(d) / 864e5, pc = v => v + '%';
const tip = (x, y, cls, w) => s('svg', { x: pc(x), y, overflow: 'visible' }, s('path', { class: cls, d: `M0 0l${w} 6l${-w} 6z` }));

function figure(t, title, alt, kids, height, items) {
  return h('figure', null,
    s('svg', { height, role: 'img', 'aria-label': alt }, kids),
    h('figcaption', null, h('details', null, h('summary', { text: title + ' — ' + t.asText }), h('ul', null, items.map(x => h('li', null, x))))));
}

function timeline(w, r) {
  const { t, lang } = w, rows = r.measures.flatMap(m => m.parts.filter(p => p.window).map(p => ({ m, p, ...p.window })));
  if (!rows.length) return null;
  const ds = [r.as_of, r.summary.period.from, r.summary.period.to, ...rows.flatMap(x => [x.from, x.to])].filter(Boolean).map(num);
  const lo = Math.min(...ds) - 30, hi = Math.max(...ds) + 30, x = d => 12 + (num(d) - lo) / (hi - lo) * 86; // labels in 0–12 %
  const y0 = 22, H = y0 + rows.length * 18 + 16, y1 = new Date(lo * 864e5).getUTCFullYear() + 1, y2 = new Date(hi * 864e5).getUTCFullYear();
  const kids = [];
  for (let y = y1; y <= y2; y++) {
    const X = x(y + '-01-01');
    kids.push(s('line', { class: 'ax', x1: pc(X), x2: pc(X), y1: 14, y2: H }), X < 88 && s('text', { x: pc(X), dx: 2, y: 12, text: y }));
  }
  rows.forEach((o, i) => {
    const Y = y0 + i * 18, a = o.from ? x(o.from) : 12, b = o.to ? x(o.to) : 98, c = 'wn ' + o.state;
    kids.push(s('text', { x: 0, y: Y + 10, text: o.m.id + (o.m.parts.length > 1 ? o.p.id : '') }),
      s('rect', { class: c, x: pc(a), y: Y + 1, width: pc(Math.max(.3, b - a)), height: 10, rx: 2 }),
      !o.from && tip(12, Y, c, -6), !o.to && tip(98, Y, c, 6));
  });
  const X = x(r.as_of);
  kids.push(s('line', { class: 'asof', x1: pc(X), x2: pc(X), y1: 14, y2: H }), s('text', { x: pc(X), dx: X > 50 ? -3 : 3, 'text-anchor': X > 50 && 'end', y: H - 2, text: r.as_of }));
  return figure(t, t.tl, fill(t.tlAlt, { n: rows.length, d: day(r.as_of, lang), k: rows.filter(o => o.state == 'open').length }), kids, H,
    rows.map(o => [fill(t.m, { n: o.m.id }) + P(lang).sp, b(o.p.title), P(lang).c + windowText(w, o)]));
}

// Amounts: exact solid, cap dashed, floor open-ended, range solid then dashed.
function bars(w, r) {
  const { t } = w, ms = r.measures.filter(m => m.status == 'eligible' && m.amount);
  if (!ms.length) return null;
  const top = Math.max(...ms.map(m => +(m.amount.max ?? m.amount.min))) || 1, x = v => pc(Math.max(.3, +v / top * 95));
  const kids = ms.flatMap((m, i) => {
    const { min, max, kind } = m.amount, Y = i * 34;
    return [s('text', { x: 0, y: Y + 12, text: fill(t.m, { n: m.id }) + ' ' + m.amount.text }),
      (kind == 'cap' || kind == 'range') && s('rect', { class: 'bx cap', x: 0, y: Y + 16, width: x(max), height: 12 }),
      kind != 'cap' && s('rect', { class: 'bx', x: 0, y: Y + 16, width: x(min), height: 12 }),
      kind == 'floor' && [s('line', { class: 'fl', x1: x(min), x2: '97%', y1: Y + 22, y2: Y + 22 }), tip(97, Y + 16, 'bx', 8)]];
  });
  return figure(t, t.bars, fill(t.barsAlt, { n: ms.length }), kids, ms.length * 34 + 4,
    ms.map(m => [fill(t.m, { n: m.id }) + P(w.lang).sp, b(m.title), P(w.lang).c + m.amount.text + (t[m.amount.kind] ?? '')]));
}
