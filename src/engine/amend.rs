//! The policy as amended. A part's clause states its window, conditions and amount as the policy
//! was issued; later documents (amendments) extend or end the window or replace the conditions or
//! the amount from a date on. On an as-of date the part stands as its clause with every amendment
//! in force that day applied; `Reading::TextOnly` reads the clause alone.

use super::date::Date;
use super::model::{AmountRule, Cond, Part};
use super::text::Text;

/// Which rule an evaluation applies: the policy as amended on the as-of date (the default, and
/// what an enterprise can act on), or the clause as the policy text states it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reading {
    #[default]
    Amended,
    TextOnly,
}

/// A dated window as it stands: its ends, and the words that set them.
#[derive(Clone, Copy)]
pub struct Span<'a> {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub cite: &'a Text,
}

/// A part's rule as it stands on one day.
#[derive(Clone, Copy)]
pub struct Standing<'a> {
    pub window: Option<Span<'a>>,
    pub when: &'a [Cond],
    pub amount: Option<&'a AmountRule>,
    /// Bit i set: the part's amendment i applies (at most `limits::AMENDMENTS_PER_PART`).
    pub applied: u32,
}

impl<'a> Standing<'a> {
    /// The part as its clause states it.
    pub fn clause(p: &'a Part) -> Standing<'a> {
        Standing {
            window: p.window.as_ref().map(|w| Span {
                from: w.from,
                to: w.to,
                cite: &w.cite,
            }),
            when: &p.when,
            amount: p.amount.as_ref(),
            applied: 0,
        }
    }

    /// The part on `day`: its clause, and under `Reading::Amended` every amendment in force that
    /// day applied in the order they came into force (the loader refuses two that change the
    /// same thing on the same day, so the order never decides between them).
    pub fn on(p: &'a Part, day: Date, reading: Reading) -> Standing<'a> {
        let mut s = Standing::clause(p);
        if reading == Reading::TextOnly {
            return s;
        }
        for (i, a) in p.amendments.iter().enumerate().take(32) {
            if !a.in_force_on(day) {
                continue;
            }
            s.applied |= 1 << i;
            if let Some(w) = a.window {
                let clause = s.window;
                s.window = Some(Span {
                    from: w.from.or(clause.and_then(|c| c.from)),
                    to: w.to.or(clause.and_then(|c| c.to)),
                    cite: &a.cite,
                });
            }
            if let Some(when) = &a.when {
                s.when = when;
            }
            if let Some(amount) = &a.amount {
                s.amount = Some(amount);
            }
        }
        s
    }

    /// The amendments that apply, by their index in the part.
    pub fn amendments(self) -> impl Iterator<Item = usize> {
        (0..32).filter(move |i| self.applied & (1 << i) != 0)
    }
}

/// The last day of any dated window of these parts as they stand on `day`: after it, nothing of
/// them is left to claim.
pub fn last_window_end<'a>(
    parts: impl Iterator<Item = &'a Part>,
    day: Date,
    reading: Reading,
) -> Option<Date> {
    parts
        .filter_map(|p| Standing::on(p, day, reading).window?.to)
        .max()
}
