/* tslint:disable */
/* eslint-disable */

/** A language code: "zh" (default), "ja" or "en"; "zh-CN", "ja-JP", "en-GB" are accepted too. */
export type LangCode = string;
/** The languages of the reports and catalogues. */
export type Lang = "zh" | "ja" | "en";
export type Status = "eligible" | "ineligible" | "needs_info" | "expired" | "not_applicable";
export type MeasureKind = "benefit" | "support" | "programme" | "government";
/** A condition's outcome in three-valued logic. */
export type Outcome = "met" | "not_met" | "unknown";
export type SizeClass = "large" | "medium" | "small" | "micro";
/** Yuan as exact decimal strings: exact (min = max), a floor (max null), a cap (min 0) or a range. */
export type AmountKind = "exact" | "floor" | "cap" | "range";
export type WindowState = "open" | "not_yet" | "closed";
/** How far a document's wording was checked: quoted by independent sources, or to be verified. */
export type Evidence = "cited" | "verify" | "official";
export type AmendmentChange = "window" | "conditions" | "amount";
export type FactType = "bool" | "int" | "year" | "money" | "date" | "enum" | "list";

export interface EvaluateOptions {
    /** YYYY-MM-DD; default: today in the browser's time zone. */
    as_of?: string;
    lang?: LangCode;
    /** "summary": the decisions alone, as data (statuses, amounts, missing facts; no words). Else
     * the complete module's `evaluate` gives the full report (texts, explanations, next questions)
     * and the page module's `decide` the page's report (no reasons). */
    detail?: "full" | "page" | "summary";
    /** true: the policy text alone, without the later documents that amend it (default false:
     * the policy as amended on the as-of date). */
    text_only?: boolean;
}

/** One language's strings of a packed ruleset (pkg/ruleset/LANG.json, LANG.why.json,
 * LANG.clauses.json). */
export interface StringTable {
    /** The content hash of the ruleset the strings belong to. */
    ruleset: string;
    lang: Lang;
    /** Where in the ruleset's table the strings start. */
    start: number;
    strings: string[];
}

/** Thrown by `Engine.fromJson` (the complete module) for a ruleset that cannot be used, with every
 * problem found; by `new Engine` (the page's module) for a core that is not a packed ruleset's
 * (`code` "corrupt_core", where reading stopped in `at`) or strings of another ruleset ("strings"). */
export interface RulesetLoadError {
    name: "RulesetLoadError";
    errors?: { path: string; message: { zh: string; ja: string; en: string } }[];
    code?: "corrupt_core" | "strings";
    at?: number;
}


/**
 * A later document that changes a part on the as-of date.
 */
export interface AmendmentReport {
    /**
     * The document's source id.
     */
    source: string;
    /**
     * `cited`, `verify` or `official`: how far the document's wording was checked.
     */
    evidence: Evidence;
    /**
     * The first day the amendment applies.
     */
    in_force: string;
    until?: string;
    /**
     * What it changes: `window`, `conditions`, `amount`.
     */
    changes: AmendmentChange[];
    /**
     * The document's title (full detail).
     */
    title?: string;
    /**
     * What it changes, in a sentence: "条文所定期限已于 2023年12月31日 结束；依 … 延续至 2027年12月31日" (full detail).
     */
    text?: string;
    /**
     * The words of the document that make the change (full detail).
     */
    cite?: string;
    note?: string;
}

/**
 * A part one change away from eligible: which answer, and what it would bring.
 */
export interface ReachReport {
    measure: number;
    part: string;
    /**
     * The fact to answer or change, and the value that makes the part eligible.
     */
    fact: string;
    value: string;
    /**
     * The fact's present value, when it has one.
     */
    now?: string;
    amount: AmountReport | null;
    /**
     * "技术改造项目总投资达到 1000万元 → 最高100万元".
     */
    text: string;
}

/**
 * Why a part stands as it does: its reasons, and how its amount is computed.
 */
export interface PartWhy {
    id: string;
    /**
     * How the amount is computed, with the enterprise's figures.
     */
    formula?: string;
    /**
     * The assumption made where the clause leaves the base open.
     */
    basis?: string;
    amount_cite?: string;
    explanation: Reason[];
    note?: string;
    /**
     * The later documents in force that change the part, with their words and notes.
     */
    amendments?: AmendmentReport[];
}

