//! The narrative derived from both examples, sentence by sentence, as snapshots: a change in any figure's wording
//! shows up in review.

use juesuan::derive::Block;

use crate::support::example;

fn narrative(name: &str) -> String {
    let prepared = juesuan::prepare(&example(name)).unwrap_or_else(|_| panic!("{name} prepares"));
    let mut out = String::new();
    for block in &prepared.report.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                out += &format!("{} {text}\n", "#".repeat(*level as usize))
            }
            Block::Paragraph { text } => out += &format!("{text}\n"),
            Block::Chart(chart) => {
                out += &format!("[{}]\n", chart.title);
                for bar in &chart.bars {
                    let values: Vec<String> = bar
                        .values
                        .iter()
                        .map(|v| format!("{} {:.3}", v.text, v.length))
                        .collect();
                    out += &format!("  {}: {}\n", bar.label, values.join(" | "));
                }
            }
            Block::List(list) => {
                for row in &list.rows {
                    out += &format!("| {} |\n", row.join(" | "));
                }
            }
            Block::Tables { heading, appendix } => {
                if let Some(h) = heading {
                    out += &format!("# {h}\n");
                }
                out += &format!(
                    "[tables{}]\n",
                    appendix
                        .as_deref()
                        .map(|a| format!(": {a}"))
                        .unwrap_or_default()
                );
            }
            Block::SelfEvaluation(form) => {
                out += &format!(
                    "[{} {}: {} 分 {}]\n",
                    form.label, form.name, form.total_score, form.grade
                );
                for i in &form.indicators {
                    out += &format!(
                        "  {} | {} | {} | {}/{}\n",
                        i.level1, i.level2, i.name, i.score, i.weight
                    );
                }
                out += &format!(
                    "  {} | {} | {}/{}\n",
                    form.execution.level1,
                    form.execution.formula,
                    form.execution.score,
                    form.execution.weight
                );
            }
        }
    }
    out
}

#[test]
fn source_unit_narrative() {
    insta::assert_snapshot!(narrative("jinhua-hrss-dsc-2020"));
}

#[test]
fn sample_narrative() {
    insta::assert_snapshot!(narrative("example-2021"));
}

#[test]
fn no_sentence_carries_template_residue() {
    for name in ["jinhua-hrss-dsc-2020", "example-2021"] {
        let text = narrative(name);
        for residue in [
            "增加/减少",
            "增长/下降",
            "增加0.00万元",
            "减少0.00万元",
            "增长0.00%",
            "下降0.00%",
            "-%",
            "%%",
            "。。",
        ] {
            assert!(!text.contains(residue), "{name}: {residue}");
        }
        // a fall is never stated with a sign, a rise never with 下降
        assert!(!text.contains("下降-") && !text.contains("减少-"), "{name}");
    }
}
