// The peer encodings of the ruleset, generated from the plan of translate.mjs, and the small
// adapters that run them. Works in Node and in the browser (no Node-only import).
//
// json-rules-engine: derived conditions and size flags are rules of a higher priority whose outcome
//   becomes a runtime fact (rule chaining, so each is evaluated once per run); every part has three rules whose events say eligible / ineligible / expired (needs_info when none
//   fires; not_applicable for government measures). Dates use four operators comparing ISO strings;
//   dates and years relative to as_of, and the certain / possible counts of list items, are dynamic
//   facts (engine.addFact), the json-rules-engine way of computing a value from other facts.
// zen (JDM): a chain of expression nodes (pass-through), layer k writing its values under `Lk`; the
//   last layer gives each measure's status. zen-engine-wasm has no graph runner (expressions only), so
//   the browser adapter evaluates the same layers one after another on a zen `Variable`.
import { summarise, shiftDate } from './translate.mjs';

const OPS_JRE = { lt: 'lessThan', le: 'lessThanInclusive', gt: 'greaterThan', ge: 'greaterThanInclusive' };
const OPS_DATE = { lt: 'dateLt', le: 'dateLe', gt: 'dateGt', ge: 'dateGe' };
const OPS_SYM = { lt: '<', le: '<=', gt: '>', ge: '>=' };

// ── json-rules-engine ─────────────────────────────────────────────────────────────────────────

export function jreDocument(plan) {
  const counts = new Map(); // JSON of { list, pred } → fact name
  const countFact = a => {
    const key = JSON.stringify([a.list, a.pred]);
    if (!counts.has(key)) counts.set(key, { name: `count_${counts.size}`, list: a.list, pred: a.pred });
    return counts.get(key).name;
  };
  const cond = x => {
    switch (x.k) {
      case 'true': return { all: [] };
      case 'false': return { not: { all: [] } };
      case 'and': return { all: x.xs.map(cond) };
      case 'or': return { any: x.xs.map(cond) };
      case 'not': return { not: cond(x.x) };
      case 'ref': return { fact: x.name, operator: 'equal', value: true };
      case 'atom': return atom(x);
    }
    throw new Error(x.k);
  };
  const atom = a => {
    if (a.item) throw new Error('item atom outside a count');
    switch (a.t) {
      case 'bool': return { fact: a.f, operator: 'equal', value: a.v };
      case 'num': return { fact: a.f, operator: OPS_JRE[a.op], value: a.v };
      case 'year': return { fact: a.f, operator: OPS_JRE[a.op], value: a.v.rel ? { fact: a.v.rel } : a.v.fixed };
      case 'date': return { fact: a.f, operator: OPS_DATE[a.op], value: a.v.rel ? { fact: a.v.rel } : a.v.fixed };
      case 'in': return { fact: a.f, operator: 'in', value: a.set };
      case 'count': return { fact: countFact({ list: a.list, pred: a.pred }), operator: OPS_JRE[a.op], value: a.v };
    }
    throw new Error(a.t);
  };
  const wrap = c => (c.all || c.any || c.not ? c : { all: [c] });
  // Named conditions are computed once per run by rule chaining: a rule of a higher priority sets
  // the runtime fact `name` to its outcome, and later rules read that fact.
  const depth = new Map();
  const refs = (x, out = []) => {
    if (x.k === 'ref') out.push(x.name);
    for (const y of x.xs ?? (x.x ? [x.x] : x.pred ? [x.pred] : [])) refs(y, out);
    return out;
  };
  for (const { name, f } of plan.named) depth.set(name, 1 + Math.max(0, ...refs(f).map(r => depth.get(r))));
  const top = Math.max(0, ...depth.values()) + 1;
  const rules = plan.named.map(({ name, f }) => ({
    name, priority: top + 1 - depth.get(name), conditions: wrap(cond(f)), event: { type: 'named', params: { name } },
  }));
  for (const p of plan.parts) {
    const params = { m: p.m, p: p.p };
    if (p.gov) { rules.push({ name: `${p.m}${p.p}:not_applicable`, conditions: { all: [] }, event: { type: 'not_applicable', params } }); continue; }
    const open = [p.closed, p.notyet].filter(x => x.k !== 'false').map(x => ({ not: cond(x) }));
    rules.push({ name: `${p.m}${p.p}:eligible`, conditions: { all: [...open, cond(p.T)] }, event: { type: 'eligible', params } });
    const notClosed = p.closed.k === 'false' ? [] : [{ not: cond(p.closed) }];
    rules.push({ name: `${p.m}${p.p}:ineligible`, conditions: { all: [...notClosed, { any: [cond(p.notyet), cond(p.F)] }] }, event: { type: 'ineligible', params } });
    if (p.closed.k !== 'false') rules.push({ name: `${p.m}${p.p}:expired`, conditions: { all: [cond(p.closed)] }, event: { type: 'expired', params } });
  }
  return { rules, relDates: plan.relDates, relYears: plan.relYears, counts: [...counts.values()], measures: plan.measures.map(m => ({ id: m.id, parts: m.parts.map(i => plan.parts[i].p) })) };
}

