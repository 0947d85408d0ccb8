// Translates the compiled ruleset (`sme-check compile DIR`) into a plain boolean plan that the peer
// encodings (json-rules-engine, GoRules zen) are generated from, so they are faithful by construction
// and follow the rules when they change.
//
// Three-valued (Kleene) logic becomes two-rail boolean logic: every condition c gets T(c) ("certainly
// met") and F(c) ("certainly not met"); unknown is neither. Atoms are comparisons that are false when
// their fact is unknown, so both rails need no null handling beyond the atom:
//   T(all) = ∧T   F(all) = ∨F   T(any) = ∨T   F(any) = ∧F   T(¬x) = F(x)   F(¬x) = T(x)
//   T(x < 5) = x<5 (false when unknown)   F(x < 5) = x>=5 (false when unknown)
// The size class (工信部联企业〔2011〕300号, size.toml) becomes "class c is still possible" flags, the
// set of possible classes exactly as src/engine/size.rs computes it; T(size ∈ S) = no class outside S
// is possible, F(size ∈ S) = no class inside S is. Counts over list items are "certain" (items whose
// filter is T) and "possible" (items whose filter is not F). Windows compare the as-of date; a part
// that later documents amend takes their window and conditions on the days they are in force.
//
// The plan:
//   named:   ordered [{ name, f }]: derived conditions (both rails) and size flags; a formula may
//            refer to an earlier name ({ k: 'ref', name })
//   parts:   [{ m, p, gov, closed, notyet, T, F }] (closed/notyet: formulas over the as-of date)
//   measures:[{ id, gov, parts: [index] }]
//   relDates:{ key: { years, months, days } } dates relative to as_of that atoms use (key 'as_of-1y')
//   relYears:{ key: n } years relative to the as-of year
//   facts:   { id: type } and lists: { id: { field: type } }
// Formulas: { k: 'true' | 'false' } | { k: 'and' | 'or', xs } | { k: 'not', x } | { k: 'ref', name }
//   | { k: 'atom', t: 'bool', f, item, v } | { k: 'atom', t: 'num', f, item, op, v }
//   | { k: 'atom', t: 'date', f, item, op, v: { fixed } | { rel } } | { k: 'atom', t: 'year', f, item, op, v: { fixed } | { rel } }
//   | { k: 'atom', t: 'in', f, item, set } | { k: 'atom', t: 'count', list, which: 'lo' | 'hi', pred, op, v }
// `item` true: a field of the list item being counted. Ops: lt le gt ge.

export const TRUE = { k: 'true' };
export const FALSE = { k: 'false' };
const and = xs => {
  xs = xs.filter(x => x.k !== 'true');
  if (xs.some(x => x.k === 'false')) return FALSE;
  return xs.length === 0 ? TRUE : xs.length === 1 ? xs[0] : { k: 'and', xs };
};
const or = xs => {
  xs = xs.filter(x => x.k !== 'false');
  if (xs.some(x => x.k === 'true')) return TRUE;
  return xs.length === 0 ? FALSE : xs.length === 1 ? xs[0] : { k: 'or', xs };
};
const not = x => (x.k === 'true' ? FALSE : x.k === 'false' ? TRUE : x.k === 'not' ? x.x : { k: 'not', x });
const NEG = { lt: 'ge', le: 'gt', gt: 'le', ge: 'lt' };
const OPS = { '=': 'eq', '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', in: 'in', not_in: 'not_in', between: 'between' };
const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'];

