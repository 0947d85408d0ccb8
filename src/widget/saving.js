// "Save, restore, print": the answers as a JSON file, as a link carrying them in its fragment, or on
// this device — only when the user asks. Whatever comes back in (a file, a link, the stored copy) is
// taken whole or refused whole (Widget.adopt), and the answers already entered stay.
import { el } from './dom.js';
import { today } from './dates.js';
import { encodeForLink } from './answers.js';
import { printButtons } from './printout.js';

/** @typedef {import('./widget.js').Widget} Widget */

/** An answers file says what it is, in which version, for which ruleset. */
const FILE_FORMAT = 'sme-eligibility-answers';
const FILE_VERSION = 1;
/** A file this big is no answers file of ours (and JSON.parse would keep the page busy). */
const MAX_FILE_BYTES = 1e6;
/** An object URL is revoked this long after its download started. */
const REVOKE_AFTER_MS = 5000;

/**
 * The panel (a disclosure, closed at first).
 * @param {Widget} widget
 */
export function savePanel(widget) {
  const { strings } = widget;
  widget.linkBox = el('div', { class: 'f', hidden: true },
    el('label', { for: 'lk', text: strings.copyLink }),
    el('input', { type: 'text', id: 'lk', readonly: true }));
  return widget.disclosure('tools', strings.saveHeading, el('div', { class: 'tools' },
    el('div', { class: 'row' },
      el('button', { 'data-k': 'exp', text: strings.exportAnswers, onclick: () => exportAnswersFile(widget) }),
      // A visible label styled as a button stands for the file input, which is only visually hidden.
      el('label', { class: 'btn', part: 'button' }, strings.importAnswers, el('input', {
        type: 'file',
        class: 'sr',
        accept: '.json,application/json',
        'data-k': 'imp',
        onchange: (/** @type {Event} */ event) => importAnswersFile(widget, /** @type {HTMLInputElement} */ (event.target)),
      })),
      el('button', { 'data-k': 'link', text: strings.copyLink, onclick: () => copyLink(widget) }),
      printButtons(widget),
      el('button', {
        'data-k': 'clear',
        text: strings.clearAnswers,
        onclick: () => {
          widget.adopt({ a: {} });
          widget.render();
        },
      })),
    el('label', { class: 'row' },
      el('input', {
        type: 'checkbox',
        'data-k': 'keep',
        checked: widget.keepOnDevice,
        'aria-describedby': 'kh',
        onchange: (/** @type {Event} */ event) => rememberOnDevice(widget, /** @type {HTMLInputElement} */ (event.target).checked),
      }),
      strings.remember),
    el('p', { class: 'help', id: 'kh', text: strings.rememberHelp }),
    widget.linkBox,
    widget.message));
}

/**
 * Downloads the answers and the chosen as-of date as a JSON file, made in the page (a blob: URL).
 * @param {Widget} widget
 */
function exportAnswersFile(widget) {
  const file = { format: FILE_FORMAT, version: FILE_VERSION, ruleset: widget.catalog.id, as_of: widget.asOf || undefined, answers: widget.answers };
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  const link = el('a', { href: url, download: `sme-answers-${today()}.json` });
  widget.root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Imports the file chosen in the file input, and says how it went.
 * @param {Widget} widget @param {HTMLInputElement} input
 */
async function importAnswersFile(widget, input) {
  const file = input.files[0];
  input.value = ''; // so that choosing the same file again is a change
  if (!file) return;
  let outcome;
  try {
    outcome = await readAnswersFile(widget, file);
  } catch {
    outcome = 'importRefused'; // not JSON, or not readable
  }
  widget.say(outcome, outcome !== 'importDone');
}

/**
 * Takes the answers of a file whole, or refuses it: not an answers file of this tool, too big, another
 * version or ruleset, anything that is not an answer of its question. Throws for a file that is not JSON.
 * @param {Widget} widget @param {File} file
 * @returns {Promise<'importDone' | 'importRefused' | 'importOtherVersion'>} the UI string to say
 */
async function readAnswersFile(widget, file) {
  if (file.size >= MAX_FILE_BYTES) return 'importRefused';
  const saved = JSON.parse(await file.text());
  if (saved?.format !== FILE_FORMAT) return 'importRefused';
  if (saved.version !== FILE_VERSION || saved.ruleset !== widget.catalog.id) return 'importOtherVersion';
  if (!widget.adopt({ a: saved.answers, d: saved.as_of })) return 'importRefused';
  widget.render();
  return 'importDone';
}

/**
 * Shows (and copies, where the browser lets it) a link to this page with the answers in its fragment,
 * which browsers never send to a server.
 * @param {Widget} widget
 */
async function copyLink(widget) {
  const url = new URL(location.href);
  url.hash = 'sme=' + encodeForLink({ a: widget.answers, d: widget.asOf || undefined });
  widget.linkBox.hidden = false;
  const box = /** @type {HTMLInputElement} */ (widget.linkBox.lastChild);
  box.value = url.href;
  try {
    await navigator.clipboard.writeText(url.href);
    widget.say('linkCopied');
  } catch {
    box.select(); // no clipboard (permission, or not a secure context): ready to be copied by hand
  }
}

// ---- This device (localStorage, under a key per ruleset) ------------------------------------------
// Storage may be unavailable (disabled, full, a sandboxed frame): the widget then works without it.

/**
 * The answers stored for this ruleset ({ a: answers, d: as-of date }), or null.
 * @param {string} key
 */
export function readFromDevice(key) {
  try {
    return JSON.parse(localStorage.getItem(key));
  } catch {
    return null;
  }
}

/** @param {Widget} widget */
export function storeOnDevice(widget) {
  try {
    // t: large text, when the user chose it (or chose it off against the host's large-text attribute)
    localStorage.setItem(widget.storageKey, JSON.stringify({ a: widget.answers, d: widget.asOf, t: widget.largeText ?? undefined }));
  } catch {
    // not stored: nothing to tell, the answers are still on the page
  }
}

/**
 * Ticked: the answers are kept on this device from now on (at each report). Unticked: forgotten.
 * @param {Widget} widget @param {boolean} on
 */
function rememberOnDevice(widget, on) {
  widget.keepOnDevice = on;
  if (on) {
    storeOnDevice(widget);
    return;
  }
  try {
    localStorage.removeItem(widget.storageKey);
  } catch {
    // nothing was stored
  }
}
