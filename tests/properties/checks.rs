//! What every evaluation and report must satisfy: `evaluate_checked` and the checks it runs.

use super::answers::{Answers, answer_open_questions};
use super::facts::FactSpec;
use super::oracle::check_amount_is_exact;
use rust_decimal::Decimal;
use sme_eligibility::engine::eval::{
    AmountOutcome, Context, Evaluation, Interval, Missing, PartOutcome, Status,
};
use sme_eligibility::engine::load::{Problem, RulesetError};
use sme_eligibility::engine::model::{Part, Ruleset};
use sme_eligibility::engine::profile::{FactValue, FieldProblem};
use sme_eligibility::engine::report::{self, AmountReport, Detail};
use sme_eligibility::engine::{Date, FieldError, Lang, Profile, Value};

// ── What every evaluation and report must satisfy ────────────────────────────────────────────

/// The profile as read and its evaluation, every check already passed.
pub(crate) struct Checked {
    profile: Profile,
    pub(crate) evaluation: Evaluation,
}

/// Reads and evaluates a profile, and checks the outcome and both reports in `lang`.
pub(crate) fn evaluate_checked(rs: &Ruleset, input: &Value, as_of: Date, lang: Lang) -> Checked {
    let (profile, errors) = Profile::parse(rs, input);
    let evaluation = {
        let cx = Context::new(rs, &profile, as_of);
        let ev = cx.evaluate();
        check_evaluation(&cx, &ev);
        check_reports(&cx, &ev, &errors, lang);
        ev
    };
    for e in &errors {
        check_field_error(rs, e);
    }
    Checked {
        profile,
        evaluation,
    }
}

fn check_evaluation(cx: &Context, ev: &Evaluation) {
    let rs = cx.rs;
    assert_eq!(ev.measures.len(), rs.measures.len());
    for (m, mo) in rs.measures.iter().zip(&ev.measures) {
        let parts = ev.parts(mo);
        assert_eq!(parts.len(), m.parts.len(), "measure {}", m.id);
        for (p, po) in m.parts.iter().zip(parts) {
            check_part(cx, p, po);
        }
        // An eligible measure may still list missing facts: those of its parts not decided yet
        // (an award (b) besides the award (a) it has). Eligibility itself is checked part by part.
        let any = |s: Status| parts.iter().any(|p| p.status == s);
        assert_eq!(mo.status == Status::Eligible, any(Status::Eligible));
        if mo.status == Status::NeedsInfo {
            assert!(any(Status::NeedsInfo), "measure {}", m.id);
        }
        if let Some(a) = mo.amount {
            check_interval(a);
        }
        for miss in &mo.missing {
            assert!(parts.iter().any(|p| p.missing.contains(miss)));
        }
    }
}

fn check_part(cx: &Context, p: &Part, po: &PartOutcome) {
    let amount_base: &[Missing] = match &po.amount {
        AmountOutcome::Unknown(m) => m,
        _ => &[],
    };
    match po.status {
        // Eligible only when no condition waits on an unknown fact: what it may still ask for is
        // the base of its amount.
        Status::Eligible => {
            assert_eq!(po.missing, amount_base, "part {}", p.id);
            match &p.amount {
                None => assert_eq!(po.amount, AmountOutcome::NotStated),
                Some(rule) => check_amount_is_exact(cx, rule, &po.amount),
            }
        }
        // Undecided, it names what would decide it.
        Status::NeedsInfo => assert!(!po.missing.is_empty(), "part {} asks nothing", p.id),
        _ => {
            assert!(po.missing.is_empty(), "part {}", p.id);
            assert!(matches!(
                po.amount,
                AmountOutcome::None | AmountOutcome::NotStated
            ));
        }
    }
    for miss in &po.missing {
        assert!(
            is_unknown(cx.profile, miss),
            "part {} asks for {miss:?}, which the profile answers",
            p.id
        );
    }
    if let AmountOutcome::Known(i) = po.amount {
        check_interval(i);
    }
}

