// The report (summary, pictures, measures by chapter with "why") and the policy text.
import { h, fill, day, P, windowText } from './dom.js';
import { bars, timeline } from './charts.js';

const ICON = { eligible: '✓', needs_info: '?', ineligible: '✗', expired: '○', not_applicable: '–', met: '✓', not_met: '✗', unknown: '?' };
const ZH = 'zh-CN';
const icon = k => h('span', { class: 'o', 'aria-hidden': 'true', text: ICON[k] });
const line = (label, ...v) => v[0] ? h('p', null, label, ...v) : null;

export function report(w, r) {
  const { t, lang, cat } = w, S = r.summary, p = P(lang);
  const labels = new Map((r.next_questions ?? []).map(q => [q.fact, q.label]));
  const deps = [...new Set(r.measures.filter(m => m.status == 'eligible' && /benefit|support/.test(m.kind)).flatMap(m => m.departments ?? []))];
  return [
    S.windows_closed && h('div', { class: 'alert', role: 'note' }, h('p', { text: fill(t.closed, { d: day(r.as_of, lang) }) }),
      w.best.date && h('button', { type: 'button', class: 'p', 'data-k': 'best', text: fill(t.suggest, { d: day(w.best.date, lang), n: w.best.open }), onclick: () => { w.setAsOf(w.best.date); w.root.getElementById('rh').focus(); } })),
    h('div', { class: 'sum' },
      h('p', { class: 'big', text: fill(t.eligible, { n: S.eligible }) }),
      h('ul', { class: 'counts' }, ['eligible', 'needs_info', 'ineligible', 'expired', 'not_applicable'].map(k => h('li', { class: k }, icon(k), fill(t[k], { n: S[k] })))),
      S.amount ? h('p', null, t.total, h('strong', { text: S.amount.text }), t[S.amount.kind]) : h('p', { text: t.noTotal }),
      S.eligible_without_amount > 0 && h('p', { text: fill(t.noAmt, { n: S.eligible_without_amount }) }),
      line(t.size, r.size_class.text),
      h('p', { text: fill(t.asOfIs, { d: day(r.as_of, lang) }) })),
    h('p', { class: 'notice', role: 'note', text: fill(t.notice, { d: deps.length ? deps.join(p.j) : t.noticeAll }) }),
    bars(w, r), timeline(w, r),
    cat.chapters.map(c => [h('h4', { text: fill(t.ch, { n: c.id }) + c.title }),
      r.measures.filter(m => m.chapter == c.id).map(m => measure(w, m, labels))]),
    h('p', { class: 'small receipt', text: fill(t.receipt, { id: r.ruleset.id, v: r.ruleset.version, h: r.ruleset.hash, e: r.engine }) }),
  ];
}

function measure(w, m, labels) {
  const { t, lang } = w, p = P(lang), info = w.cat.measures.find(x => x.id == m.id);
  const miss = m.status == 'needs_info' ? m.missing.filter(f => labels.has(f)) : [];
  return h('article', { id: 'm-' + m.id, class: m.status, tabindex: '-1', 'aria-labelledby': 'mh-' + m.id },
    h('h5', { id: 'mh-' + m.id, text: fill(t.m, { n: m.id }) + p.sp + m.title }),
    h('p', { class: 'st' }, icon(m.status), ' ', m.status_text, m.ended && ' — ' + fill(t.ended, { d: day(m.ended, lang) })),
    m.amount && line(t.amt, h('strong', { text: m.amount.text }), t[m.amount.kind]),
    m.parts.filter(x => x.window).map(x => line(t.win, (m.parts.length > 1 ? x.title + p.c : '') + windowText(w, x.window))),
    line(t.dept, (m.departments ?? []).join(p.j)),
    miss.length > 0 && h('p', { class: 'ctl' }, t.miss, miss.map((f, i) => [i ? p.j : '', h('button', { type: 'button', class: 'l', 'data-k': `q${m.id}${f}`, text: labels.get(f), onclick: () => w.ask(f) })])),
    m.note && h('p', { class: 'small', text: t.note + m.note }),
    w.disc('why' + m.id, t.why, h('div', { class: 'why' }, m.parts.map(x => part(w, m, x)),
      h('p', null, h('strong', { text: t.clause })), h('blockquote', { text: info.text }),
      lang != 'zh' && w.disc('zh' + m.id, t.orig, h('blockquote', { lang: ZH, text: info.text_zh })))),
    h('button', { type: 'button', class: 'l', 'data-k': 'tc' + m.id, text: t.toClause, onclick: () => w.go('c-' + m.id) }));
}

function part(w, m, x) {
  const { t } = w, c = P(w.lang).c;
  return h('div', { class: 'part' },
    h('p', null, h('strong', { text: (x.title ?? '') + c }), x.status_text, x.amount && ' — ' + x.amount.text),
    line(t.formula, x.formula), line(t.basis, x.basis), x.amount_cite && line(t.cite, h('q', { text: x.amount_cite })),
    h('ul', { class: 'rs' }, (x.explanation ?? []).map(e => h('li', { class: `${e.outcome} d${Math.min(e.depth, 4)}` },
      icon(e.outcome), h('span', { class: 'sr', text: t[e.outcome] + c }), e.text,
      e.cite && [' ', h('small', null, e.clause && e.clause != m.id ? fill(t.m, { n: e.clause }) + ' ' : '', h('q', { text: e.cite }))],
      e.source && h('small', { text: ' ' + t.src + e.source })))),
    x.note && h('p', { class: 'small', text: t.note + x.note }));
}

export function policy(w) {
  const { t, lang, cat } = w, p = P(lang);
  return h('section', { class: 'policy', 'aria-labelledby': 'ph' }, h('h3', { id: 'ph', text: t.policy }),
    h('p', { class: 'small', text: `${cat.title} ${cat.document}${p.j}${cat.issuer}${p.j}${day(cat.issued, lang)}${p.p(cat.source)}` }),
    w.disc('pd', t.policyShow, cat.chapters.map(c => [h('h4', { text: fill(t.ch, { n: c.id }) + c.title }),
      cat.measures.filter(m => m.chapter == c.id).map(m => h('div', { class: 'clause', id: 'c-' + m.id, tabindex: '-1' },
        h('h5', null, fill(t.m, { n: m.id }) + p.sp + m.title, lang != 'zh' && h('span', { lang: ZH, text: p.sp + m.title_zh })),
        h('div', { class: 'pair' }, h('p', { text: m.text }), lang != 'zh' && h('p', { lang: ZH, text: m.text_zh })),
        m.text_note && h('p', { class: 'small', text: t.note + m.text_note }),
        h('button', { type: 'button', class: 'l', 'data-k': 'tr' + m.id, text: t.toRes, onclick: () => w.go('m-' + m.id) })))])));
}
