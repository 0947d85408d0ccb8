// Large text (issue 13, for China's 适老化 rules — 工信部 2021: text that can be enlarged, line
// spacing of at least 1.3, never colour alone): a switch in the widget, and the host's `large-text`
// attribute, enlarge text and controls, space the lines and enlarge the targets (style.css: .lg).
// The user's choice wins over the attribute. It is kept on this device only with the answers, when
// the user asked for that (saving.js).
import { el } from './dom.js';
import { storeOnDevice } from './saving.js';

/** @typedef {import('./widget.js').Widget} Widget */

/** @param {Widget} widget */
export function isLargeText(widget) {
  return widget.largeText ?? widget.host.hasAttribute('large-text');
}

/**
 * The switch, a toggle button beside the language buttons.
 * @param {Widget} widget
 */
export function largeTextSwitch(widget) {
  return el('button', {
    'data-k': 'large',
    'aria-pressed': String(isLargeText(widget)),
    text: widget.strings.largeText,
    onclick: () => {
      widget.largeText = !isLargeText(widget);
      applyLargeText(widget);
      if (widget.keepOnDevice) storeOnDevice(widget);
    },
  });
}

/**
 * Shows the widget in large text, or not, as chosen (and the switch pressed, or not).
 * @param {Widget} widget
 */
export function applyLargeText(widget) {
  const large = isLargeText(widget);
  widget.root.querySelector('.w')?.classList.toggle('lg', large);
  widget.root.querySelector('[data-k=large]')?.setAttribute('aria-pressed', String(large));
}

/**
 * Follows the host's `large-text` attribute (index.js observes the element's other attributes).
 * @param {Widget} widget
 */
export function followLargeTextAttribute(widget) {
  new MutationObserver(() => applyLargeText(widget)).observe(widget.host, { attributes: true, attributeFilter: ['large-text'] });
}