fn is_unknown(profile: &Profile, miss: &Missing) -> bool {
    match (miss.item, &profile.values[miss.fact]) {
        (None, v) => v.is_none(),
        (Some((entry, field)), Some(FactValue::List(rows))) => rows
            .get(entry)
            .and_then(|r| r.get(field))
            .is_some_and(Option::is_none),
        (Some(_), _) => false,
    }
}

fn check_interval(i: Interval) {
    assert!(
        !i.lo.is_sign_negative() || i.lo.is_zero(),
        "negative amount {i:?}"
    );
    if let Some(hi) = i.hi {
        assert!(i.lo <= hi, "minimum above maximum: {i:?}");
    }
}

fn check_reports(cx: &Context, ev: &Evaluation, errors: &[FieldError], lang: Lang) {
    for detail in [Detail::Full, Detail::Summary] {
        let r = report::build(cx, ev, errors, lang, detail);
        let text = serde_json::to_string(&r).unwrap_or_else(|e| panic!("report: {e}"));
        assert!(
            !text.contains("{0}") && !text.contains("{1}"),
            "unfilled text"
        );
        let mut counts = [0usize; 5];
        for m in &r.measures {
            let i = Status::ALL.iter().position(|s| s.code() == m.status);
            counts[i.unwrap_or_else(|| panic!("status {}", m.status))] += 1;
            m.amount.iter().for_each(check_amount_report);
            m.parts
                .iter()
                .flat_map(|p| &p.amount)
                .for_each(check_amount_report);
        }
        let s = &r.summary;
        let summary = [
            s.eligible,
            s.needs_info,
            s.ineligible,
            s.expired,
            s.not_applicable,
        ];
        assert_eq!(summary, counts, "summary counts");
        s.amount.iter().for_each(check_amount_report);
        for q in r.next_questions.iter().flatten() {
            let most = q.money.as_deref().map(decimal);
            assert!(
                most.is_none_or(|d| d >= Decimal::ZERO),
                "{}: {most:?}",
                q.fact
            );
        }
        assert_eq!(r.errors.len(), errors.len());
        for e in &r.errors {
            assert!(
                !e.field.is_empty() || e.code == "not_an_object",
                "{}",
                e.message
            );
            assert!(!e.message.is_empty());
        }
    }
}

fn decimal(s: &str) -> Decimal {
    s.parse::<Decimal>()
        .unwrap_or_else(|_| panic!("amount “{s}”"))
}

fn check_amount_report(a: &AmountReport) {
    let min = decimal(&a.min);
    let max = a.max.as_deref().map(decimal);
    check_interval(Interval { lo: min, hi: max });
    let kind = match max {
        None => "floor",
        Some(m) if m == min => "exact",
        Some(_) if min.is_zero() => "cap",
        Some(_) => "range",
    };
    assert_eq!(a.kind, kind, "{} – {:?}", a.min, a.max);
}

/// Names a field (or the profile itself) and reads in all three languages.
pub(crate) fn check_field_error(rs: &Ruleset, e: &FieldError) {
    assert!(
        !e.path.is_empty() || e.problem == FieldProblem::NotAnObject,
        "{e:?}"
    );
    check_messages(&Lang::ALL.map(|l| e.message(rs, l)), &format!("{e:?}"));
}

fn check_messages(messages: &[String; 3], what: &str) {
    let [zh, ja, en] = messages;
    for m in messages {
        assert!(!m.trim().is_empty(), "{what}: empty message");
        assert!(!m.contains("{0}") && !m.contains("{1}"), "{what}: {m}");
    }
    assert!(zh != en && ja != en, "{what}: one language for all: {en}");
}

