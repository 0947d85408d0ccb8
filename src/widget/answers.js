// The answers as the questionnaire keeps them, and their ways in and out: the engine's profile, an
// answers file, the link's fragment, this device's storage. Pure logic (no DOM), unit-tested in
// tests/widget/state.test.mjs.
//
// An answer is kept raw, as entered: a string (as typed, or a choice's id), a boolean for yes/no, or
// '' for "not sure"; a list fact (the persons hired) holds an array of objects of such answers.
// `factTypes` maps a fact's id, or a list's field as 'list.field', to its type (bool, int, money…).

/** @typedef {Record<string, any>} Answers */
/** @typedef {Map<string, string>} FactTypes */

/** Types whose typed answers are numbers to normalise. */
const NUMERIC_TYPES = new Set(['int', 'money', 'year']);
/** An answers file, link or stored copy is refused beyond these (the engine has its own limits). */
const MAX_LIST_ENTRIES = 500;
const MAX_ANSWER_LENGTH = 199;

/** @param {unknown} answer */
export function answered(answer) {
  return Array.isArray(answer) ? answer.length > 0 : answer !== '' && answer != null;
}

/**
 * A typed number as the engine reads numbers: full-width characters (０-９, ＋, －, ．, ，) made ASCII,
 * spaces and digit-group separators (, ， 、) dropped, 。 read as a decimal point. The engine judges
 * what remains.
 * @param {string} text
 */
export function normaliseNumber(text) {
  return text
    .replace(/[\uFF0B-\uFF19]/g, char => String.fromCharCode(char.charCodeAt(0) - 0xFEE0))
    .replace(/[\s,，、]/g, '')
    .replace(/。/g, '.');
}

/**
 * The engine's profile from the answers: facts not answered ('') are left out, so that the engine
 * takes them as unknown; typed numbers are normalised; everything else goes as it is (a wrong entry
 * too: the engine names its error).
 * @param {Answers} answers @param {FactTypes} factTypes
 */
export function profileFromAnswers(answers, factTypes) {
  /** @type {Record<string, unknown>} */
  const profile = {};
  for (const [fact, answer] of Object.entries(answers)) {
    if (Array.isArray(answer)) {
      profile[fact] = answer.map(entry => {
        /** @type {Record<string, unknown>} */
        const entryProfile = {};
        for (const field of Object.keys(entry)) putAnswer(entryProfile, field, entry[field], factTypes.get(fact + '.' + field));
        return entryProfile;
      });
    } else {
      putAnswer(profile, fact, answer, factTypes.get(fact));
    }
  }
  return profile;
}

/** @param {Record<string, unknown>} target @param {string} name @param {unknown} answer @param {string | undefined} type */
function putAnswer(target, name, answer, type) {
  if (answer === '' || answer == null) return;
  target[name] = typeof answer === 'string' && NUMERIC_TYPES.has(type) ? normaliseNumber(answer) : answer;
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isPlainObject(value) {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether a value can be the answer to a question of this type: a boolean or '' for yes/no, a short
 * string for anything else; nothing for an unknown fact or a list.
 * @param {unknown} value @param {string | undefined} type
 */
function isAnswerOfType(value, type) {
  if (type === 'bool') return typeof value === 'boolean' || value === '';
  if (!type || type === 'list') return false;
  return typeof value === 'string' && value.length <= MAX_ANSWER_LENGTH;
}

/**
 * Answers from a file, a link or storage, taken whole or refused whole: a copy when every key is a
 * known fact holding an answer of its type (a list: at most 500 entries, each of known fields), else
 * null. `__proto__`, `constructor` and any other unknown key are refused with the rest.
 * @param {unknown} candidate @param {FactTypes} factTypes
 * @returns {Answers | null}
 */
export function acceptedAnswers(candidate, factTypes) {
  if (!isPlainObject(candidate)) return null;
  /** @type {Answers} */
  const answers = {};
  for (const [fact, value] of Object.entries(candidate)) {
    if (factTypes.get(fact) === 'list' && isListOfEntries(value, fact, factTypes)) {
      answers[fact] = value.map(entry => ({ ...entry }));
    } else if (isAnswerOfType(value, factTypes.get(fact))) {
      answers[fact] = value;
    } else {
      return null;
    }
  }
  return answers;
}

/**
 * @param {unknown} value @param {string} list @param {FactTypes} factTypes
 * @returns {value is Record<string, unknown>[]}
 */
function isListOfEntries(value, list, factTypes) {
  return Array.isArray(value) && value.length <= MAX_LIST_ENTRIES && value.every(entry =>
    isPlainObject(entry) && Object.entries(entry).every(([field, answer]) => isAnswerOfType(answer, factTypes.get(list + '.' + field))));
}

/**
 * A value for the link's fragment (#sme=…): its JSON, as UTF-8, in base64url without padding.
 * @param {unknown} value
 */
export function encodeForLink(value) {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The value encodeForLink() encoded; throws for anything that is not base64url of UTF-8 JSON.
 * @param {string} text
 * @returns {unknown}
 */
export function decodeFromLink(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, char => char.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/**
 * A money answer (yuan) read back, to catch a slip of 万 (ten thousand): 5000万元 in Chinese,
 * CNY 50,000,000 in English, 50,000,000元 in Japanese. Exact (no floating point); '' when the answer
 * is not a plain non-negative number.
 * @param {string | null | undefined} answer @param {string} lang a UI language
 */
export function moneyReadBack(answer, lang) {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(normaliseNumber(answer ?? ''));
  if (!match) return '';
  const integer = withoutLeadingZeros(match[1]);
  const fraction = match[2] ?? '';
  if (lang === 'zh') return inTenThousands(integer, fraction) + '万元';
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',') + (fraction && '.' + fraction);
  return lang === 'en' ? 'CNY ' + grouped : grouped + '元';
}

/** @param {string} digits */
function withoutLeadingZeros(digits) {
  return digits.replace(/^0+(?=\d)/, '');
}

/**
 * The amount in 万: the decimal point moved four places to the left, trailing zeros dropped.
 * @param {string} integer @param {string} fraction
 */
function inTenThousands(integer, fraction) {
  const padded = integer.padStart(5, '0');
  const tenThousands = withoutLeadingZeros(padded.slice(0, -4));
  return (tenThousands + '.' + padded.slice(-4) + fraction).replace(/\.?0+$/, '');
}
