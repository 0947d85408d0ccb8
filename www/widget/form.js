// The questionnaire: per section, the facts that can still change a result (next_questions) plus
// those answered or touched. Field nodes persist and move only when needed: typing keeps focus.
import { h, b, fill, fillB, idOf, P } from './dom.js';
import { answered, moneyText } from './state.js';

const desc = (e, d) => d.trim() ? e.setAttribute('aria-describedby', d.trim()) : e.removeAttribute('aria-describedby');
const top = p => p.split(/[.[]/)[0];
export const focusIn = el => el && (el.matches('input,select,button') ? el : el.querySelector('input:checked,input,select,button'))?.focus();

export class Form {
  constructor(w) { this.w = w; }

  build() {
    const { t, cat } = this.w;
    this.nodes = new Map();
    this.secs = cat.sections.map(s => h('fieldset', { id: 's-' + s.id }, h('legend', { text: s.title })));
    return this.el = h('form', { 'aria-labelledby': 'fh', novalidate: true, onsubmit: e => e.preventDefault(), oninput: e => this.input(e.target) },
      h('h3', { id: 'fh', text: t.form }), h('p', { class: 'help', text: t.formHelp }), this.secs);
  }

  // Keeps the raw answer: the typed string, a boolean or a choice id.
  input(el) {
    const w = this.w, p = el.name;
    if (!p) return;
    const type = w.types.get(p.replace(/\.\d+\./, '.'));
    let v = el.value;
    if (type == 'bool') v = v == '' ? '' : v == 'true';
    const [k, i, f] = p.split('.');
    if (f) w.a[k][i][f] = v; else w.a[k] = v;
    w.touched.add(k);
    if (type == 'money') w.root.getElementById(idOf('x', p)).textContent = moneyText(v, w.lang);
    w.changed();
  }

  // f: the fact; p: its path (hires.0.group); v: the answer.
  field(f, p, v) {
    const { t, lang } = this.w, id = idOf('i', p), help = f.help && h('p', { class: 'help', id: idOf('h', p) }, b(f.help), f.source && [' ' + t.src, b(f.source)]);
    const label = [b(f.label), f.unit && fillB(P(lang).p('{u}'), { u: f.unit })];
    const err = h('p', { class: 'err', id: idOf('e', p), hidden: true });
    const desc = [help && help.id, f.type == 'money' && idOf('x', p)].filter(Boolean).join(' ') || null;
    const choices = f.type == 'bool' ? [['true', t.yes], ['false', t.no]] : f.choices?.map(c => [c.id, c.title]);
    if (choices && choices.length <= 3) {
      const cur = v === true ? 'true' : v === false ? 'false' : v ?? '';
      return h('fieldset', { class: 'f', id, 'aria-describedby': desc }, h('legend', null, label), help,
        h('div', { class: 'opts' }, [...choices, ['', t.unk]].map(([val, text]) =>
          h('label', null, h('input', { type: 'radio', name: p, value: val, checked: cur == val }), text))), err);
    }
    const input = choices
      ? h('select', { id, name: p, 'aria-describedby': desc, value: v ?? '' }, h('option', { value: '', text: t.pick }), choices.map(([value, text]) => h('option', { value, text })))
      : h('input', {
        id, name: p, type: f.type == 'date' ? 'date' : 'text', value: v ?? '', autocomplete: 'off', 'aria-describedby': desc,
        inputmode: f.type == 'money' ? 'decimal' : f.type == 'date' ? null : 'numeric', min: f.type == 'date' && f.min, max: f.type == 'date' && f.max,
      });
    input.dataset.d = desc ?? '';
    return h('div', { class: 'f' }, h('label', { for: id }, label), help, input,
      f.type == 'money' && h('p', { class: 'small', id: idOf('x', p), text: moneyText(v, lang) }), err);
  }

  list(f) {
    const w = this.w, { t } = w, rows = w.a[f.id] ?? [];
    const redo = (focus) => { w.touched.add(f.id); const n = this.list(f); this.nodes.get(f.id).replaceWith(n); this.nodes.set(f.id, n); focusIn(n.querySelector(focus)); w.changed(); };
    return h('fieldset', { class: 'f', id: idOf('i', f.id), 'aria-describedby': f.help && idOf('h', f.id) }, h('legend', { text: f.label }),
      f.help && h('p', { class: 'help', id: idOf('h', f.id), text: f.help }),
      rows.map((r, i) => h('fieldset', { id: idOf('f', f.id + i) }, h('legend', { text: fill(t.hire, { n: i + 1 }) }),
        f.fields.map(g => this.field(g, `${f.id}.${i}.${g.id}`, r[g.id])),
        h('button', { type: 'button', class: 'l', text: fill(t.delHire, { n: i + 1 }), onclick: () => { rows.splice(i, 1); redo('.add'); } }))),
      h('button', { type: 'button', class: 'add', text: t.addHire, onclick: () => { w.a[f.id] = [...rows, {}]; redo(`#${idOf('f', f.id + rows.length)}`); } }),
      h('p', { class: 'err', id: idOf('e', f.id), hidden: true }));
  }

  node(f) {
    let n = this.nodes.get(f.id);
    if (!n) this.nodes.set(f.id, n = f.type == 'list' ? this.list(f) : this.field(f, f.id, this.w.a[f.id]));
    return n;
  }

  update(r) {
    const w = this.w, qs = r.next_questions ?? [];
    const show = new Set([...qs.map(q => top(q.fact)), ...w.touched, ...Object.keys(w.a).filter(k => answered(w.a[k]))]);
    w.cat.sections.forEach((s, i) => {
      const sec = this.secs[i], want = w.cat.facts.filter(f => f.section == s.id && !f.computed && show.has(f.id)).map(f => this.node(f));
      for (const n of [...sec.children]) if (n.tagName != 'LEGEND' && !want.includes(n)) n.remove();
      want.forEach((n, j) => { if (sec.children[j + 1] != n) sec.insertBefore(n, sec.children[j + 1] ?? null); });
      sec.hidden = !want.length;
    });
    for (const e of w.root.querySelectorAll('p.err')) e.hidden = true;
    for (const e of w.root.querySelectorAll('[aria-invalid]')) { e.removeAttribute('aria-invalid'); desc(e, e.dataset.d); }
    for (const e of r.errors) this.error(e.field, e.message);
  }

  error(path, msg) {
    const q = s => this.w.root.getElementById(idOf(s, path));
    const e = q('e'), i = q('i');
    if (!e) return;
    e.replaceChildren(b(msg)); e.hidden = false;
    if (i?.dataset.d != null) { i.setAttribute('aria-invalid', 'true'); desc(i, i.dataset.d + ' ' + e.id); }
  }
}
