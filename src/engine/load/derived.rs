//! Named conditions (`derived`), and the check that their references to each other make neither a
//! circle nor a chain longer than the engine follows.

use super::cond::load_cond;
use super::problem::Problem;
use super::reader::{Loader, Scope, join};
use crate::engine::limits::REF_DEPTH;
use crate::engine::model::{Cond, Derived, Subject};
use crate::engine::text::Text;
use crate::engine::value::Value;

pub(super) fn load_derived(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Derived {
    let blank = Derived {
        id: String::new(),
        label: Text::default(),
        when: Cond::All(Vec::new()),
    };
    let Some(o) = l.object(v, path, &["id", "label", "when"]) else {
        return blank;
    };
    let id = l.req_id(o, path);
    let path = &format!("derived[{id}]");
    let label = l.req_text(o, "label", path);
    let when = l
        .req(o, "when", path)
        .and_then(|w| load_cond(l, w, &join(path, "when"), scope))
        .unwrap_or(Cond::All(Vec::new()));
    Derived { id, label, when }
}

/// Named conditions may refer to each other, but never in a circle, and never in a chain longer
/// than `REF_DEPTH` (evaluation recurses along it). One depth-first walk over all references,
/// without recursion and in time linear in their number: a hostile document may hold many.
pub(super) fn check_derived_refs(l: &mut Loader, derived: &[Derived]) {
    let refs: Vec<Vec<usize>> = derived
        .iter()
        .map(|d| {
            let mut out = Vec::new();
            cond_refs(&d.when, &mut out);
            out.retain(|i| *i < derived.len());
            out
        })
        .collect();
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; derived.len()];
    // The longest chain of references from each, known once it is DONE.
    let mut depth = vec![0usize; derived.len()];
    let mut circular = vec![false; derived.len()];
    let mut circles = 0;
    // The path being walked: each node with the index of its next reference to follow.
    let mut path: Vec<(usize, usize)> = Vec::new();
    for start in 0..derived.len() {
        if state[start] != NEW {
            continue;
        }
        state[start] = ON_PATH;
        path.push((start, 0));
        while let Some((i, next)) = path.last_mut() {
            let i = *i;
            let Some(&j) = refs[i].get(*next) else {
                depth[i] = 1 + refs[i].iter().map(|j| depth[*j]).max().unwrap_or(0);
                state[i] = DONE;
                path.pop();
                continue;
            };
            *next += 1;
            match state[j] {
                NEW => {
                    state[j] = ON_PATH;
                    path.push((j, 0));
                }
                // Back to a node on the path: every node from there on is in the circle. Naming
                // the first few is enough to refuse the document.
                ON_PATH if circles < 8 => {
                    circles += 1;
                    let from = path.iter().position(|(k, _)| *k == j).unwrap_or(0);
                    path[from..].iter().for_each(|(k, _)| circular[*k] = true);
                }
                _ => {}
            }
        }
    }
    for (i, d) in derived.iter().enumerate() {
        let at = format!("derived[{}]", d.id);
        if circular[i] {
            l.err(&at, Problem::CircularRef(d.id.clone()));
        } else if circles == 0 && depth[i] > REF_DEPTH {
            l.err(&at, Problem::TooDeep(REF_DEPTH));
        }
    }
}

/// The named conditions a condition refers to directly.
fn cond_refs(c: &Cond, out: &mut Vec<usize>) {
    match c {
        Cond::All(k) | Cond::Any(k) => k.iter().for_each(|c| cond_refs(c, out)),
        Cond::Not(c) => cond_refs(c, out),
        Cond::Derived(i) => out.push(*i),
        Cond::Leaf(leaf) => {
            if let Subject::Count { filter, .. } = &leaf.subject {
                filter.iter().for_each(|c| cond_refs(c, out));
            }
        }
    }
}