// Item predicates of counts as closures (json-rules-engine has no way to count list items).
function compileItem(f, rel) {
  switch (f.k) {
    case 'true': return () => true;
    case 'false': return () => false;
    case 'and': { const xs = f.xs.map(x => compileItem(x, rel)); return (it, c) => xs.every(x => x(it, c)); }
    case 'or': { const xs = f.xs.map(x => compileItem(x, rel)); return (it, c) => xs.some(x => x(it, c)); }
    case 'not': { const x = compileItem(f.x, rel); return (it, c) => !x(it, c); }
  }
  const k = f.f;
  const cmp = { lt: (a, b) => a < b, le: (a, b) => a <= b, gt: (a, b) => a > b, ge: (a, b) => a >= b }[f.op];
  const val = it => (it == null ? undefined : it[k]);
  switch (f.t) {
    case 'bool': return it => val(it) === f.v;
    case 'in': return it => f.set.includes(val(it));
    case 'num': return it => { const v = val(it); return v != null && v !== '' && cmp(Number(v), f.v); };
    case 'year': return (it, c) => { const v = val(it); return typeof v === 'number' && cmp(v, f.v.rel ? c[f.v.rel] : f.v.fixed); };
    case 'date': return (it, c) => { const v = val(it); return typeof v === 'string' && cmp(v, f.v.rel ? c[f.v.rel] : f.v.fixed); };
  }
  throw new Error(`item ${f.t}`);
}

export function makeJre(JRE, doc) {
  const engine = new JRE.Engine([], { allowUndefinedFacts: true });
  const str = validate => (a, b) => typeof a === 'string' && typeof b === 'string' && validate(a, b);
  engine.addOperator('dateLt', str((a, b) => a < b));
  engine.addOperator('dateLe', str((a, b) => a <= b));
  engine.addOperator('dateGt', str((a, b) => a > b));
  engine.addOperator('dateGe', str((a, b) => a >= b));
  for (const [key, shift] of Object.entries(doc.relDates)) {
    if (key === 'as_of') continue; // the as-of date itself is a fact of every run
    engine.addFact(key, (params, almanac) => almanac.factValue('as_of').then(d => shiftDate(d, shift)));
  }
  for (const [key, n] of Object.entries(doc.relYears)) {
    engine.addFact(key, (params, almanac) => almanac.factValue('as_of').then(d => Number(d.slice(0, 4)) + n));
  }
  for (const c of doc.counts) {
    const pred = compileItem(c.pred);
    const rels = [...Object.keys(doc.relDates), ...Object.keys(doc.relYears)];
    engine.addFact(c.name, async (params, almanac) => {
      const items = await almanac.factValue(c.list);
      if (!Array.isArray(items)) return undefined;
      const ctx = {};
      for (const r of rels) ctx[r] = await almanac.factValue(r);
      let n = 0;
      for (const it of items) if (pred(it, ctx)) n++;
      return n;
    });
  }
  engine.on('success', (e, almanac) => { if (e.type === 'named') almanac.addRuntimeFact(e.params.name, true); });
  engine.on('failure', (e, almanac) => { if (e.type === 'named') almanac.addRuntimeFact(e.params.name, false); });
  for (const r of doc.rules) engine.addRule(r);
  return async function evaluate(profile, asOf) {
    const { events } = await engine.run({ ...profile, as_of: asOf });
    const part = new Map();
    for (const e of events) if (e.type !== 'named') part.set(e.params.m + '/' + e.params.p, e.type);
    const out = {};
    for (const m of doc.measures) out[m.id] = summarise(m.parts.map(p => part.get(m.id + '/' + p) ?? 'needs_info'));
    return out;
  };
}

