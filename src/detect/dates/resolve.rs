//! Resolution: underspecified date values (`Spec`) → TIMEX3 value strings, against an anchor date.
//!
//! Owns the calendar reasoning ("last week" → `2025-W33`, "on Tuesday" said in the past → the Tuesday
//! before). It does not look at text: rules produce a `Spec` and a `Lean` (the tense around the
//! expression), and this module turns them into values. Without an anchor, unknown parts are `X`.

use crate::calendar::CalendarDate;
use std::cell::LazyCell;

/// Which way the context points in time: decides "on Tuesday", "in June", "the fourth quarter".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// Past tense around the expression.
    Past,
    /// Future tense ("will", "until", "scheduled").
    Future,
    /// No cue either way.
    Neutral,
}

/// A calendar unit that relative expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// The weekend of an ISO week.
    Weekend,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

/// A possibly underspecified TIMEX3 value, as a rule reads it off the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    /// A finished value (`P3Y`, `PRESENT_REF`, `199`).
    Value(String),
    /// A day of a month; the year is taken from the anchor (nearest, by lean) when absent.
    Date {
        /// The year when the text gives it.
        year: Option<i32>,
        /// Month 1–12.
        month: u32,
        /// Day 1–31.
        day: u32,
    },
    /// A month; the year is taken from the anchor (by lean) when absent.
    Month {
        /// The year when the text gives it.
        year: Option<i32>,
        /// Month 1–12.
        month: u32,
    },
    /// A month named with "this", "last" or "next" (offset 0, -1, +1).
    MonthRelative {
        /// Month 1–12.
        month: u32,
        /// -1 last, 0 this, +1 next.
        offset: i64,
    },
    /// A month of the anchor's year moved by `year_offset` ("June of last year").
    MonthInYear {
        /// Month 1–12.
        month: u32,
        /// Years after the anchor's year.
        year_offset: i64,
    },
    /// A weekday (0 = Monday) chosen by lean: past → the one on or before the anchor.
    Weekday(u32),
    /// "last Monday" (-1), "this Monday" (0), "next Monday" (+1).
    WeekdayRelative {
        /// Weekday, 0 = Monday.
        weekday: u32,
        /// -1 last, 0 this, +1 next.
        offset: i64,
    },
    /// The anchor's unit moved by `offset` units ("last week", "two days ago", "this year").
    Relative {
        /// The unit.
        unit: Unit,
        /// How many units later (negative: earlier).
        offset: i64,
    },
    /// A season (`SP`, `SU`, `FA`, `WI`) of a given year, or of the anchor's year moved by `offset`.
    Season {
        /// TIMEX3 season code.
        code: &'static str,
        /// The year when the text gives it.
        year: Option<i32>,
        /// -1 last, 0 this (or bare, by lean), +1 next.
        offset: i64,
    },
    /// A quarter of a given year, or of the anchor's year (the previous year when past lean and the
    /// quarter has not begun yet).
    Quarter {
        /// 1–4.
        quarter: u32,
        /// The year when the text gives it.
        year: Option<i32>,
        /// Year offset from the anchor when the year is absent ("last year's third quarter").
        year_offset: i64,
    },
    /// A half year (`H1`, `H2`).
    Half {
        /// 1 or 2.
        half: u32,
        /// The year when the text gives it.
        year: Option<i32>,
        /// Year offset from the anchor when the year is absent.
        year_offset: i64,
    },
    /// The weekend nearest the anchor: the coming one in future contexts, else the last one.
    WeekendNear,
    /// The ISO week holding the first day of week `n` of a month (`n` = 0: its last week).
    WeekOfMonth {
        /// Month 1–12.
        month: u32,
        /// The year when the text gives it.
        year: Option<i32>,
        /// 1–4, or 0 for the last week.
        n: u32,
    },
    /// The `n`-th given weekday of a month (Thanksgiving: the fourth Thursday of November).
    NthWeekday {
        /// Month 1–12.
        month: u32,
        /// Weekday, 0 = Monday.
        weekday: u32,
        /// 1–5.
        n: u32,
        /// The year when the text gives it.
        year: Option<i32>,
    },
    /// A day with a time of day appended: `T15:00`, `TMO`.
    WithTime {
        /// The day.
        day: Box<Spec>,
        /// The time part, starting with `T`.
        time: String,
    },
}