/// Refused with reasons: each at a path (the document's own keys sit at its root) and in three
/// languages.
pub(crate) fn check_refusal(errors: &[RulesetError]) {
    assert!(!errors.is_empty(), "refused without a reason");
    for e in errors {
        let at_root = matches!(
            e.problem,
            Problem::MissingKey(_)
                | Problem::UnknownKey(_)
                | Problem::NotADocument(_)
                | Problem::NotJson(_)
        );
        assert!(!e.path.is_empty() || at_root, "no path: {e:?}");
        check_messages(&Lang::ALL.map(|l| e.message(l)), &format!("{e:?}"));
    }
}

/// The evaluation after open questions are answered (`after`) against the one before: decided
/// statuses stay, known amounts only narrow.
fn check_answers_only_narrow(rs: &Ruleset, before: &Evaluation, after: &Evaluation) {
    for (m, (b, a)) in rs
        .measures
        .iter()
        .zip(before.measures.iter().zip(&after.measures))
    {
        let id = m.id;
        if b.status != Status::NeedsInfo {
            assert_eq!(a.status, b.status, "measure {id} was decided");
        }
        let (bp, ap) = (before.parts(b), after.parts(a));
        for (p, (x, y)) in m.parts.iter().zip(bp.iter().zip(ap)) {
            if x.status != Status::NeedsInfo {
                assert_eq!(y.status, x.status, "measure {id} part {} was decided", p.id);
            }
            match (&x.amount, &y.amount) {
                (AmountOutcome::Known(i), AmountOutcome::Known(j)) => {
                    assert!(within(*j, *i), "measure {id} part {}: {j:?} ⊄ {i:?}", p.id)
                }
                // A range whose bounds are different formulas over counts still open: narrowed,
                // its minimum may pass its maximum (checked legitimate by `check_amount_is_exact`).
                (AmountOutcome::Known(_), AmountOutcome::Inconsistent) => {}
                (AmountOutcome::Known(i), other) => {
                    panic!("measure {id} part {}: {i:?} became {other:?}", p.id)
                }
                (AmountOutcome::Inconsistent, other) => {
                    assert_eq!(
                        *other,
                        AmountOutcome::Inconsistent,
                        "measure {id} part {}",
                        p.id
                    )
                }
                _ => {}
            }
        }
        // An eligible measure's amount only grows at its floor as more parts qualify; with every
        // part decided and every amount known, it only narrows.
        if b.status == Status::Eligible && !a.amount_incomplete {
            let settled = bp.iter().all(|p| p.status != Status::NeedsInfo) && !b.amount_incomplete;
            match (b.amount, a.amount) {
                (Some(i), Some(j)) if settled => assert!(within(j, i), "measure {id}"),
                (Some(i), Some(j)) => assert!(j.lo >= i.lo, "measure {id}"),
                (Some(i), None) => panic!("measure {id}: {i:?} lost"),
                (None, _) => {}
            }
        }
    }
}

fn within(inner: Interval, outer: Interval) -> bool {
    inner.lo >= outer.lo
        && match (inner.hi, outer.hi) {
            (_, None) => true,
            (Some(x), Some(y)) => x <= y,
            (None, Some(_)) => false,
        }
}

/// Evaluates a profile, answers some of its open questions, evaluates again: both outcomes well
/// formed, and the second only narrows the first.
pub(crate) fn check_answering(
    rs: &Ruleset,
    facts: &[FactSpec],
    given: &Answers,
    later: &[Option<Value>],
    as_of: Date,
    lang: Lang,
) {
    let before = evaluate_checked(rs, &given.to_value(facts), as_of, lang);
    let answered = answer_open_questions(facts, given, &before.profile, later);
    let after = evaluate_checked(rs, &answered.to_value(facts), as_of, lang);
    // The generator's answers are valid: each open question it answered is now known.
    for (i, v) in before.profile.values.iter().enumerate() {
        if v.is_none() && later[i].as_ref().is_some_and(|l| *l != Value::Null) {
            assert!(
                after.profile.values[i].is_some(),
                "{} still open",
                facts[i].id
            );
        }
    }
    check_answers_only_narrow(rs, &before.evaluation, &after.evaluation);
}