export function plan(rs) {
  const facts = {}, lists = {}, choices = {};
  for (const f of rs.facts) {
    facts[f.id] = f.computed ? 'computed' : f.type;
    if (f.type === 'enum') choices[f.id] = f.values.map(v => v.id);
    if (f.type === 'list') {
      lists[f.id] = {};
      for (const g of f.fields) {
        lists[f.id][g.id] = g.type;
        if (g.type === 'enum') choices[f.id + '.' + g.id] = g.values.map(v => v.id);
      }
    }
  }
  const relDates = {}, relYears = {};
  const dateOperand = s => {
    const m = /^as_of(?:([+-])(\d+)([ymd]))?$/.exec(s);
    if (!m) return { fixed: s };
    const n = m[1] ? (m[1] === '-' ? -1 : 1) * Number(m[2]) : 0;
    relDates[s] = { years: m[3] === 'y' ? n : 0, months: m[3] === 'm' ? n : 0, days: m[3] === 'd' ? n : 0 };
    return { rel: s };
  };
  const yearOperand = v => {
    if (typeof v === 'number') return { fixed: v };
    const m = /^as_of_year(?:([+-])(\d+))?$/.exec(v);
    if (!m) throw new Error(`year operand ${v}`);
    relYears[v] = m[1] ? (m[1] === '-' ? -1 : 1) * Number(m[2]) : 0;
    return { rel: v };
  };

  const named = [];
  const names = new Set();
  const define = (name, f) => { named.push({ name, f }); names.add(name); return { k: 'ref', name }; };

  // Size class: one "still possible" flag per class, as src/engine/size.rs computes the set.
  const sizeRef = {};
  const std = rs.size_standard;
  if (std) {
    const industries = choices[std.industry_fact];
    const industryUnknown = not({ k: 'atom', t: 'in', f: std.industry_fact, set: industries });
    const bounds = o => Object.entries(o).map(([f, b]) => ({ f, b: Number(b) }));
    const allT = bs => and(bs.map(({ f, b }) => ({ k: 'atom', t: 'num', f, op: 'ge', v: b })));
    const allF = bs => or(bs.map(({ f, b }) => ({ k: 'atom', t: 'num', f, op: 'lt', v: b })));
    const poss = { large: [], medium: [], small: [], micro: [] };
    for (const g of std.groups) {
      const inds = Array.isArray(g.industry) ? g.industry : [g.industry];
      const here = or([industryUnknown, { k: 'atom', t: 'in', f: std.industry_fact, set: inds }]);
      const [sme, med, sm] = [bounds(g.sme_below), bounds(g.medium), bounds(g.small)];
      const largeTrue = allT(sme), mediumTrue = allT(med);
      poss.large.push(and([here, not(allF(sme))]));
      poss.medium.push(and([here, not(largeTrue), not(allF(med))]));
      poss.small.push(and([here, not(largeTrue), not(mediumTrue), not(allF(sm))]));
      poss.micro.push(and([here, not(largeTrue), not(mediumTrue), not(allT(sm))]));
    }
    // Industries whose class is declared (金融业, 银发〔2015〕309号): the answer, or any class while unanswered.
    for (const d of std.declared ?? []) {
      const here = or([industryUnknown, { k: 'atom', t: 'in', f: std.industry_fact, set: [d.industry] }]);
      const classes = choices[d.fact];
      const unanswered = not({ k: 'atom', t: 'in', f: d.fact, set: classes });
      for (const c of SIZE_CLASSES) poss[c].push(and([here, or([unanswered, { k: 'atom', t: 'in', f: d.fact, set: [c] }])]));
    }
    for (const c of SIZE_CLASSES) sizeRef[c] = define(`size_${c}_possible`, or(poss[c]));
  }

  const derivedIds = new Set((rs.derived ?? []).map(d => d.id));
  // [T, F] of a condition; `list` names the list whose item is in scope (null at the top).
  function cond(c, list) {
    if (c.all) { const k = c.all.map(x => cond(x, list)); return [and(k.map(x => x[0])), or(k.map(x => x[1]))]; }
    if (c.any) { const k = c.any.map(x => cond(x, list)); return [or(k.map(x => x[0])), and(k.map(x => x[1]))]; }
    if (c.not) { const [t, f] = cond(c.not, list); return [f, t]; }
    if (c.ref) {
      if (!derivedIds.has(c.ref)) throw new Error(`unknown ref ${c.ref}`);
      return [{ k: 'ref', name: `${c.ref}_T` }, { k: 'ref', name: `${c.ref}_F` }];
    }
    const op = OPS[c.op ?? '='];
    if (c.count !== undefined) return count(c, op);
    const type = list ? lists[list][c.fact] : facts[c.fact];
    if (type === undefined) throw new Error(`unknown fact ${c.fact}`);
    const item = !!list;
    if (type === 'computed') return sizeLeaf(c, op);
    if (type === 'bool') {
      const v = c.value ?? true;
      const t = { k: 'atom', t: 'bool', f: c.fact, item, v }, f = { k: 'atom', t: 'bool', f: c.fact, item, v: !v };
      return op === 'ne' ? [f, t] : [t, f];
    }
    if (type === 'enum') {
      const all = choices[list ? list + '.' + c.fact : c.fact];
      const set = Array.isArray(c.value) ? c.value : [c.value];
      const inS = set.length ? { k: 'atom', t: 'in', f: c.fact, item, set } : FALSE;
      const rest = all.filter(x => !set.includes(x));
      const outS = rest.length ? { k: 'atom', t: 'in', f: c.fact, item, set: rest } : FALSE;
      return op === 'ne' || op === 'not_in' ? [outS, inS] : [inS, outS];
    }
    const t = type === 'int' || type === 'money' ? 'num' : type;
    const operand = v => (t === 'num' ? Number(v) : t === 'date' ? dateOperand(v) : yearOperand(v));
    const atom = (o, v) => ({ k: 'atom', t, f: c.fact, item, op: o, v });
    return compare(op, c.value, operand, atom);
  }
  // T and F of "x op value" for an ordered fact, from atoms that are false when x is unknown.
  function compare(op, value, operand, atom) {
    if (op === 'between') {
      const [a, b] = value.map(operand);
      return [and([atom('ge', a), atom('le', b)]), or([atom('lt', a), atom('gt', b)])];
    }
    const v = operand(value);
    if (op === 'eq') return [and([atom('ge', v), atom('le', v)]), or([atom('lt', v), atom('gt', v)])];
    if (op === 'ne') return [or([atom('lt', v), atom('gt', v)]), and([atom('ge', v), atom('le', v)])];
    return [atom(op, v), atom(NEG[op], v)];
  }
  function sizeLeaf(c, op) {
    const set = Array.isArray(c.value) ? c.value : [c.value];
    const inside = and(SIZE_CLASSES.filter(x => !set.includes(x)).map(x => not(sizeRef[x])));
    const outside = and(SIZE_CLASSES.filter(x => set.includes(x)).map(x => not(sizeRef[x])));
    return op === 'ne' || op === 'not_in' ? [outside, inside] : [inside, outside];
  }
  // Items certainly (lo) and possibly (hi) meeting the filter; the comparison's rails from those.
  function count(c, op) {
    const k = (c.where ?? []).map(x => cond(x, c.count));
    const lo = and(k.map(x => x[0])), hi = not(or(k.map(x => x[1])));
    const atom = (which, o, v) => ({ k: 'atom', t: 'count', list: c.count, which, pred: which === 'lo' ? lo : hi, op: o, v });
    const n = Number(c.value);
    switch (op) {
      case 'ge': case 'gt': return [atom('lo', op, n), atom('hi', NEG[op], n)];
      case 'le': case 'lt': return [atom('hi', op, n), atom('lo', NEG[op], n)];
      case 'eq': return [and([atom('lo', 'ge', n), atom('hi', 'le', n)]), or([atom('lo', 'gt', n), atom('hi', 'lt', n)])];
      case 'ne': return [or([atom('lo', 'gt', n), atom('hi', 'lt', n)]), and([atom('lo', 'ge', n), atom('hi', 'le', n)])];
      case 'between': {
        const [a, b] = c.value.map(Number);
        return [and([atom('lo', 'ge', a), atom('hi', 'le', b)]), or([atom('hi', 'lt', a), atom('lo', 'gt', b)])];
      }
      default: throw new Error(`count op ${op}`);
    }
  }

  // Derived conditions in dependency order.
  const pending = [...(rs.derived ?? [])];
  const refsOf = (c, out = []) => {
    if (!c || typeof c !== 'object') return out;
    if (c.ref) out.push(c.ref);
    for (const v of Object.values(c)) if (typeof v === 'object') refsOf(v, out);
    return out;
  };
  while (pending.length) {
    const i = pending.findIndex(d => refsOf(d.when).every(r => names.has(`${r}_T`)));
    if (i < 0) throw new Error('circular derived conditions');
    const [d] = pending.splice(i, 1);
    const [t, f] = cond(d.when, null);
    define(`${d.id}_T`, t);
    define(`${d.id}_F`, f);
  }

  const asOf = (op, date) => ({ k: 'atom', t: 'date', f: 'as_of', op, v: { fixed: date } });
  // "a on the days [from, until] (until: none, open), b on the others": the as-of date is always known.
  const onDays = (from, until, a, b) => or([
    and([asOf('ge', from), until ? asOf('le', until) : TRUE, a]),
    and([or([asOf('lt', from), until ? asOf('gt', until) : FALSE]), b]),
  ]);
  const documentDate = Object.fromEntries((rs.sources ?? []).map(s => [s.id, s.date]));
  const parts = [], measures = [];
  for (const m of rs.measures) {
    const gov = m.kind === 'government';
    const idx = [];
    for (const p of m.parts) {
      const w = p.window ?? m.window;
      const rails = when => when.map(c => cond(c, null));
      const clause = rails(p.when ?? []);
      let closed = w?.to ? asOf('gt', w.to) : FALSE;
      let notyet = w?.from ? asOf('lt', w.from) : FALSE;
      let T = and(clause.map(x => x[0])), F = or(clause.map(x => x[1]));
      // The policy as amended (src/engine/amend.rs): on the as-of date, every amendment in force
      // that day, in the order they came into force (from their document's date unless stated),
      // replaces the window's ends and the conditions it sets.
      const amendments = (m.amendments ?? []).filter(a => a.part === p.id)
        .map(a => ({ ...a, in_force: a.in_force ?? documentDate[a.source] }))
        .sort((a, b) => (a.in_force < b.in_force ? -1 : a.in_force > b.in_force ? 1 : 0));
      for (const a of amendments) {
        const inForce = (amended, clause) => onDays(a.in_force, a.until, amended, clause);
        if (a.window?.to) closed = inForce(asOf('gt', a.window.to), closed);
        if (a.window?.from) notyet = inForce(asOf('lt', a.window.from), notyet);
        if (a.when) {
          const amended = rails(a.when);
          T = inForce(and(amended.map(x => x[0])), T);
          F = inForce(or(amended.map(x => x[1])), F);
        }
      }
      idx.push(parts.length);
      parts.push({ m: m.id, p: p.id, gov, closed, notyet, T: gov ? FALSE : T, F: gov ? FALSE : F });
    }
    measures.push({ id: m.id, gov, parts: idx });
  }
  return { named, parts, measures, relDates, relYears, facts, lists };
}

// A measure's status from its parts' statuses (the rule of src/engine/eval.rs `summarise`).
export function summarise(statuses) {
  if (statuses.includes('eligible')) return 'eligible';
  if (statuses.includes('needs_info')) return 'needs_info';
  if (statuses.every(s => s === 'expired')) return 'expired';
  if (statuses.every(s => s === 'not_applicable')) return 'not_applicable';
  return 'ineligible';
}

// Calendar arithmetic of src/engine/date.rs: years, then months, then days; the day clamped to the
// month's length after each of the first two.
export function shiftDate(iso, { years = 0, months = 0, days = 0 }) {
  let y = Number(iso.slice(0, 4)), m = Number(iso.slice(5, 7)), d = Number(iso.slice(8, 10));
  const dim = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (years) { y += years; d = Math.min(d, dim(y, m)); }
  if (months) { const i = y * 12 + (m - 1) + months; y = Math.floor(i / 12); m = (i % 12 + 12) % 12 + 1; d = Math.min(d, dim(y, m)); }
  const t = new Date(Date.UTC(y, m - 1, d) + days * 864e5);
  return t.toISOString().slice(0, 10);
}