/// The date relative values resolve against; `year_known` is false for a dateline without a year,
/// whose year is then printed as `XXXX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The anchor day (its year is arbitrary when `year_known` is false).
    pub date: CalendarDate,
    /// Whether the year of `date` is real.
    pub year_known: bool,
}

/// The TIMEX3 value of `spec`, resolved against `anchor` with the tense `lean`. Most values do not
/// depend on the tense, so `lean` is called only for one that does.
pub fn resolve(spec: &Spec, anchor: Option<Anchor>, lean: impl FnOnce() -> Lean) -> String {
    match anchor {
        Some(a) if !a.year_known && weekday_based(spec) => unanchored(spec),
        Some(a) => {
            let v = resolve_with(spec, a.date, &LazyCell::new(lean));
            let has_year = v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit);
            if !a.year_known && has_year && !given_year(spec) {
                format!("XXXX{}", &v[4..])
            } else {
                v
            }
        }
        None => unanchored(spec),
    }
}

/// True when the value depends on the weekday of the anchor, unknowable without its year.
fn weekday_based(spec: &Spec) -> bool {
    match spec {
        Spec::Weekday(_) | Spec::WeekdayRelative { .. } | Spec::WeekendNear => true,
        Spec::Relative { unit, .. } => matches!(unit, Unit::Week | Unit::Weekend),
        Spec::WithTime { day, .. } => weekday_based(day),
        _ => false,
    }
}

/// True when the text itself gave the year of `spec`.
fn given_year(spec: &Spec) -> bool {
    match spec {
        Spec::Value(_) => true,
        Spec::Date { year, .. }
        | Spec::Month { year, .. }
        | Spec::Season { year, .. }
        | Spec::Quarter { year, .. }
        | Spec::Half { year, .. } => year.is_some(),
        Spec::WithTime { day, .. } => given_year(day),
        _ => false,
    }
}

/// Values with unknown parts left as `X`.
fn unanchored(spec: &Spec) -> String {
    match spec {
        Spec::Value(v) => v.clone(),
        Spec::Date { year, month, day } => format!("{}-{month:02}-{day:02}", year_text(*year)),
        Spec::Month { year, month } => format!("{}-{month:02}", year_text(*year)),
        Spec::MonthRelative { month, .. } | Spec::MonthInYear { month, .. } => {
            format!("XXXX-{month:02}")
        }
        Spec::Weekday(w) | Spec::WeekdayRelative { weekday: w, .. } => {
            format!("XXXX-WXX-{}", w + 1)
        }
        Spec::Relative { unit, .. } => match unit {
            Unit::Day => "XXXX-XX-XX".into(),
            Unit::Week => "XXXX-WXX".into(),
            Unit::Weekend => "XXXX-WXX-WE".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            Unit::Year => "XXXX".into(),
            Unit::Decade => "XXX".into(),
            Unit::Century => "XX".into(),
        },
        Spec::Season { code, year, .. } => format!("{}-{code}", year_text(*year)),
        Spec::Quarter { quarter, year, .. } => format!("{}-Q{quarter}", year_text(*year)),
        Spec::Half { half, year, .. } => format!("{}-H{half}", year_text(*year)),
        Spec::WeekendNear => "XXXX-WXX-WE".into(),
        Spec::WeekOfMonth { year, .. } => format!("{}-WXX", year_text(*year)),
        Spec::NthWeekday {
            month,
            weekday,
            n,
            year: Some(y),
        } => nth_weekday(*y, *month, *weekday, *n)
            .map_or_else(|| format!("{y:04}-{month:02}-XX"), |d| d.to_string()),
        Spec::NthWeekday { month, .. } => format!("XXXX-{month:02}-XX"),
        Spec::WithTime { day, time } => format!("{}{time}", unanchored(day)),
    }
}

fn year_text(year: Option<i32>) -> String {
    year.map_or_else(|| "XXXX".into(), |y| format!("{y:04}"))
}

