// Building the widget's DOM from data without ever parsing a string as HTML: every string becomes a
// text node or an attribute value.
//
//   el('p', { class: 'help', id: 'h-x', text: 'Hello' }, child, [more, children])
//
// Properties: `text` sets the text content; `on…` (a function) becomes an event listener; `value`,
// `checked` and `selected` are set as DOM properties, never as attributes, so that answers are not
// mirrored into the (open) shadow tree where the host page could read them; anything else is an
// attribute, `true` making it present and null, undefined or false leaving it out.
// Children: nodes or strings, in arrays nested as deep as convenient; null, undefined, false and ''
// are skipped, so that `condition && node` can be passed.
//
// The shadow root's element ids, used by aria-describedby, focus moves and the tests:
//   i-PATH a question's control, e-PATH its error, h-PATH its help, x-PATH a money answer read back,
//   f-LISTn an entry of a list (a person hired), s-SECTION a section of the questionnaire,
//   m-N and mh-N measure N's result and its heading, c-N its clause in the policy text.
// `data-k` names a control or a result so that focus can be put back on it after re-rendering.
//
// Parts the host page can style with ::part() (README.md, "Theming"): a part attribute given here,
// and on every <button> one el() adds itself — `button` (with `primary` for class p, `pressed` for
// aria-pressed="true"), or `link` for a button that looks like a link (class l).

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const SET_AS_PROPERTY = new Set(['value', 'checked', 'selected']);

/** @typedef {import('./types.d.ts').Child} Child */
/** @typedef {Record<string, any> | null | undefined} Props */

/** @param {Child} child */
function isChild(child) {
  return child != null && child !== false && child !== '';
}

/**
 * Children as a flat list for append() or replaceWith(): nothing (null, undefined, false, '') skipped, as by el().
 * @param {Child} children
 * @returns {(Node | string)[]}
 */
export function childNodes(children) {
  return /** @type {(Node | string)[]} */ ([children].flat(9).filter(isChild));
}

/**
 * @template {Element} E
 * @param {E} element @param {Props} props @param {Child[]} children
 * @returns {E}
 */
function build(element, props, children) {
  // Children first: a <select>'s value can only be set once its options are there.
  element.append(...childNodes(children));
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (SET_AS_PROPERTY.has(name)) element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  return element;
}

/**
 * An HTML element.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Props} props @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props, ...children) {
  const element = build(document.createElement(tag), props, children);
  if (tag === 'button') {
    if (element.classList.contains('l')) element.part.add('link');
    else element.part.add('button', ...(element.classList.contains('p') ? ['primary'] : []), ...(props?.['aria-pressed'] === 'true' ? ['pressed'] : []));
  }
  return element;
}

/**
 * An SVG element.
 * @param {string} tag @param {Props} props @param {...Child} children
 * @returns {SVGElement}
 */
export function svgEl(tag, props, ...children) {
  return build(/** @type {SVGElement} */ (document.createElementNS(SVG_NAMESPACE, tag)), props, children);
}

/**
 * Fills the {placeholders} of a UI string: fillIn('{n} apply', { n: 3 }) is '3 apply'; a value that
 * is missing leaves nothing. A value's own braces or `$&` are left as they are.
 * @param {string} template @param {Record<string, any>} values
 */
export function fillIn(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/**
 * Text from a ruleset, the engine or a user, in a <bdi>: its bidi controls or right-to-left letters
 * then cannot reorder the widget's own words around it. No text gives ''.
 * @param {string | null | undefined} text
 */
export function isolated(text) {
  return text ? el('bdi', { text }) : '';
}

/**
 * fillIn() for the page: the template's own words stay text; a string value is isolated (a <bdi>), a
 * node or a list of nodes is inserted as it is. Returns children for el().
 * @param {string} template @param {Record<string, Child>} values
 * @returns {Child[]}
 */
export function fillInIsolated(template, values) {
  return template.split(/\{(\w+)\}/).map((piece, index) => {
    const isPlaceholder = index % 2 === 1;
    if (!isPlaceholder) return piece;
    const value = values[piece];
    return typeof value === 'string' ? isolated(value) : value;
  });
}

/**
 * Strings with a separator between them, each isolated.
 * @param {string[]} items @param {string} separator
 * @returns {Child[]}
 */
export function isolatedList(items, separator) {
  return items.map((item, index) => [index > 0 ? separator : '', isolated(item)]);
}

/**
 * The element id for a fact path: 'hires.1.group' and the engine's 'hires[1].group' both give
 * idFor('i', …) = 'i-hires-1-group', so that an engine error finds its field.
 * @param {string} prefix @param {string} path
 */
export function idFor(prefix, path) {
  return prefix + '-' + path.replace(/\W+/g, '-');
}

/**
 * Moves focus to a control, or to the first control inside an element (a field's fieldset, a list entry).
 * @param {Element | null | undefined} element
 */
export function focusControl(element) {
  if (!element) return;
  const control = element.matches('input, select, button') ? element : element.querySelector('input, select, button');
  /** @type {HTMLElement | null} */ (control)?.focus();
}

// ---- Disclosures built when first opened -------------------------------------------------------
// The report has 28 "why" sections and the whole policy text, which most visits never open: their
// content is built on the first opening, or for printing (see buildPendingContent).

/** @type {WeakMap<HTMLDetailsElement, () => Child>} <details> → the function building its content */
const pendingContent = new WeakMap();

/**
 * Builds a <details>' content if that has not been done yet.
 * @param {HTMLDetailsElement} details
 */
export function buildPendingContent(details) {
  const buildContent = pendingContent.get(details);
  if (!buildContent) return;
  pendingContent.delete(details);
  details.append(...childNodes(buildContent()));
}

/**
 * A <details> whose open state survives re-rendering: it is kept in `openKeys` under `key` (the
 * <summary>'s data-k). `content`: children, or a function building them on the first opening.
 * @param {Set<string>} openKeys @param {string} key @param {string} title
 * @param {Child | (() => Child)} content
 */
export function disclosure(openKeys, key, title, content) {
  const isLazy = typeof content === 'function';
  const details = el('details', {
    open: openKeys.has(key),
    ontoggle: () => {
      if (details.open) {
        openKeys.add(key);
        buildPendingContent(details);
      } else {
        openKeys.delete(key);
      }
    },
  }, el('summary', { 'data-k': key, text: title }), isLazy ? '' : content);
  if (isLazy) {
    pendingContent.set(details, /** @type {() => Child} */ (content));
    if (details.open) buildPendingContent(details);
  }
  return details;
}
