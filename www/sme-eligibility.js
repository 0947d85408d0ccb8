// <sme-eligibility>: which of the 28 measures of 沪企服办〔2023〕1号 apply to an enterprise, worked out
// in the browser by a WebAssembly engine; no answer leaves the page. Use: embed.html (one script, one
// element). Attributes (lang, as-of, ruleset), styling (--sme-*), CSP: README.md, "Embedding the widget".
import { h, b, fill, fillB, idOf, P } from './widget/dom.js';
import { T, LANGS } from './widget/i18n.js';
import { sheet } from './widget/style.js';
import { langOf, today, isDate, profile, clean, encode, decode, bestAsOf } from './widget/state.js';
import { Form, focusIn } from './widget/form.js';
import { report, policy } from './widget/report.js';

const pkg = new URL('../pkg/', import.meta.url);
let engine; // shared by every element of the page
const load = () => engine ??= (wasm => import(new URL('sme_eligibility.js', pkg)) // glue and wasm fetched in parallel
  .then(async m => (await m.default({ module_or_path: wasm }), m)))(fetch(new URL('sme_eligibility_bg.wasm', pkg)));
const FORMAT = 'sme-eligibility-answers';
const later = new WeakMap(), grow = d => { const f = later.get(d); later.delete(d); f && d.append(f()); };

// One element's state, out of the host page's reach: no property, attribute or event carries answers.
class Widget {
  constructor(el) {
    this.el = el;
    this.root = el.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [sheet];
    for (const n of ['input', 'beforeinput', 'keydown', 'keyup', 'keypress']) this.root.addEventListener(n, e => e.stopPropagation());
    this.form = new Form(this);
    addEventListener('beforeprint', () => this.root.querySelectorAll('details').forEach(grow));
    this.a = {}; this.asOf = ''; this.touched = new Set(); this.open = new Set();
  }
  get lang() { return langOf(this.el.getAttribute('lang')); }
  get t() { return T[this.lang]; }
  get key() { return 'sme-eligibility:' + this.cat.id; }

  // data-state: loading (here, and while answers await evaluation), ready (on the results).
  async start() {
    this.root.replaceChildren(h('p', { class: 'w', role: 'status', 'data-state': 'loading', text: this.t.load }));
    try {
      const m = await load();
      this.err = this.engine = null;
      this.engine = await this.ruleset(m);
    } catch (e) { this.err = e; }
    if (!this.err) {
      this.cat = this.engine.catalog(this.lang);
      this.types = new Map(this.cat.facts.flatMap(f => [[f.id, f.type], ...(f.fields ?? []).map(g => [f.id + '.' + g.id, g.type])]));
      if (!this.restored) { this.restored = true; this.restore(); }
    }
    this.render();
  }

  async ruleset(m) {
    const u = this.el.getAttribute('ruleset');
    if (!u) return new m.Engine();
    const url = new URL(u, document.baseURI);
    if (url.origin != location.origin) throw { k: 'rsOrigin', u };
    const res = await fetch(url).catch(e => ({ status: e.message }));
    if (!res.ok) throw { k: 'rsHttp', s: res.status, u };
    return m.Engine.fromJson(await res.text());
  }

  // Answers from the link (#sme=…), else from this device if chosen.
  restore() {
    let kept;
    try { kept = JSON.parse(localStorage.getItem(this.key)); } catch { }
    this.keep = !!kept;
    this.fromLink() || this.use(kept);
    addEventListener('hashchange', () => this.fromLink() != null && this.render());
  }
  // true: the link's answers are taken; false: refused, said when drawn (answers unchanged).
  fromLink() {
    const m = /^#sme=(.*)$/.exec(location.hash);
    if (!m) return null;
    history.replaceState(history.state, '', location.pathname + location.search);
    let d;
    try { d = decode(m[1]); } catch { }
    return !!this.use(d) || !(this.said = 'impErr', this.open.add('tools'));
  }
  // Answers and date as a whole, or nothing (null) when any of it is not answers.
  use(d) {
    const a = (d?.d ?? '') === '' || isDate(d.d) ? clean(d?.a, this.types) : null;
    if (a) [this.a, this.asOf, this.touched] = [a, d.d ?? '', new Set()];
    return a;
  }