/**
 * Why one measure stands as it does, asked for when a person opens it: each part's reasons and
 * amount, and what the named conditions those reasons name consist of (the size class too, when
 * one of them is the size class).
 */
export interface MeasureWhy {
    id: number;
    parts: PartWhy[];
    derived: DerivedReport[];
    size_class?: Reason[];
}

export interface AmountReport {
    min: string;
    /**
     * Absent (null) for a floor: "不低于" has no upper bound.
     */
    max: string | null;
    /**
     * `exact`, `floor`, `cap` or `range`.
     */
    kind: AmountKind;
    text?: string;
}

export interface Catalog {
    lang: Lang;
    id: string;
    version: string;
    hash: string;
    title: string;
    document: string;
    issuer: string;
    issued: string;
    source: string;
    period: Period;
    chapters: Named[];
    sections: Named[];
    sources: SourceInfo[];
    facts: FactInfo[];
    measures: MeasureInfo[];
}

export interface DerivedReport {
    id: string;
    label: string;
    /**
     * `met`, `not_met` or `unknown`.
     */
    outcome: Outcome;
    explanation: Reason[];
}

export interface ErrorReport {
    field: string;
    code: string;
    message: string;
}

export interface FactInfo {
    id: string;
    type: FactType;
    section: string;
    label: string;
    help?: string;
    unit?: string;
    min?: string;
    max?: string;
    choices?: Named[];
    fields?: FactInfo[];
    computed?: boolean;
    source?: string;
}

export interface MeasureInfo {
    id: number;
    chapter: number;
    kind: MeasureKind;
    kind_reason?: string;
    title: string;
    title_zh: string;
    text: string;
    text_zh: string;
    text_note?: string;
    departments: string[];
    parts: PartInfo[];
    sources: string[];
    note?: string;
}

export interface MeasureReport {
    id: number;
    chapter: number;
    kind: MeasureKind;
    status: Status;
    status_text?: string;
    amount: AmountReport | null;
    amount_incomplete?: boolean;
    /**
     * For an expired measure: the day its last window closed.
     */
    ended?: string;
    /**
     * The status under the policy text alone, where later documents in force change it.
     */
    text_status?: Status;
    /**
     * The same in words: "按条文原文：已过期" (words detail).
     */
    text_status_text?: string;
    parts: PartReport[];
    missing: string[];
    title?: string;
    departments?: string[];
    note?: string;
}

export interface Named {
    id: string;
    title: string;
}

export interface PartInfo {
    id: string;
    title: string;
    from?: string;
    to?: string;
    window_cite?: string;
}

export interface PartReport {
    id: string;
    status: Status;
    status_text?: string;
    amount: AmountReport | null;
    /**
     * Eligible, but the amount cannot be given for these figures: why (full detail).
     */
    amount_problem?: string;
    /**
     * The window as it stands on the as-of date (amended, unless the text alone is read).
     */
    window?: WindowReport;
    /**
     * The window as the clause states it, where an amendment in force changes it (full detail).
     */
    text_window?: WindowReport;
    /**
     * The later documents in force on the as-of date that change this part.
     */
    amendments?: AmendmentReport[];
    /**
     * The status under the clause alone, where those documents change it.
     */
    text_status?: Status;
    /**
     * The same in words: "按条文原文：已过期" (words detail).
     */
    text_status_text?: string;
    /**
     * The part's own missing facts (full detail; the measure lists them all in either detail).
     */
    missing?: string[];
    title?: string;
    /**
     * How the amount is computed, with the enterprise's figures.
     */
    formula?: string;
    /**
     * The assumption made where the clause leaves the base open.
     */
    basis?: string;
    amount_cite?: string;
    explanation?: Reason[];
    note?: string;
}

export interface Period {
    from: string;
    to: string | null;
}

export interface Question {
    /**
     * The fact's path in the profile: `headcount`, `hires[1].contract_months`.
     */
    fact: string;
    label: string;
    section: string;
    /**
     * Measures whose status waits on this answer.
     */
    measures: number[];
    /**
     * The most the measures waiting on it could bring, in yuan; null when that has no bound.
     */
    money: string | null;
    money_text?: string;
}

