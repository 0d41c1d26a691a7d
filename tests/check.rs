//! `juesuan check`: one broken copy of an example per rule code, with the exact diagnostic as a snapshot; the caret
//! under a value after Chinese text; and a mutation test proving every figure that takes part in an identity is
//! guarded by one.
//!
//! Fixtures are built in memory from data/<example> with one edit, so the repository carries no copies of the
//! data; snapshots (tests/snapshots/) render paths relative to the fixture folder, so they do not depend on where
//! the test runs.

use std::path::Path;

use juesuan::diag::{Diagnostic, Severity, Sources};
use juesuan::rule::{Rule, Stage};
use juesuan::validate::{self, numbers};
use rust_decimal::Decimal;

use crate::support::*;

/// The section files of an example, by name (those of the form its document.toml names that it has).
fn example_files(name: &str) -> Vec<(&'static str, String)> {
    let document = std::fs::read_to_string(example(name).join("document.toml")).unwrap();
    let form = document
        .lines()
        .find_map(|l| l.strip_prefix("form = \""))
        .and_then(|rest| rest.split('"').next())
        .expect("document.toml names its form");
    section_files(form)
        .into_iter()
        // A 单位预算 has no file of the sections only a 部门预算 has.
        .filter_map(|file| {
            let text = std::fs::read_to_string(example(name).join(file)).ok()?;
            Some((file, text))
        })
        .collect()
}

/// Where fixture files claim to live; diagnostics are rendered relative to it.
const FIXTURE_ROOT: &str = "fixture";

/// Loads and validates section texts as `check` does, in process.
fn check_files(files: &[(&'static str, String)]) -> (Vec<Diagnostic>, Sources) {
    let contents: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    match juesuan::load::load_from_memory(Path::new(FIXTURE_ROOT), &contents) {
        Ok((loaded, mut diagnostics)) => {
            validate::validate(&loaded, &mut diagnostics);
            (diagnostics, loaded.sources)
        }
        Err(mut failure) => {
            failure.check_the_rest(validate::validate);
            (failure.diagnostics, failure.sources)
        }
    }
}

fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    diagnostics
        .iter()
        .map(|d| d.render_relative(sources, false, Path::new(FIXTURE_ROOT)))
        .collect()
}

/// An example with edits applied: each `(file, from, to)` replaces the first `from` (which must be there).
fn broken(example_name: &str, edits: &[(&str, &str, &str)]) -> Vec<(&'static str, String)> {
    let mut files = example_files(example_name);
    for (file, from, to) in edits {
        let (_, text) = files.iter_mut().find(|(n, _)| n == file).unwrap();
        assert!(text.contains(from), "{file} does not contain {from:?}");
        *text = text.replacen(from, to, 1);
    }
    files
}

#[test]
fn both_examples_pass_with_only_the_expected_warnings() {
    let (sample, _) = check_files(&example_files("example-2021"));
    assert!(sample.is_empty(), "{:#?}", sample);
    let (source, sources) = check_files(&example_files("jinhua-hrss-dsc-2020"));
    let codes: Vec<&str> = source.iter().map(|d| d.code()).collect();
    // As table05.toml's comment says: the published figures' own rounding case, seen from the four totals that
    // sum the 类, and the self-evaluation's 758.1 against 项目支出 728.31.
    assert_eq!(
        codes,
        ["rounding", "rounding", "rounding", "rounding", "coverage"],
        "{}",
        render(&source, &sources)
    );
    assert!(source.iter().all(|d| !d.is_error()));
}

/// One fixture: the rule code it demonstrates, the example it starts from, and the one defect put in.
struct Case {
    name: &'static str,
    code: Rule,
    example: &'static str,
    edits: &'static [(&'static str, &'static str, &'static str)],
}

const SAMPLE: &str = "example-2021";
const SOURCE: &str = "jinhua-hrss-dsc-2020";