fn resolve_with<F: FnOnce() -> Lean>(
    spec: &Spec,
    r: CalendarDate,
    lean: &LazyCell<Lean, F>,
) -> String {
    match spec {
        Spec::Value(v) => v.clone(),
        &Spec::Date { year, month, day } => {
            let year = year.unwrap_or_else(|| {
                let Some(candidate) = CalendarDate::new(r.year, month, day.min(28)) else {
                    return r.year;
                };
                let distance = candidate.to_days() - r.to_days();
                match **lean {
                    Lean::Past if distance > 31 => r.year - 1,
                    Lean::Future if distance < -31 => r.year + 1,
                    Lean::Neutral if distance > 182 => r.year - 1,
                    Lean::Neutral if distance < -182 => r.year + 1,
                    _ => r.year,
                }
            });
            format!("{year:04}-{month:02}-{day:02}")
        }
        &Spec::Month { year, month } => {
            let year = year.unwrap_or_else(|| match **lean {
                Lean::Past if month > r.month => r.year - 1,
                Lean::Future if month < r.month => r.year + 1,
                Lean::Neutral if month > r.month + 3 => r.year - 1,
                _ => r.year,
            });
            format!("{year:04}-{month:02}")
        }
        &Spec::MonthRelative { month, offset } => {
            let year = match offset {
                o if o < 0 => r.year - i32::from(month >= r.month),
                0 => r.year,
                _ => r.year + i32::from(month <= r.month),
            };
            format!("{year:04}-{month:02}")
        }
        &Spec::MonthInYear { month, year_offset } => {
            format!("{:04}-{month:02}", i64::from(r.year) + year_offset)
        }
        &Spec::Weekday(w) => {
            let back = (i64::from(r.weekday()) - i64::from(w)).rem_euclid(7);
            let ahead = (i64::from(w) - i64::from(r.weekday())).rem_euclid(7);
            // A weekday six days away is more likely the day after (or before) the dateline.
            let shift = match **lean {
                Lean::Future if ahead == 6 => -1,
                Lean::Future => ahead,
                _ if back == 6 => 1,
                _ => -back,
            };
            r.add_days(shift).to_string()
        }
        &Spec::WeekdayRelative { weekday, offset } => {
            let back = (i64::from(r.weekday()) - i64::from(weekday)).rem_euclid(7);
            let ahead = (i64::from(weekday) - i64::from(r.weekday())).rem_euclid(7);
            let shift = match offset {
                o if o < 0 => -(if back == 0 { 7 } else { back }),
                0 => i64::from(weekday) - i64::from(r.weekday()),
                _ => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
            };
            r.add_days(shift).to_string()
        }
        &Spec::Relative { unit, offset } => relative(r, unit, offset),
        &Spec::Season { code, year, offset } => {
            let year = year.unwrap_or_else(|| season_year(r, code, offset, **lean));
            format!("{year:04}-{code}")
        }
        &Spec::Quarter {
            quarter,
            year,
            year_offset,
        } => {
            let current = (r.month - 1) / 3 + 1;
            let year = year.unwrap_or_else(|| {
                let y = r.year + year_offset as i32;
                let late = match **lean {
                    Lean::Past => quarter > current,
                    Lean::Neutral => quarter > current + 1,
                    Lean::Future => false,
                };
                if year_offset == 0 && late {
                    y - 1
                } else {
                    y
                }
            });
            format!("{year:04}-Q{quarter}")
        }
        &Spec::Half {
            half,
            year,
            year_offset,
        } => {
            let year = year.unwrap_or(r.year + year_offset as i32);
            format!("{year:04}-H{half}")
        }
        Spec::WeekendNear => {
            let this_week = r.weekday() >= 5 || **lean == Lean::Future;
            relative(r, Unit::Weekend, if this_week { 0 } else { -1 })
        }
        &Spec::WeekOfMonth { month, year, n } => {
            let year = year.unwrap_or(r.year);
            let day = match n {
                0 => crate::calendar::days_in_month(year, month),
                n => 1 + 7 * (n.clamp(1, 4) - 1),
            };
            match CalendarDate::new(year, month, day) {
                Some(d) => {
                    let (y, w) = iso_week(d);
                    format!("{y:04}-W{w:02}")
                }
                None => format!("{year:04}-{month:02}"),
            }
        }
        &Spec::NthWeekday {
            month,
            weekday,
            n,
            year,
        } => {
            let year = year.unwrap_or_else(|| {
                let this_year = nth_weekday(r.year, month, weekday, n);
                let ahead = this_year.map_or(0, |d| d.to_days() - r.to_days());
                if ahead > 31 && **lean != Lean::Future {
                    r.year - 1
                } else {
                    r.year
                }
            });
            nth_weekday(year, month, weekday, n)
                .map_or_else(|| format!("{year:04}-{month:02}"), |d| d.to_string())
        }
        Spec::WithTime { day, time } => format!("{}{time}", resolve_with(day, r, lean)),
    }
}