  // A <details> whose open state survives re-rendering; kids: nodes, or a function run on opening/print.
  disc(k, title, kids) {
    const d = h('details', { open: this.open.has(k), ontoggle: () => d.open ? grow(d, this.open.add(k)) : this.open.delete(k) },
      h('summary', { 'data-k': k, text: title }), kids.call ? '' : kids);
    if (kids.call) later.set(d, kids), d.open && grow(d);
    return d;
  }

  render() {
    const t = this.t, focus = this.root.activeElement?.dataset.k;
    if (this.err) return this.root.replaceChildren(h('div', { class: 'w' }, h('div', { class: 'alert', role: 'alert' }, this.errText(t))));
    const cat = this.cat = this.engine.catalog(this.lang);
    this.best = bestAsOf(cat);
    this.live = h('p', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    this.res = h('section', { 'aria-labelledby': 'rh' });
    this.msg = h('p', { role: 'status' });
    this.root.replaceChildren(h('div', { class: 'w' },
      h('div', null, h('h2', { text: t.title }), h('p', { class: 'small' }, b(cat.title), fillB(P(this.lang).p('{d}'), { d: cat.document })), h('p', { class: 'small', text: t.privacy })),
      h('div', { class: 'row ctl' },
        h('div', { class: 'row', role: 'group', 'aria-label': t.lang }, Object.entries(LANGS).map(([l, [code, name]]) =>
          h('button', { lang: code, 'data-k': 'l' + l, 'aria-pressed': String(l == this.lang), text: name, onclick: () => this.el.setAttribute('lang', code) }))),
        h('div', { class: 'f' }, h('label', { for: 'i-as_of', text: t.asOf }),
          this.asOfIn = h('input', { type: 'date', id: 'i-as_of', 'data-k': 'asof', 'data-d': '', onchange: e => e.target.value && this.setAsOf(e.target.value) }),
          h('p', { class: 'err', id: 'e-as_of', hidden: true }))),
      this.tools(t),
      h('div', { class: 'cols' }, this.form.build(), this.res),
      policy(this), this.live));
    if (this.said) this.say(this.said, 1), this.said = 0;
    this.evaluate();
    this.root.querySelector(`[data-k="${CSS.escape(focus)}"]`)?.focus();
  }

  errText(t) {
    const e = this.err;
    if (!e.k && e.name != 'RulesetLoadError') return t.loadErr;
    return [fillB(t.rsErr, { u: e.u ?? this.el.getAttribute('ruleset') }), e.k ? fill(t[e.k], e) : '',
      e.errors && h('ul', null, e.errors.map(x => h('li', null, x.path && [b(x.path), ': '], b(x.message[this.lang]))))];
  }

  tools(t) {
    return this.disc('tools', t.save, h('div', { class: 'tools' },
      h('div', { class: 'row' },
        h('button', { 'data-k': 'exp', text: t.exp, onclick: () => this.exportFile() }),
        h('label', { class: 'btn' }, t.imp, h('input', { type: 'file', class: 'sr', accept: '.json,application/json', 'data-k': 'imp', onchange: e => this.importFile(e.target) })),
        h('button', { 'data-k': 'link', text: t.link, onclick: () => this.copyLink() }),
        h('button', { 'data-k': 'print', text: t.print, onclick: () => print() }),
        h('button', { 'data-k': 'clear', text: t.clear, onclick: () => this.use({ a: {} }) && this.render() })),
      h('label', { class: 'row' }, h('input', { type: 'checkbox', 'data-k': 'keep', checked: !!this.keep, 'aria-describedby': 'kh', onchange: e => this.remember(e.target.checked) }), t.remember),
      h('p', { class: 'help', id: 'kh', text: t.rememberHelp }),
      this.linkBox = h('div', { class: 'f', hidden: true }, h('label', { for: 'lk', text: t.link }), h('input', { type: 'text', id: 'lk', readonly: true })),
      this.msg));
  }

  evaluate() {
    clearTimeout(this.timer);
    const t = this.t, focus = this.res.contains(this.root.activeElement) && this.root.activeElement.dataset.k;
    const r = this.engine.evaluate(profile(this.a, this.types), { as_of: this.asOf || this.el.getAttribute('as-of') || today(), lang: this.lang });
    if (this.root.activeElement != this.asOfIn) this.asOfIn.value = r.as_of;
    this.form.update(r);
    this.res.replaceChildren(h('h3', { id: 'rh', tabindex: '-1', text: t.res }), ...report(this, r).flat(9).filter(Boolean));
    this.res.dataset.state = 'ready';
    if (focus) this.root.querySelector(`[data-k="${CSS.escape(focus)}"]`)?.focus();
    const S = r.summary, said = fill(t.live, { ...S, t: S.amount ? t.total + S.amount.text : '' });
    if (this.live.textContent != said) this.live.textContent = said;
    if (this.keep) this.store();
  }

  changed() { clearTimeout(this.timer); this.res.dataset.state = 'loading'; this.timer = setTimeout(() => this.evaluate(), 250); }

  setAsOf(d) { this.asOf = d; this.evaluate(); }

  ask(f) { focusIn(this.root.getElementById(idOf('i', f))); }

  go(id) {
    if (id[0] == 'c') { const d = this.root.querySelector('.policy details'); grow(d, d.open = true); }
    this.root.getElementById(id).focus();
  }

  say(k, bad) { this.msg.textContent = this.t[k]; this.msg.className = bad ? 'err' : ''; }

  exportFile() {
    const data = { format: FORMAT, version: 1, ruleset: this.cat.id, as_of: this.asOf || undefined, answers: this.a };
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = h('a', { href: url, download: `sme-answers-${today()}.json` });
    this.root.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5e3);
  }

