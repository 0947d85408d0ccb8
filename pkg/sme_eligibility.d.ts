/* tslint:disable */
/* eslint-disable */

/** A language code: "zh" (default), "ja" or "en"; "zh-CN", "ja-JP", "en-GB" are accepted too. */
export type LangCode = string;
export type Status = "eligible" | "ineligible" | "needs_info" | "expired" | "not_applicable";
export type MeasureKind = "benefit" | "support" | "programme" | "government";

export interface EvaluateOptions {
    /** YYYY-MM-DD; default: today in the browser's time zone. */
    as_of?: string;
    lang?: LangCode;
    /** "full" (default): texts, explanations, next questions. "summary": statuses and amounts. */
    detail?: "full" | "summary";
    /** true: the policy text alone, without the later documents that amend it (default false:
     * the policy as amended on the as-of date). */
    text_only?: boolean;
}

/** A later document in force on the as-of date that changes a part. */
export interface AmendmentReport {
    /** The document's source id. */
    source: string;
    evidence: "cited" | "verify" | "official";
    in_force: string;
    until?: string;
    changes: ("window" | "conditions" | "amount")[];
    /** Full detail: the document's title, what it changes in a sentence, its words, a note. */
    title?: string;
    text?: string;
    cite?: string;
    note?: string;
}

/** Yuan as exact decimal strings. `max` null: a floor (不低于) with no upper bound. */
export interface Amount { min: string; max: string | null; kind: "exact" | "floor" | "cap" | "range"; text?: string; }

export interface Reason {
    outcome: "met" | "not_met" | "unknown";
    text: string;
    fact?: string;
    value?: string;
    threshold?: string;
    /** The measure (clause number) this condition comes from; 0 in a named condition (`Report.derived`), which several clauses share. */
    clause: number;
    /** The clause words, in the chosen language. */
    cite?: string;
    /** The document behind a threshold the clause does not state. */
    source?: string;
    depth: number;
}

export interface PartReport {
    id: string;
    status: Status;
    status_text?: string;
    amount: Amount | null;
    /** Full detail: why an eligible part has no amount for these figures (beyond exact computation, or a minimum above the maximum). */
    amount_problem?: string;
    /** Full detail only: the window as it stands on the as-of date (amended unless text_only). */
    window?: { from?: string; to?: string; state: "open" | "not_yet" | "closed" };
    /** Full detail only: the window as the clause states it, where an amendment changes it. */
    text_window?: { from?: string; to?: string; state: "open" | "not_yet" | "closed" };
    /** Later documents in force on the as-of date that change this part. */
    amendments?: AmendmentReport[];
    /** The status under the clause alone, where those documents change it. */
    text_status?: Status;
    /** Full detail only: the part's own missing facts (the measure lists them all). */
    missing?: string[];
    title?: string;
    formula?: string;
    basis?: string;
    amount_cite?: string;
    explanation?: Reason[];
    note?: string;
}

export interface MeasureReport {
    id: number;
    chapter: number;
    kind: MeasureKind;
    status: Status;
    status_text?: string;
    amount: Amount | null;
    amount_incomplete?: boolean;
    ended?: string;
    /** The status under the policy text alone, where later documents in force change it. */
    text_status?: Status;
    parts: PartReport[];
    missing: string[];
    title?: string;
    departments?: string[];
    note?: string;
}

export interface Question {
    fact: string;
    label: string;
    section: string;
    measures: number[];
    money: string | null;
    money_text?: string;
}

export interface FieldError { field: string; code: string; message: string; }

export interface Report {
    as_of: string;
    lang: "zh" | "ja" | "en";
    engine: string;
    ruleset: { id: string; version: string; hash: string };
    size_class: { class: "large" | "medium" | "small" | "micro" | null; possible: string[]; missing: string[]; text?: string; explanation?: Reason[] };
    summary: {
        eligible: number; needs_info: number; ineligible: number; expired: number; not_applicable: number;
        amount: Amount | null;
        eligible_without_amount: number;
        period: { from: string; to: string | null };
        windows_closed: boolean;
    };
    measures: MeasureReport[];
    /** Full detail: the named conditions the measures share, explained once; a reason whose `fact` is one of these ids refers to it. */
    derived?: { id: string; label: string; outcome: "met" | "not_met" | "unknown"; explanation: Reason[] }[];
    next_questions?: Question[];
    /** Parts one answer or one number away from eligible, the most money first. */
    within_reach?: ReachReport[];
    errors: FieldError[];
}

export interface Named { id: string; title: string; }
export interface FactInfo {
    id: string;
    type: "bool" | "int" | "year" | "money" | "date" | "enum" | "list";
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
    id: number; chapter: number; kind: MeasureKind; kind_reason: string;
    title: string; title_zh: string; text: string; text_zh: string; text_note?: string;
    departments: string[];
    parts: { id: string; title: string; from?: string; to?: string; window_cite?: string }[];
    sources: string[];
    note?: string;
}
export interface Catalog {
    lang: "zh" | "ja" | "en";
    id: string; version: string; hash: string;
    title: string; document: string; issuer: string; issued: string; source: string;
    period: { from: string; to: string | null };
    chapters: Named[]; sections: Named[];
    sources: { id: string; title: string; evidence: string; url?: string }[];
    facts: FactInfo[];
    measures: MeasureInfo[];
}

/** A part one change away from eligible: the answer or number, and what it would bring. */
export interface ReachReport {
    measure: number;
    part: string;
    fact: string;
    /** The value that makes the part eligible, as the page shows it. */
    value: string;
    /** The present value, when there is one. */
    now?: string;
    amount: Amount | null;
    /** "技术改造项目总投资达到 1000万元 → 最高100万元". */
    text: string;
}

/** Why one measure stands as it does (`Engine.why`, asked when a person opens it). */
export interface MeasureWhy {
    id: number;
    parts: PartWhy[];
    /** What the named conditions its reasons name consist of. */
    derived: { id: string; label: string; outcome: "met" | "not_met" | "unknown"; explanation: Reason[] }[];
    /** The size class's comparisons, when a reason names the size class. */
    size_class?: Reason[];
}

export interface PartWhy {
    id: string;
    formula?: string;
    basis?: string;
    amount_cite?: string;
    explanation: Reason[];
    note?: string;
}

/** One language's strings of a packed ruleset (pkg/ruleset/LANG.json, LANG.clauses.json). */
export interface StringTable {
    /** The content hash of the ruleset the strings belong to. */
    ruleset: string;
    lang: "zh" | "ja" | "en";
    /** Where in the ruleset's table the strings start. */
    start: number;
    strings: string[];
}

/** Thrown by `Engine.fromJson` for a ruleset that cannot be used, with every problem found; by
 * `new Engine` (the page's API) for a core or strings that are not a packed ruleset's. */
export interface RulesetLoadError {
    name: "RulesetLoadError";
    errors: { path: string; message: { zh: string; ja: string; en: string } }[];
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
     * Never throws for bad answers: they come back in `errors`, named by field and translated.
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