/// The `n`-th `weekday` of `month` in `year`.
fn nth_weekday(year: i32, month: u32, weekday: u32, n: u32) -> Option<CalendarDate> {
    let first = CalendarDate::new(year, month, 1)?;
    let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
    let d = first.add_days(offset + 7 * (i64::from(n) - 1));
    (d.month == month).then_some(d)
}

/// The year of a season named relative to the anchor.
fn season_year(r: CalendarDate, code: &str, offset: i64, lean: Lean) -> i32 {
    let start = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let now = i64::from(r.year) * 12 + i64::from(r.month);
    let starts = |y: i32| i64::from(y) * 12 + start;
    let y = r.year;
    match offset {
        o if o < 0 => {
            // The latest occurrence that ended before this month.
            if starts(y) + 2 < now {
                y
            } else {
                y - 1
            }
        }
        o if o > 0 => {
            if starts(y) > now {
                y
            } else {
                y + 1
            }
        }
        _ => {
            let _ = lean;
            y
        }
    }
}

/// The anchor's `unit` moved by `offset`, printed at that unit's granularity.
fn relative(r: CalendarDate, unit: Unit, offset: i64) -> String {
    match unit {
        Unit::Day => r.add_days(offset).to_string(),
        Unit::Week | Unit::Weekend => {
            let (year, week) = iso_week(r.add_days(7 * offset));
            let we = if unit == Unit::Weekend { "-WE" } else { "" };
            format!("{year:04}-W{week:02}{we}")
        }
        Unit::Month => {
            let months = i64::from(r.year) * 12 + i64::from(r.month) - 1 + offset;
            format!(
                "{:04}-{:02}",
                months.div_euclid(12),
                months.rem_euclid(12) + 1
            )
        }
        Unit::Quarter => {
            let quarters = i64::from(r.year) * 4 + i64::from((r.month - 1) / 3) + offset;
            format!(
                "{:04}-Q{}",
                quarters.div_euclid(4),
                quarters.rem_euclid(4) + 1
            )
        }
        Unit::Year => format!("{:04}", i64::from(r.year) + offset),
        Unit::Decade => format!("{:03}", i64::from(r.year).div_euclid(10) + offset),
        Unit::Century => format!("{:02}", i64::from(r.year).div_euclid(100) + offset),
    }
}