const CASES: &[Case] = &[
    Case {
        name: "unknown_form",
        code: Rule::UnknownForm,
        example: SAMPLE,
        edits: &[(
            "document.toml",
            "form = \"zhejiang-2020\"",
            "form = \"zhejiang-2019\"",
        )],
    },
    Case {
        name: "document_facts_published_early",
        code: Rule::DocumentFacts,
        example: SAMPLE,
        edits: &[(
            "document.toml",
            "published = 2022-09-15",
            "published = 2021-12-20",
        )],
    },
    Case {
        name: "document_facts_implementer",
        code: Rule::DocumentFacts,
        example: SAMPLE,
        edits: &[(
            "performance.toml",
            "implementer = \"示例市示例局（示例单位）\"",
            "implementer = \"示例市另一局\"",
        )],
    },
    Case {
        name: "document_facts_period",
        code: Rule::DocumentFacts,
        example: SAMPLE,
        edits: &[(
            "performance.toml",
            "period = \"2021.3-12\"",
            "period = \"2020.3-12\"",
        )],
    },
    Case {
        name: "code_shape",
        code: Rule::CodeShape,
        example: SAMPLE,
        edits: &[("table02.toml", "code = \"2080199\"", "code = \"20801x9\"")],
    },
    Case {
        name: "code_parent",
        code: Rule::CodeParent,
        example: SAMPLE,
        edits: &[("table02.toml", "code = \"2010505\"", "code = \"2010605\"")],
    },
    Case {
        name: "code_duplicate",
        code: Rule::CodeDuplicate,
        example: SAMPLE,
        edits: &[("glossary.toml", "code = \"2150510\"", "code = \"2080108\"")],
    },
    Case {
        name: "unknown_class",
        code: Rule::UnknownClass,
        example: SAMPLE,
        edits: &[(
            "table01.toml",
            "{ code = \"215\", amount = 30.00 }",
            "{ code = \"218\", amount = 30.00 }",
        )],
    },
    Case {
        name: "name_mismatch_between_tables",
        code: Rule::NameMismatch,
        example: SAMPLE,
        edits: &[(
            "table03.toml",
            "{ code = \"2080101\", name = \"行政运行\"",
            "{ code = \"2080101\", name = \"行政运行费\"",
        )],
    },
    Case {
        name: "name_mismatch_with_form",
        code: Rule::NameMismatch,
        example: SAMPLE,
        edits: &[(
            "table05.toml",
            "{ code = \"205\", name = \"教育支出\"",
            "{ code = \"205\", name = \"教育\"",
        )],
    },
    Case {
        name: "economic_panel",
        code: Rule::EconomicPanel,
        example: SOURCE,
        edits: &[
            (
                "table06.toml",
                "[[personnel]]\ncode = \"303\"",
                "[[public]]\ncode = \"303\"",
            ),
            (
                "table06.toml",
                "[[personnel]]\ncode = \"30399\"",
                "[[public]]\ncode = \"30399\"",
            ),
        ],
    },
    Case {
        name: "sum_mismatch",
        code: Rule::SumMismatch,
        example: SAMPLE,
        edits: &[("table07.toml", "total = 45.50", "total = 46.50")],
    },
    Case {
        name: "balance_mismatch",
        code: Rule::BalanceMismatch,
        example: SAMPLE,
        // A leaf line's 年末结转和结余: its own balance breaks, and so does its 款's sum.
        edits: &[(
            "table08.toml",
            "project = 148.50, carryover_end = 21.50 }",
            "project = 148.50, carryover_end = 22.50 }",
        )],
    },
    Case {
        name: "cross_table",
        code: Rule::CrossTable,
        example: SAMPLE,
        edits: &[("three_public.toml", "amount = 0.65", "amount = 1.65")],
    },
    Case {
        name: "part_exceeds_whole",
        code: Rule::PartExceedsWhole,
        example: SAMPLE,
        edits: &[(
            "procurement.toml",
            "small_micro = 286.30",
            "small_micro = 486.30",
        )],
    },
    Case {
        name: "rounding",
        code: Rule::Rounding,
        example: SAMPLE,
        edits: &[("table07.toml", "total = 45.50", "total = 45.51")],
    },
    Case {
        name: "negative_amount",
        code: Rule::NegativeAmount,
        example: SAMPLE,
        edits: &[(
            "operating_costs.toml",
            "previous = 92.10",
            "previous = -92.10",
        )],
    },
    Case {
        name: "count_mismatch",
        code: Rule::CountMismatch,
        example: SAMPLE,
        edits: &[("performance.toml", "fair = 1", "fair = 2")],
    },
    Case {
        name: "unknown_code",
        code: Rule::UnknownCode,
        example: SAMPLE,
        edits: &[("glossary.toml", "code = \"2150510\"", "code = \"2150511\"")],
    },
    Case {
        name: "missing_budget",
        code: Rule::MissingBudget,
        example: SAMPLE,
        edits: &[(
            "explanation.toml",
            "    { code = \"2019999\", budget = 16.25, reason = \"严格按照年初预算执行\" },  # 决算 16.25\n",
            "",
        )],
    },
    Case {
        name: "score_mismatch_score",
        code: Rule::ScoreMismatch,
        example: SAMPLE,
        edits: &[("performance.toml", "score = 28", "score = 31")],
    },
    Case {
        name: "score_mismatch_weights",
        code: Rule::ScoreMismatch,
        example: SAMPLE,
        edits: &[("performance.toml", "weight = 30", "weight = 31")],
    },
    Case {
        name: "execution_rate",
        code: Rule::ExecutionRate,
        example: SAMPLE,
        edits: &[("performance.toml", "executed = 40.00", "executed = 52.00")],
    },
    Case {
        name: "placeholder",
        code: Rule::Placeholder,
        example: SAMPLE,
        edits: &[(
            "procurement.toml",
            "goods = 128.40",
            "goods = 128.40  # 待填写",
        )],
    },
    Case {
        name: "suspect_value",
        code: Rule::SuspectValue,
        example: SAMPLE,
        edits: &[(
            "table01.toml",
            "general_budget = 1967.91",
            "general_budget = 1977.91",
        )],
    },
    Case {
        name: "implausible",
        code: Rule::Implausible,
        example: SAMPLE,
        edits: &[(
            "explanation.toml",
            "previous_income = 2495.67",
            "previous_income = 0.01",
        )],
    },
    Case {
        name: "coverage",
        code: Rule::Coverage,
        example: SAMPLE,
        edits: &[("performance.toml", "funds = 796.93", "funds = 896.93")],
    },
];

