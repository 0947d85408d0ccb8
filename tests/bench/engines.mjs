// The engines side by side, for Node and the browser alike: ours (the wasm modules' JS APIs) and the
// peers generated from the same compiled ruleset. Each `evaluate(profile, asOf)` gives
// { measureId: status } for all 28 measures; `check` compares them on every profile.
import { plan as makePlan } from './translate.mjs';
import { jreDocument, makeJre, zenLayers, zenJdm, makeZenNode, makeZenWasm } from './peers.mjs';

export function encodings(rs) {
  const plan = makePlan(rs);
  const layers = zenLayers(plan);
  return { plan, jre: jreDocument(plan), zenLayers: layers, jdm: zenJdm(layers) };
}

// Ours, three ways: 'decisions' — the page module's `decide` with `detail: 'summary'` (statuses,
// amounts, missing facts as data, no words: what the peers give); 'decide' — the page module
// (pkg/sme_eligibility.js: a packed ruleset, `decide`, the report the widget shows first, without
// reasons); 'full' — the complete module (pkg/sme_eligibility_full.js: `evaluate`, the full report
// with every explanation).
export const OURS = { decisions: 'ours (decisions)', decide: 'ours (decide)', full: 'ours (full)' };

/** The page module's engine and the complete module's, both on the built-in ruleset. */
export function ourEngines(page, complete, core, strings) {
  return { decide: new page.Engine(core, strings), full: new complete.Engine() };
}

/** The report exactly as each is asked for one (what is timed). */
export function ourReports({ decide, full }) {
  return {
    [OURS.decisions]: (profile, as_of) => decide.decide(profile, { as_of, lang: 'zh', detail: 'summary' }),
    [OURS.decide]: (profile, as_of) => decide.decide(profile, { as_of, lang: 'zh' }),
    [OURS.full]: (profile, as_of) => full.evaluate(profile, { as_of, lang: 'zh' }),
  };
}

/** Each of ours as a status-giving engine, for the cross-checks. */
export function ours(engines) {
  return Object.fromEntries(Object.entries(ourReports(engines)).map(([name, report]) => [name, (profile, asOf) => {
    const out = {};
    for (const m of report(profile, asOf).measures) out[m.id] = m.status;
    return out;
  }]));
}

export function peers(enc, { JRE, zenNode, zenWasm }) {
  const out = {};
  if (JRE) out['json-rules-engine'] = makeJre(JRE, enc.jre);
  if (zenNode) out['zen-engine'] = makeZenNode(zenNode, enc.jdm, enc.plan);
  if (zenWasm) out['zen-engine-wasm'] = makeZenWasm(zenWasm, enc.zenLayers, enc.plan);
  return out;
}

// Every engine against the reference on every profile; returns the differences (at most `limit`).
export async function check(set, reference, others, limit = 20) {
  const diffs = [];
  let compared = 0;
  for (let i = 0; i < set.length; i++) {
    const { as_of, profile } = set[i];
    const want = await reference(profile, as_of);
    for (const [name, ev] of Object.entries(others)) {
      const got = await ev(profile, as_of);
      compared++;
      for (const id of Object.keys(want)) {
        if (got[id] !== want[id]) {
          diffs.push({ engine: name, profile: i, as_of, measure: Number(id), ours: want[id], theirs: got[id] });
          if (diffs.length >= limit) return { compared, diffs };
        }
      }
      if (Object.keys(got).length !== Object.keys(want).length) diffs.push({ engine: name, profile: i, problem: 'measure count' });
    }
  }
  return { compared, diffs };
}