// ── GoRules zen ───────────────────────────────────────────────────────────────────────────────

export function zenLayers(plan) {
  const level = new Map(); // name → layer index
  const layers = [];
  const put = (k, name, expr) => {
    while (layers.length <= k) layers.push([]);
    layers[k].push([name, expr]);
    level.set(name, k);
  };
  const ts = iso => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 1000;
  const key = s => s.replace(/-/g, '_m').replace(/\+/g, '_p').replace(/[^A-Za-z0-9_]/g, '_');
  // Layer 0: the as-of date, and the dates and years relative to it, as zen timestamps.
  put(0, 'as_of', 'date(as_of)');
  for (const [k, { years, months, days }] of Object.entries(plan.relDates)) {
    if (level.has(k)) continue;
    let e = 'd(as_of)';
    if (years) e += `.add(${12 * years}, "M")`; // add(…, "y") gives no date from 29 February
    if (months) e += `.add(${months}, "M")`;
    if (days) e += `.add(${days}, "d")`;
    put(0, k, years || months || days ? `date(${e}.format("%Y-%m-%d"))` : 'date(as_of)');
  }
  for (const [k, n] of Object.entries(plan.relYears)) put(0, k, `d(as_of).year() + ${n}`);
  const money = new Set(Object.entries(plan.facts).filter(([, t]) => t === 'money').map(([f]) => f));
  for (const fields of Object.values(plan.lists)) for (const [f, t] of Object.entries(fields)) if (t === 'money') money.add('#.' + f);

  let deps;
  const ref = name => { const k = level.get(name); deps = Math.max(deps, k); return `L${k}.${key(name)}`; };
  const expr = x => {
    switch (x.k) {
      case 'true': return 'true';
      case 'false': return 'false';
      case 'and': return '(' + x.xs.map(expr).join(' and ') + ')';
      case 'or': return '(' + x.xs.map(expr).join(' or ') + ')';
      case 'not': return `(not ${expr(x.x)})`;
      case 'ref': return ref(x.name);
    }
    const v = x.item ? '#.' + x.f : x.f;
    const num = money.has(v) ? `number(${v})` : v;
    switch (x.t) {
      case 'bool': return `(${v} == ${x.v})`;
      case 'in': return `(${v} in [${x.set.map(s => JSON.stringify(s)).join(', ')}])`;
      case 'num': return `(${v} != null and ${num} ${OPS_SYM[x.op]} ${x.v})`;
      case 'year': return `(${v} != null and ${v} ${OPS_SYM[x.op]} ${x.v.rel ? ref(x.v.rel) : x.v.fixed})`;
      case 'date': {
        const b = x.v.rel ? ref(x.v.rel) : ts(x.v.fixed);
        return x.f === 'as_of' && !x.item ? `${ref('as_of')} ${OPS_SYM[x.op]} ${b}` : `(${v} != null and date(${v}) ${OPS_SYM[x.op]} ${b})`;
      }
      case 'count': return `(${x.list} != null and len(filter(${x.list}, ${expr(x.pred)})) ${OPS_SYM[x.op]} ${x.v})`;
    }
    throw new Error(x.t);
  };
  const add = (name, f) => { deps = 0; const e = f(); put(deps + 1, name, e); };
  for (const { name, f } of plan.named) add(name, () => expr(f));
  const partKey = p => `p${p.m}_${p.p}`;
  for (const p of plan.parts) {
    add(partKey(p), () => p.gov ? '"not_applicable"'
      : `${expr(p.closed)} ? "expired" : ((${expr(p.notyet)} or ${expr(p.F)}) ? "ineligible" : (${expr(p.T)} ? "eligible" : "needs_info"))`);
  }
  for (const m of plan.measures) {
    add(`m${m.id}`, () => {
      const ps = m.parts.map(i => ref(partKey(plan.parts[i])));
      const any = s => '(' + ps.map(p => `${p} == "${s}"`).join(' or ') + ')';
      const every = s => '(' + ps.map(p => `${p} == "${s}"`).join(' and ') + ')';
      return `${any('eligible')} ? "eligible" : (${any('needs_info')} ? "needs_info" : (${every('expired')} ? "expired" : (${every('not_applicable')} ? "not_applicable" : "ineligible")))`;
    });
  }
  // Every measure's status in one last layer, whatever its depth.
  const isMeasure = ([n]) => /^m\d+$/.test(n);
  const final = layers.flatMap(l => l.filter(isMeasure));
  const kept = layers.map((l, k) => ({ key: `L${k}`, entries: l.filter(e => !isMeasure(e)) }));
  kept.push({ key: `L${layers.length}`, entries: final });
  return kept.filter(l => l.entries.length).map(l => ({ key: l.key, entries: l.entries.map(([n, e]) => [key(n), e]) }));
}