/// Whether a finding points into `file` or at no value at all.
fn touches(d: &Diagnostic, sources: &Sources, file: &str) -> bool {
    let places: Vec<_> = d.primary.iter().chain(&d.secondary).collect();
    places.is_empty()
        || places
            .iter()
            .any(|(place, _)| sources.path(place.file).ends_with(file))
}

/// A file that does not parse hides nothing else: with each section file of each example broken in turn, `check`
/// reports that file's syntax error and exactly the findings the intact example has about the other files (but for
/// document.toml, which names the form and so the rules).
#[test]
fn a_syntax_error_in_one_file_hides_no_finding_about_the_others() {
    for name in [
        "jinhua-hrss-dsc-2020",
        "putuo-ghzyj-2024",
        "yusuan-2025-putuo-swj-dept",
        "yusuan-2026-putuo-sfj-unit",
    ] {
        let files = example_files(name);
        let (intact, intact_sources) = check_files(&files);
        for (i, (file, _)) in files.iter().enumerate() {
            let mut broken = files.clone();
            broken[i].1.push_str("\n= 12\n");
            let (found, sources) = check_files(&broken);
            let syntax: Vec<_> = found
                .iter()
                .filter(|d| d.rule == Rule::TomlSyntax)
                .collect();
            assert_eq!(
                syntax.len(),
                1,
                "{name}/{file}: {}",
                render(&found, &sources)
            );
            assert!(touches(syntax[0], &sources, file));
            // Without document.toml the form is not known, nor so the rules: its error alone.
            let expected: Vec<&Diagnostic> = intact
                .iter()
                .filter(|d| *file != "document.toml" && !touches(d, &intact_sources, file))
                .collect();
            let others: Vec<&Diagnostic> = found
                .iter()
                .filter(|d| d.rule != Rule::TomlSyntax)
                .collect();
            let show = |ds: &[&Diagnostic], sources: &Sources| {
                ds.iter()
                    .map(|d| d.render_relative(sources, false, Path::new(FIXTURE_ROOT)))
                    .collect::<String>()
            };
            assert_eq!(
                show(&others, &sources),
                show(&expected, &intact_sources),
                "{name}: {file} broken"
            );
        }
    }
}

/// The case a clerk meets: a syntax error in one file, a typo that breaks a sum in another; both at once.
#[test]
fn a_syntax_error_and_a_broken_sum_elsewhere_are_reported_together() {
    let files = broken(
        "jinhua-hrss-dsc-2020",
        &[
            ("table03.toml", "total = 1061.38", "total = 1061.38 万元"),
            ("table05.toml", "total = 114.32", "total = 116.32"),
        ],
    );
    let (found, sources) = check_files(&files);
    let errors: Vec<(&str, bool)> = found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code(), touches(d, &sources, "table05.toml")))
        .collect();
    assert_eq!(
        errors,
        [("toml-syntax", false), ("sum-mismatch", true)],
        "{}",
        render(&found, &sources)
    );
}

