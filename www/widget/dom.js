// h(tag, {class, text, onclick…}, ...kids); s() for SVG. value/checked/selected are set as
// properties, never attributes: answers are not mirrored into the open shadow tree.
const set = (e, p, kids) => {
  e.append(...kids.flat(9).filter(k => k != null && k !== false && k !== ''));
  for (const k in p) {
    const v = p[k];
    if (v == null || v === false) continue;
    if (k == 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (/^(value|checked|selected)$/.test(k)) e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  return e;
};
export const h = (tag, p, ...kids) => set(document.createElement(tag), p ?? {}, kids);
export const s = (tag, p, ...kids) => set(document.createElementNS('http://www.w3.org/2000/svg', tag), p ?? {}, kids);
export const fill = (str, o) => str.replace(/\{(\w+)\}/g, (_, k) => o[k] ?? '');
// Text from a ruleset, the engine or a user, in a <bdi>: its bidi controls or right-to-left letters
// cannot reorder the words around it. fillB: fill() with each string value so isolated (or nodes).
export const b = t => t && h('bdi', { text: t });
export const fillB = (str, o) => str.split(/\{(\w+)\}/).map((x, i) => i % 2 ? typeof o[x] == 'string' ? b(o[x]) : o[x] : x);
export const list = (xs, sep) => xs.map((x, i) => [i ? sep : '', b(x)]);
// zh, ja without Intl (a first formatter costs ~15 ms).
let en;
export const day = (d, lang) => !d ? '' : lang != 'en' ? d.replace(/(\d+)-0?(\d+)-0?(\d+)/, '$1年$2月$3日')
  : (en ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(d + 'T00:00Z'));
// An id for a fact path: hires[1].group and hires.1.group → x-hires-1-group.
export const idOf = (pre, path) => pre + '-' + path.replace(/\W+/g, '-');
export const P = lang => lang == 'en' ? { c: ': ', sp: ' · ', p: x => ` (${x})`, j: '; ' } : { c: '：', sp: '　', p: x => `（${x}）`, j: '、' };
// “1 January 2023 – 31 December 2023 (open)”.
export const windowText = (w, { from, to, state }) => `${day(from, w.lang) || '…'} – ${day(to, w.lang) || '…'}` +
  P(w.lang).p(state == 'closed' ? fill(w.t.ended, { d: day(to, w.lang) }) : w.t[state]);