export interface Reason {
    /**
     * `met`, `not_met` or `unknown`.
     */
    outcome: Outcome;
    text: string;
    fact?: string;
    value?: string;
    threshold?: string;
    /**
     * The measure (clause number) the condition belongs to.
     */
    clause: number;
    /**
     * The words of the clause, in the chosen language.
     */
    cite?: string;
    /**
     * The document behind a threshold the clause does not state.
     */
    source?: string;
    /**
     * Nesting: 0 for a condition of the part, deeper for what a named condition or a count contains.
     */
    depth: number;
}

export interface Report {
    as_of: string;
    lang: Lang;
    engine: string;
    ruleset: RulesetRef;
    size_class: SizeReport;
    summary: Summary;
    measures: MeasureReport[];
    /**
     * The named conditions the measures share ("a Shanghai SME"…), each explained once here; a
     * part's explanation names them in one line (its `fact` is the id).
     */
    derived?: DerivedReport[];
    next_questions?: Question[];
    /**
     * Parts one answer or one number away from eligible, the most money first (words detail).
     */
    within_reach?: ReachReport[];
    errors: ErrorReport[];
}

export interface RulesetRef {
    id: string;
    version: string;
    hash: string;
}

export interface SizeReport {
    /**
     * `large`, `medium`, `small`, `micro`, or null while more than one is possible.
     */
    class: SizeClass | null;
    possible: SizeClass[];
    missing: string[];
    text?: string;
    explanation?: Reason[];
}

export interface SourceInfo {
    id: string;
    title: string;
    evidence: Evidence;
    url?: string;
}

export interface Summary {
    eligible: number;
    needs_info: number;
    ineligible: number;
    expired: number;
    not_applicable: number;
    /**
     * Sum of the amounts that can be estimated, over eligible measures.
     */
    amount: AmountReport | null;
    /**
     * Eligible measures whose amount is not stated or not yet computable.
     */
    eligible_without_amount: number;
    /**
     * The policy's period: its issue date to the last dated window.
     */
    period: Period;
    /**
     * Every dated window of the policy has closed by the as-of date.
     */
    windows_closed: boolean;
}

export interface WindowReport {
    from?: string;
    to?: string;
    /**
     * `open`, `not_yet` or `closed` on the as-of date.
     */
    state: WindowState;
}


/**
 * A ruleset, and the last profile decided on (so that `why` explains that one).
 */
export class Engine {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * More strings of the ruleset: another language, or the clause texts of one (`StringTable`).
     */
    addStrings(table: StringTable): void;
    /**
     * The ruleset described in one language: questions, chapters, measures (their clause texts
     * once that language's clause strings are added).
     */
    catalog(lang?: string | null): Catalog;
    /**
     * The decisions for a profile: statuses, amounts, windows, amendments, departments and the
     * questions to ask next, in the chosen language, without the reasons (`why` gives those).
     * With `detail: "summary"`, the decisions alone, as data: statuses, amounts and missing
     * facts, no words (screening many profiles). Never throws for bad answers: they come back
     * in `errors`, named by field and translated.
     */
    decide(profile: Record<string, unknown>, options: EvaluateOptions | undefined): Report;
    /**
     * A packed ruleset: its core (bytes) and one language's strings (`StringTable`). Throws a
     * `RulesetLoadError` (code `corrupt_core`, or `strings` for a table of another ruleset).
     */
    constructor(core: Uint8Array | number[], strings: StringTable);
    /**
     * Why a measure of the last decided profile stands as it does, in a language; undefined
     * before any decision or for a measure the ruleset does not have.
     */
    why(measure: number, lang?: string | null): MeasureWhy | undefined;
    readonly hash: string;
    /**
     * The ruleset's id, version and content hash.
     */
    readonly id: string;
    readonly version: string;
}

/**
 * The version of this engine.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_engine_free: (a: number, b: number) => void;
    readonly engine_addStrings: (a: number, b: any) => [number, number];
    readonly engine_catalog: (a: number, b: number, c: number) => any;
    readonly engine_decide: (a: number, b: any, c: any) => any;
    readonly engine_hash: (a: number) => [number, number];
    readonly engine_id: (a: number) => [number, number];
    readonly engine_new: (a: number, b: number, c: any) => [number, number, number];
    readonly engine_version: (a: number) => [number, number];
    readonly engine_why: (a: number, b: number, c: number, d: number) => any;
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