#[test]
fn every_rule_code_has_a_fixture() {
    for rule in Rule::ALL.iter().filter(|r| r.stage() == Stage::Check) {
        assert!(
            CASES.iter().any(|c| c.code == *rule),
            "rule {rule} has no fixture in tests/check.rs"
        );
    }
}

/// Each fixture: the defect is reported under its rule code with the right severity, and the exact text of what
/// it adds to the example's own findings (the source unit's expected warnings) is the snapshot.
#[test]
fn each_fixture_reports_its_rule_exactly() {
    let mut failures = Vec::new();
    for case in CASES {
        let (before, _) = check_files(&example_files(case.example));
        let (mut diagnostics, sources) = check_files(&broken(case.example, case.edits));
        diagnostics.retain(|d| {
            !before
                .iter()
                .any(|b| b.rule == d.rule && b.message == d.message && b.notes == d.notes)
        });
        let text = render(&diagnostics, &sources);
        if !diagnostics.iter().any(|d| d.rule == case.code) {
            failures.push(format!(
                "{}: no {} finding in\n{text}",
                case.name, case.code
            ));
        }
        // Warnings-only rules must not be errors, and an error rule must make the folder fail `check`.
        let is_warning_rule = case.code.severity() == Severity::Warning;
        if is_warning_rule == diagnostics.iter().any(Diagnostic::is_error) {
            failures.push(format!("{}: wrong severity in\n{text}", case.name));
        }
        insta::assert_snapshot!(case.name, text);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Display width as a terminal shows it: CJK and full-width forms take two columns (the test data has no others).
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
                | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide { 2 } else { 1 }
        })
        .sum()
}

#[test]
fn the_caret_lands_under_a_value_after_chinese_text() {
    let line = "{ code = \"2080108\", name = \"信息化建设\", total = 356.42, basic = 0, project = 356.42 }";
    let broken_line = line.replacen("total = 356.42", "total = 357.42", 1);
    let files = broken(SAMPLE, &[("table05.toml", line, &broken_line)]);
    let (diagnostics, sources) = check_files(&files);
    let text = render(&diagnostics, &sources);
    // The row total of 2080108 is the value at fault of one finding; its source line is quoted with a caret line.
    let lines: Vec<&str> = text.lines().collect();
    let quoted = (0..lines.len() - 1)
        .find(|&k| lines[k].contains(&broken_line) && lines[k + 1].contains('^'))
        .unwrap_or_else(|| panic!("the line is not quoted with a caret:\n{text}"));
    let after_bar = |l: &str| {
        l.split_once("│ ")
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default()
    };
    let source = after_bar(lines[quoted]);
    let carets = after_bar(lines[quoted + 1]);
    let value_at = source.find("357.42").unwrap();
    let expected_column = display_width(&source[..value_at]);
    let caret_column = display_width(
        &carets[..carets
            .find('^')
            .unwrap_or_else(|| panic!("no caret under:\n{text}"))],
    );
    assert_eq!(caret_column, expected_column, "caret misplaced:\n{text}");
    assert!(
        carets[carets.find('^').unwrap()..].starts_with("^^^^^^ "),
        "the caret does not span 357.42:\n{text}"
    );
    // And the JSON place counts characters, so an editor lands on the value too.
    let table05 = &files.iter().find(|(n, _)| *n == "table05.toml").unwrap().1;
    let d = diagnostics
        .iter()
        .find(|d| {
            d.primary
                .as_ref()
                .is_some_and(|(p, _)| &table05[p.span.clone()] == "357.42")
        })
        .expect("a finding at the changed value");
    let json = d.to_json(&sources);
    let line_no = table05
        .lines()
        .position(|l| l.contains(&broken_line))
        .unwrap()
        + 1;
    let in_line = table05.lines().nth(line_no - 1).unwrap();
    assert_eq!(json["primary"]["line"], line_no);
    assert_eq!(
        json["primary"]["column"],
        in_line[..in_line.find("357.42").unwrap()].chars().count() + 1
    );
}

/// The literal of a number changed by one: `12.60` → `13.60`, `3` → `4`.
fn plus_one(literal: &str) -> String {
    let value = juesuan::money::parse_exact(literal).unwrap();
    (value + Decimal::ONE).to_string()
}