/// ISO 8601 week-numbering year and week of `d`.
pub fn iso_week(d: CalendarDate) -> (i32, u32) {
    let thursday = d.add_days(3 - i64::from(d.weekday()));
    let jan1 = CalendarDate {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let ordinal = thursday.to_days() - jan1.to_days();
    (thursday.year, (ordinal / 7 + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(spec: Spec, lean: Lean, expect: &str) {
        let anchor = Anchor {
            date: CalendarDate::parse_iso("2025-08-19").unwrap(),
            year_known: true,
        };
        assert_eq!(resolve(&spec, Some(anchor), || lean), expect, "{spec:?}");
    }

    #[test]
    fn relative_values() {
        check(Spec::Weekday(4), Lean::Past, "2025-08-15");
        check(Spec::Weekday(2), Lean::Past, "2025-08-20");
        check(Spec::Weekday(4), Lean::Future, "2025-08-22");
        check(Spec::Weekday(1), Lean::Past, "2025-08-19");
        check(
            Spec::WeekdayRelative {
                weekday: 1,
                offset: -1,
            },
            Lean::Neutral,
            "2025-08-12",
        );
        check(
            Spec::Relative {
                unit: Unit::Week,
                offset: -1,
            },
            Lean::Neutral,
            "2025-W33",
        );
        check(
            Spec::Relative {
                unit: Unit::Month,
                offset: -8,
            },
            Lean::Neutral,
            "2024-12",
        );
        check(
            Spec::Relative {
                unit: Unit::Quarter,
                offset: -1,
            },
            Lean::Neutral,
            "2025-Q2",
        );
        check(
            Spec::Relative {
                unit: Unit::Decade,
                offset: 0,
            },
            Lean::Neutral,
            "202",
        );
        check(
            Spec::Month {
                year: None,
                month: 12,
            },
            Lean::Past,
            "2024-12",
        );
        check(
            Spec::Month {
                year: None,
                month: 12,
            },
            Lean::Neutral,
            "2024-12",
        );
        check(
            Spec::Date {
                year: None,
                month: 12,
                day: 21,
            },
            Lean::Past,
            "2024-12-21",
        );
        check(
            Spec::Date {
                year: None,
                month: 12,
                day: 21,
            },
            Lean::Neutral,
            "2025-12-21",
        );
        check(
            Spec::Season {
                code: "FA",
                year: None,
                offset: -1,
            },
            Lean::Neutral,
            "2024-FA",
        );
        check(
            Spec::Season {
                code: "SU",
                year: None,
                offset: -1,
            },
            Lean::Neutral,
            "2024-SU",
        );
        check(
            Spec::Quarter {
                quarter: 4,
                year: None,
                year_offset: 0,
            },
            Lean::Past,
            "2024-Q4",
        );
        check(
            Spec::MonthRelative {
                month: 2,
                offset: -1,
            },
            Lean::Neutral,
            "2025-02",
        );
        check(Spec::WeekendNear, Lean::Past, "2025-W33-WE");
        let thanksgiving = Spec::NthWeekday {
            month: 11,
            weekday: 3,
            n: 4,
            year: None,
        };
        check(thanksgiving, Lean::Future, "2025-11-27");
        let last_week_of_march = Spec::WeekOfMonth {
            month: 3,
            year: Some(2009),
            n: 0,
        };
        check(last_week_of_march, Lean::Neutral, "2009-W14");
    }

    #[test]
    fn tense_is_read_only_when_the_value_depends_on_it() {
        let anchor = Anchor {
            date: CalendarDate::parse_iso("2025-08-19").unwrap(),
            year_known: true,
        };
        let calls = std::cell::Cell::new(0);
        let resolve_counting = |spec: Spec| {
            calls.set(0);
            let value = resolve(&spec, Some(anchor), || {
                calls.set(calls.get() + 1);
                Lean::Past
            });
            (value, calls.get())
        };
        let given_year = Spec::Date {
            year: Some(2024),
            month: 12,
            day: 1,
        };
        assert_eq!(resolve_counting(given_year), ("2024-12-01".into(), 0));
        assert_eq!(
            resolve_counting(Spec::Value("P3D".into())),
            ("P3D".into(), 0)
        );
        let month_alone = Spec::Month {
            year: None,
            month: 12,
        };
        assert_eq!(resolve_counting(month_alone), ("2024-12".into(), 1));
        let tuesday_at_noon = Spec::WithTime {
            day: Box::new(Spec::Weekday(1)),
            time: "T12:00".into(),
        };
        assert_eq!(
            resolve_counting(tuesday_at_noon),
            ("2025-08-19T12:00".into(), 1)
        );
    }

    #[test]
    fn unknown_parts_stay_x() {
        let spec = Spec::Date {
            year: None,
            month: 8,
            day: 19,
        };
        assert_eq!(resolve(&spec, None, || Lean::Neutral), "XXXX-08-19");
        let anchor = Anchor {
            date: CalendarDate::parse_iso("2001-08-19").unwrap(),
            year_known: false,
        };
        let yesterday = Spec::Relative {
            unit: Unit::Day,
            offset: -1,
        };
        assert_eq!(
            resolve(&yesterday, Some(anchor), || Lean::Neutral),
            "XXXX-08-18"
        );
    }

    #[test]
    fn iso_weeks() {
        let w = |s| iso_week(CalendarDate::parse_iso(s).unwrap());
        assert_eq!(w("2013-03-22"), (2013, 12));
        assert_eq!(w("2021-01-01"), (2020, 53));
        assert_eq!(w("2024-12-30"), (2025, 1));
    }
}