  // A file is taken whole or refused whole (the answers stay): not ours, too big, another version
  // or ruleset, anything not an answer of its question.
  async importFile(input) {
    const f = input.files[0];
    let k = 'impErr';
    input.value = '';
    if (!f) return;
    try {
      const d = f.size < 1e6 && JSON.parse(await f.text());
      if (d?.format != FORMAT) throw 0;
      if (d.version !== 1 || d.ruleset !== this.cat.id) throw k = 'impOld';
      if (!this.use({ a: d.answers, d: d.as_of })) throw 0;
      this.render();
      k = 'impOk';
    } catch { }
    this.say(k, k != 'impOk');
  }

  async copyLink() {
    const u = new URL(location.href);
    u.hash = 'sme=' + encode({ a: this.a, d: this.asOf || undefined });
    this.linkBox.hidden = false;
    const box = this.linkBox.lastChild;
    box.value = u.href;
    try { await navigator.clipboard.writeText(u.href); this.say('linkOk'); } catch { box.select(); }
  }

  remember(on) {
    this.keep = on;
    try { on ? this.store() : localStorage.removeItem(this.key); } catch { }
  }
  store() { try { localStorage.setItem(this.key, JSON.stringify({ a: this.a, d: this.asOf })); } catch { } }
}

class SmeEligibility extends HTMLElement {
  static observedAttributes = ['lang', 'as-of', 'ruleset'];
  #w;
  connectedCallback() { if (!this.#w) (this.#w = new Widget(this)).start(); }
  attributeChangedCallback(name, old, now) {
    const w = this.#w;
    if (!w || old == now) return;
    if (name == 'ruleset') w.start();
    else if (name == 'lang') { if (w.engine || w.err) w.render(); }
    else if (w.engine) { w.asOf = ''; w.evaluate(); }
  }
}
if (!customElements.get('sme-eligibility')) customElements.define('sme-eligibility', SmeEligibility);