/// Every number of the complete sample and of the Shanghai example that is not free by design
/// (validate::FREE_FIGURES) takes part in an identity: changed by 1.00, far beyond rounding, `check` must report
/// an error that marks it. Numbers are enumerated from the TOML text, so a field added to the model later cannot
/// escape unnoticed.
#[test]
fn every_figure_of_the_examples_is_guarded() {
    let mut free_used = vec![false; validate::FREE_FIGURES.len()];
    guarded(SAMPLE, 500, &mut free_used);
    guarded("putuo-ghzyj-2024", 300, &mut free_used);
    let unused: Vec<_> = validate::FREE_FIGURES
        .iter()
        .zip(&free_used)
        .filter(|(_, used)| !**used)
        .map(|((f, p, _), _)| format!("{f} {p}"))
        .collect();
    assert!(
        unused.is_empty(),
        "free patterns matching nothing in the examples: {unused:?}"
    );
}

/// Changes each figure of an example that is not free by 1 and expects an error marking it; counts the free
/// patterns used.
fn guarded(name: &str, at_least: usize, free_used: &mut [bool]) {
    let original = example_files(name);
    let (clean, _) = check_files(&original);
    assert!(
        !clean.iter().any(Diagnostic::is_error),
        "{name} must pass first: {clean:#?}"
    );
    // (file index, path, span) of every figure to change; the free ones are only counted.
    let mut jobs = Vec::new();
    for (k, (file, text)) in original.iter().enumerate() {
        for n in numbers::numbers(text).unwrap() {
            match validate::FREE_FIGURES
                .iter()
                .position(|(f, pattern, _)| f == file && numbers::matches(pattern, &n.path))
            {
                Some(i) => free_used[i] = true,
                None => jobs.push((k, n.path, n.span)),
            }
        }
    }
    assert!(
        jobs.len() > at_least,
        "only {} figures of {name} to change: is it complete?",
        jobs.len()
    );
    // Each change is independent: spread them over the cores.
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let chunk = jobs.len().div_ceil(threads);
    let escaped: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = jobs
            .chunks(chunk)
            .map(|jobs| {
                let original = &original;
                scope.spawn(move || {
                    let mut escaped = Vec::new();
                    for (k, path, span) in jobs {
                        let (file, text) = &original[*k];
                        let literal = &text[span.clone()];
                        let mut files = original.clone();
                        files[*k].1 = format!(
                            "{}{}{}",
                            &text[..span.start],
                            plus_one(literal),
                            &text[span.end..]
                        );
                        let (diagnostics, sources) = check_files(&files);
                        // The error must point at the changed figure (as the value at fault or one involved).
                        let marks_it = |d: &Diagnostic| {
                            d.primary
                                .iter()
                                .map(|(p, _)| p)
                                .chain(d.secondary.iter().map(|(p, _)| p))
                                .any(|p| {
                                    p.span.start == span.start
                                        && sources.path(p.file).ends_with(file)
                                })
                        };
                        if !diagnostics.iter().any(|d| d.is_error() && marks_it(d)) {
                            escaped.push(format!("{file} {path} = {literal}"));
                        }
                    }
                    escaped
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert!(
        escaped.is_empty(),
        "{name}: {} of {} figures changed by 1 without an error marking them (add an identity, or list them in \
         validate::FREE_FIGURES with the reason):\n{}",
        escaped.len(),
        jobs.len(),
        escaped.join("\n")
    );
}

#[test]
fn check_exits_1_on_data_errors_and_2_when_a_folder_cannot_be_read() {
    let dir = copy_example(SAMPLE);
    edit(
        dir.path(),
        "procurement.toml",
        "small_micro = 286.30",
        "small_micro = 486.30",
    );
    let out = juesuan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[part-exceeds-whole]"));

    let out = juesuan(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let finding: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(finding["code"], "part-exceeds-whole");
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["notes"][0]
            .as_str()
            .unwrap()
            .contains("expected at most 420.15"),
        "{finding}"
    );
    assert!(
        finding["secondary"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );

    let missing = dir.path().join("no-such-folder");
    let out = juesuan(&["check", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn rules_lists_every_code() {
    let out = juesuan(&["rules"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for rule in Rule::ALL {
        assert!(
            text.lines().any(|l| l.starts_with(rule.code())),
            "{rule} missing from `juesuan rules`"
        );
    }
}
