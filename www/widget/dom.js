// Tiny DOM helpers. h('p', {class: 'x', text: 'y', onclick: f}, ...children) builds an element;
// s() the same for SVG. value/checked/selected are set as properties, never as attributes, so
// answers are not mirrored into the (open) shadow tree's attributes.
const PROPS = ['value', 'checked', 'selected'];
const set = (e, p, kids) => {
  e.append(...kids.flat(9).filter(k => k != null && k !== false && k !== ''));
  for (const k in p) {
    const v = p[k];
    if (v == null || v === false) continue;
    if (k == 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (PROPS.includes(k)) e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  return e;
};
export const h = (tag, p, ...kids) => set(document.createElement(tag), p ?? {}, kids);
export const s = (tag, p, ...kids) => set(document.createElementNS('http://www.w3.org/2000/svg', tag), p ?? {}, kids);
// Fills {name} placeholders.
export const fill = (str, o) => str.replace(/\{(\w+)\}/g, (_, k) => o[k] ?? '');
// A YYYY-MM-DD date in the UI language (zh/ja: 2023年7月1日; en: 1 July 2023).
export const day = (d, lang) => d ? new Intl.DateTimeFormat(lang == 'en' ? 'en-GB' : lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d + 'T00:00Z')) : '';
// An id usable in the shadow tree for a fact path such as hires[1].group.
export const idOf = (pre, path) => pre + '-' + path.replace(/\W+/g, '-');
// Punctuation of the UI language: colon, separator, parentheses, list joiner.
export const P = lang => lang == 'en' ? { c: ': ', sp: ' · ', p: x => ` (${x})`, j: '; ' } : { c: '：', sp: '　', p: x => `（${x}）`, j: '、' };
