//! Size class under a tiered standard (for 沪企服办〔2023〕1号: 工信部联企业〔2011〕300号), read as
//! the standard reads: large only when every SME upper bound is reached; medium or small only when
//! all of the tier's lower bounds are reached; micro otherwise. With facts missing, the result is
//! the set of classes still possible, and the facts that would narrow it.
//!
//! An industry the standard does not size (金融业, under its own standard) has its class declared
//! by a fact instead: the answer is the class, and the indicators are never consulted.

use super::logic::Tri;
use super::model::{DeclaredClass, Ruleset, SizeGroup};
use super::profile::{FactValue, Profile};
use rust_decimal::Decimal;

pub const LARGE: u8 = 1 << 0;
pub const MEDIUM: u8 = 1 << 1;
pub const SMALL: u8 = 1 << 2;
pub const MICRO: u8 = 1 << 3;
const ANY_CLASS: u8 = LARGE | MEDIUM | SMALL | MICRO;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SizeOutcome {
    /// Bit i set: class i of `SIZE_CLASSES` is still possible. 0 when the ruleset has no standard.
    pub possible: u8,
    /// The industry group applied, when the industry is known and the standard sizes it.
    pub group: Option<usize>,
    /// The declared class applied (index into `declared`), when the industry is known to be one
    /// whose class is declared.
    pub declared: Option<usize>,
    /// Facts that would narrow `possible`.
    pub missing: Vec<usize>,
}

impl SizeOutcome {
    /// The class index when exactly one is possible.
    pub fn class(&self) -> Option<usize> {
        (self.possible.count_ones() == 1).then(|| self.possible.trailing_zeros() as usize)
    }
}

/// One comparison of the standard: indicator fact, its value, the bound and the result.
pub struct Comparison {
    pub tier: &'static str,
    pub fact: usize,
    pub value: Option<Decimal>,
    pub bound: Decimal,
    pub reached: Tri,
}

fn reached(profile: &Profile, fact: usize, bound: Decimal) -> Tri {
    match profile.values.get(fact) {
        Some(Some(FactValue::Number(v))) => Tri::from_bool(*v >= bound),
        _ => Tri::Unknown,
    }
}

fn all_reached(profile: &Profile, bounds: &[(usize, Decimal)]) -> Tri {
    let mut out = Tri::True;
    for (f, b) in bounds {
        match reached(profile, *f, *b) {
            Tri::False => return Tri::False,
            Tri::Unknown => out = Tri::Unknown,
            Tri::True => {}
        }
    }
    out
}

/// Classes possible for one industry group given what is known.
pub fn possible_in(profile: &Profile, g: &SizeGroup) -> u8 {
    let mut set = 0;
    let large = all_reached(profile, &g.sme_below);
    if large != Tri::False {
        set |= LARGE;
    }
    if large != Tri::True {
        let medium = all_reached(profile, &g.medium);
        if medium != Tri::False {
            set |= MEDIUM;
        }
        if medium != Tri::True {
            let small = all_reached(profile, &g.small);
            if small != Tri::False {
                set |= SMALL;
            }
            if small != Tri::True {
                set |= MICRO;
            }
        }
    }
    set
}

/// Classes possible for an industry whose class is declared: the answer, or any while unanswered.
/// (The loader lets only a fact with exactly the four classes, in order, declare one.)
pub fn declared_possible(profile: &Profile, d: &DeclaredClass) -> u8 {
    match profile.values.get(d.fact) {
        Some(Some(FactValue::Choice(c))) if usize::from(*c) < 4 => 1 << c,
        _ => ANY_CLASS,
    }
}

pub fn classify(rs: &Ruleset, profile: &Profile) -> SizeOutcome {
    let Some(std) = &rs.size_standard else {
        return SizeOutcome::default();
    };
    let industry = match profile.values.get(std.industry_fact) {
        Some(Some(FactValue::Choice(c))) => Some(*c),
        _ => None,
    };
    if let Some(c) = industry
        && let Some(d) = std.declared.iter().position(|d| d.industries.contains(&c))
    {
        let possible = declared_possible(profile, &std.declared[d]);
        return SizeOutcome {
            possible,
            group: None,
            declared: Some(d),
            missing: if possible.count_ones() > 1 {
                vec![std.declared[d].fact]
            } else {
                Vec::new()
            },
        };
    }
    let groups: Vec<usize> = match industry {
        Some(c) => std
            .groups
            .iter()
            .position(|g| g.industries.contains(&c))
            .into_iter()
            .collect(),
        None => (0..std.groups.len()).collect(),
    };
    let mut possible = groups
        .iter()
        .fold(0, |set, g| set | possible_in(profile, &std.groups[*g]));
    if industry.is_none() {
        // It may be an industry whose class is declared. Its fact is not listed as missing: it is
        // asked once the industry is known to need it.
        possible = std
            .declared
            .iter()
            .fold(possible, |set, d| set | declared_possible(profile, d));
    }
    let mut missing = Vec::new();
    if possible.count_ones() > 1 {
        if industry.is_none() {
            missing.push(std.industry_fact);
        }
        for g in &groups {
            let grp = &std.groups[*g];
            for (f, _) in grp.sme_below.iter().chain(&grp.medium).chain(&grp.small) {
                if profile.values.get(*f).is_none_or(Option::is_none) && !missing.contains(f) {
                    missing.push(*f);
                }
            }
        }
    }
    SizeOutcome {
        possible,
        group: if industry.is_some() {
            groups.first().copied()
        } else {
            None
        },
        declared: None,
        missing,
    }
}

/// The comparisons behind a classification, tier by tier, for the explanation.
pub fn comparisons(rs: &Ruleset, profile: &Profile, group: usize) -> Vec<Comparison> {
    let Some(std) = &rs.size_standard else {
        return Vec::new();
    };
    let Some(g) = std.groups.get(group) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (tier, bounds) in [
        ("sme_below", &g.sme_below),
        ("medium", &g.medium),
        ("small", &g.small),
    ] {
        for (f, bound) in bounds {
            let value = match profile.values.get(*f) {
                Some(Some(FactValue::Number(v))) => Some(*v),
                _ => None,
            };
            out.push(Comparison {
                tier,
                fact: *f,
                value,
                bound: *bound,
                reached: reached(profile, *f, *bound),
            });
        }
    }
    out
}