export function zenJdm(layers) {
  const pos = { x: 0, y: 0 };
  const nodes = [{ id: 'input', type: 'inputNode', name: 'profile', position: pos }];
  const edges = [];
  let prev = 'input';
  layers.forEach((l, i) => {
    // Each layer passes its input on, so later layers see the earlier ones; the last one gives only
    // the statuses (a smaller result to hand back to JavaScript).
    nodes.push({
      id: l.key, type: 'expressionNode', name: l.key, position: pos,
      content: { passThrough: i < layers.length - 1, inputField: null, outputPath: null, executionMode: 'single', expressions: l.entries.map(([k, v], i) => ({ id: `${l.key}-${i}`, key: `${l.key}.${k}`, value: v })) },
    });
    edges.push({ id: `${prev}-${l.key}`, sourceId: prev, targetId: l.key, type: 'edge' });
    prev = l.key;
  });
  nodes.push({ id: 'output', type: 'outputNode', name: 'statuses', position: pos });
  edges.push({ id: `${prev}-output`, sourceId: prev, targetId: 'output', type: 'edge' });
  return { contentType: 'application/vnd.gorules.decision', nodes, edges };
}

const statusesOf = (last, measures) => Object.fromEntries(measures.map(m => [m.id, last['m' + m.id]]));

// @gorules/zen-engine (Node, native): the JDM graph.
export function makeZenNode(zen, jdm, plan) {
  const decision = new zen.ZenEngine().createDecision(jdm);
  const last = jdm.nodes[jdm.nodes.length - 2].id;
  return async function evaluate(profile, asOf) {
    const { result } = await decision.evaluate({ ...profile, as_of: asOf });
    return statusesOf(result[last], plan.measures);
  };
}

// @gorules/zen-engine-wasm (browser): the same layers, one object expression each, on a Variable.
export function makeZenWasm(zen, layers, plan) {
  const exprs = layers.map(l => ({ key: l.key, src: '{ ' + l.entries.map(([k, v]) => `${k}: ${v}`).join(', ') + ' }' }));
  return function evaluate(profile, asOf) {
    let v = new zen.Variable({ ...profile, as_of: asOf });
    let out;
    for (const { key, src } of exprs) {
      out = v.evaluateExpression(src);
      const next = v.cloneWith(key, out);
      v.free();
      v = next;
    }
    v.free();
    return statusesOf(out, plan.measures);
  };
}
