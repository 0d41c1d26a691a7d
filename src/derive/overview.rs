//! 概况: the unit's duties, its internal divisions, and the units a department's 决算 consolidates.

use super::wording::sentence;
use super::{Block, Ctx, ListTable, para};

/// 职责: one numbered paragraph per duty.
pub(super) fn duties(ctx: &Ctx, out: &mut Vec<Block>) {
    for (i, duty) in ctx.doc.overview.duties.iter().enumerate() {
        out.push(para(format!("{}.{}", i + 1, sentence(&duty.value))));
    }
}

/// 机构设置: the internal divisions in one sentence.
pub(super) fn divisions(ctx: &Ctx, out: &mut Vec<Block>) {
    let divisions: Vec<&str> = ctx
        .doc
        .overview
        .divisions
        .iter()
        .map(|d| d.value.as_str())
        .collect();
    if divisions.is_empty() {
        out.push(para(format!("本{}未设内设机构。", ctx.kind)));
    } else {
        out.push(para(format!(
            "从预算单位构成看，本{}内设：{}。",
            ctx.kind,
            divisions.join("、")
        )));
    }
}

/// 部门决算单位构成: what the department's 决算 consolidates, and the units as a table (序号 | 单位名称 | 备注).
pub(super) fn units(ctx: &Ctx, out: &mut Vec<Block>) {
    let unit = ctx.unit();
    let units = &ctx.doc.overview.units;
    // A department of one unit has no 下属 units to name.
    let subordinate = if units.len() > 1 {
        "、下属行政事业单位决算"
    } else {
        ""
    };
    out.push(para(format!(
        "从预算单位构成看，{unit}部门决算包括：{unit}本级决算{subordinate}。"
    )));
    out.push(para(format!(
        "纳入{unit}{}年度部门决算编制范围的单位包括：",
        ctx.year
    )));
    out.push(Block::List(ListTable {
        header: vec!["序号".into(), "单位名称".into(), "备注".into()],
        widths: vec![1, 6, 2],
        rows: units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                vec![
                    (i + 1).to_string(),
                    u.name.value.clone(),
                    u.note.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
                ]
            })
            .collect(),
    }));
}
