//! Rendering the examples: the document's text, order, pages and fonts.

use crate::support::*;

#[test]
fn the_source_unit_reads_like_its_source() {
    let text = squeezed(&pdf_text(rendered("jinhua-hrss-dsc-2020")));
    for sentence in [
        "金华市人力资源和社会保障数据安全管理中心2020年度单位决算",
        "2020年度收入总计1,061.38万元，支出总计1,061.38万元，与2019年度相比，收入增加349.70万元，增长49.14%，支出增加363.45万元，增长52.08%。",
        "本年收入合计1,061.38万元；包括财政拨款收入1,061.38万元",
        "本年支出合计1,061.38万元，其中基本支出333.07万元，占31.38%；项目支出728.31万元，占68.62%",
        "财政拨款支出年初预算数951.35万元，完成年初预算的111.57%",
        "社会保障和就业（类）支出934.31万元，占88.03%",
        "人力资源和社会保障管理事务（款）信息化建设（项）。年初预算为630.92万元，支出决算为750.12万元，完成年初预算的118.89%",
        "本单位2020年度无政府性基金预算财政拨款收支安排，故无相关数据。",
        "本单位2020年度无国有资本经营预算财政拨款收支安排，故无相关数据。",
        "“三公”经费一般公共预算财政拨款支出预算为1.30万元，支出决算为0.23万元，完成预算的17.69%",
        "公务接待费支出决算为0.23万元，占100.00%，与2019年度相比，减少0.40万元，下降63.49%",
        "因公出国（境）费用支出决算为0.00万元，占0.00%，与2019年度持平",
        "2020年度政府采购支出总额541.20万元",
        "项目自评得分96.94分，自评结论为“优”",
        "项目自评得分96.62分，自评结论为“优”",
        "完成预算的99.44%",
    ] {
        assert!(text.contains(&squeezed(sentence)), "missing: {sentence}");
    }
    // wording follows the numbers: no template residue
    for residue in ["增加/减少", "增长/下降", "0%，增长"] {
        assert!(!text.contains(residue), "template residue {residue}");
    }
}

#[test]
fn sections_come_in_the_official_order() {
    let text = squeezed(&pdf_text(rendered("jinhua-hrss-dsc-2020")));
    // skip the 目录: the body starts at the second 一、概况
    let after = text.find("一、概况").expect("一、概况") + "一、概况".len();
    let body = &text[after
        + text[after..]
            .find("一、概况")
            .expect("一、概况 in the body")..];
    let order = [
        "一、概况",
        "（一）部门（单位）职责",
        "（二）机构设置",
        "二、2020年度部门（单位）决算公开表",
        "详见附表。",
        "三、2020年度部门（单位）决算情况说明",
        "（一）收入支出决算总体情况说明",
        "（五）一般公共预算财政拨款支出决算情况说明",
        "（九）一般公共预算财政拨款“三公”经费支出决算情况说明",
        "（十三）预算绩效情况说明",
        "附件1",
        "附件2",
        "四、名词解释",
        "公开01表",
        "公开09表",
    ];
    let mut at = 0;
    for heading in order {
        let found = body[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} missing or out of order"));
        at += found + heading.len();
    }
}

#[test]
fn the_contents_lists_parts_and_tables() {
    let text = pdf_text(rendered("jinhua-hrss-dsc-2020"));
    let contents = &text[..text.find("（一）部门（单位）职责").unwrap()];
    assert!(contents.contains("目") && contents.contains("录"));
    assert!(squeezed(contents).contains("一、概况"));
}

#[test]
fn the_pdf_is_a4_with_every_font_embedded() {
    let pdf = rendered("jinhua-hrss-dsc-2020");
    let info = pdf_tool("pdfinfo", pdf);
    assert!(
        info.contains("595.276 x 841.89 pts") || info.contains("595.28 x 841.89 pts"),
        "{info}"
    );
    let fonts = pdf_tool("pdffonts", pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID: emb is the fourth column from the end
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
        assert!(row.contains("Fandol"), "unexpected font: {row}");
    }
    for family in ["FandolFang", "FandolHei", "FandolKai", "FandolSong"] {
        assert!(fonts.contains(family), "{family} not used:\n{fonts}");
    }
}

#[test]
fn the_self_evaluation_forms_are_tables() {
    let text = squeezed(&pdf_text_raw(rendered("jinhua-hrss-dsc-2020")));
    for cell in [
        "金华市本级财政支出项目绩效自评表",
        "（2020年度）",
        "资金执行率：0.994*10",
        "资金执行率：0.962*10",
        "偏差原因分析及改进措施",
        "周火刚",
    ] {
        assert!(text.contains(cell), "missing {cell}");
    }
}

/// The line of `pdftotext -layout` output that holds a table row: a row stays on one line there.
fn row_with<'t>(text: &'t str, needles: &[&str]) -> Option<&'t str> {
    text.lines()
        .find(|line| needles.iter().all(|n| line.contains(n)))
}

#[test]
fn the_nine_tables_follow_with_titles_and_labels() {
    for name in ["jinhua-hrss-dsc-2020", "example-2021"] {
        let text = squeezed(&pdf_text(rendered(name)));
        let titles = [
            ("公开01表", "收入支出决算总表"),
            ("公开02表", "收入决算表"),
            ("公开03表", "支出决算表"),
            ("公开04表", "财政拨款收入支出决算总表"),
            ("公开05表", "一般公共预算财政拨款支出决算表"),
            ("公开06表", "一般公共预算财政拨款基本支出决算表"),
            ("公开07表", "一般公共预算财政拨款“三公”经费支出决算表"),
            ("公开08表", "政府性基金预算财政拨款收入支出决算表"),
            ("公开09表", "国有资本经营预算财政拨款支出决算表"),
        ];
        let mut at = text
            .find("四、名词解释")
            .expect("the glossary precedes the tables");
        for (label, title) in titles {
            let found = text[at..]
                .find(&format!("{label}{title}"))
                .unwrap_or_else(|| panic!("{name}: {label} {title}"));
            at += found;
        }
        assert!(text.contains("金额单位：万元"));
    }
}

#[test]
fn table_cells_sit_in_their_rows() {
    let source = pdf_text(rendered("jinhua-hrss-dsc-2020"));
    // 05: the 项 line with its amount; 03: the same line with 0.00 where the source implies zero
    assert!(row_with(&source, &["2080108", "信息化建设", "750.12"]).is_some());
    assert!(
        row_with(&source, &["八、社会保障和就业支出", "38", "934.31"]).is_some(),
        "01's expenditure panel"
    );
    // empty funds keep their table with the note
    let squeezed_source = squeezed(&source);
    assert!(
        squeezed_source
            .contains("注：本单位2020年度无政府性基金预算财政拨款收入支出，故本表为空。")
    );
    assert!(
        squeezed_source.contains("注：本单位2020年度无国有资本经营预算财政拨款支出，故本表为空。")
    );

    let sample = pdf_text(rendered("example-2021"));
    assert!(
        row_with(&sample, &["合计", "2,559.38", "1,254.55", "1,304.83"]).is_some(),
        "03's total row"
    );
    assert!(
        row_with(
            &sample,
            &["人员经费合计", "998.01", "公用经费合计", "186.39"]
        )
        .is_some(),
        "06's totals"
    );
    assert!(
        row_with(
            &sample,
            &["45.50", "6.42", "35.23", "24.86", "10.37", "3.85"]
        )
        .is_some(),
        "07's 决算数"
    );
}

#[test]
fn a_long_table_repeats_its_header_on_the_next_page() {
    let sample = pdf_text(rendered("example-2021"));
    // 03 and 05 of the sample break across pages: the header row is printed once per page of the table
    let pages: Vec<&str> = sample.split('\u{c}').collect();
    let with_header = pages
        .iter()
        .filter(|p| p.contains("上缴上级支出") && p.contains("科目编码") && p.contains("经营支出"))
        .count();
    assert!(
        with_header >= 2,
        "03's header should repeat: {with_header} page(s)"
    );
}

#[test]
fn the_sample_has_the_expected_page_count() {
    let info = pdf_tool("pdfinfo", rendered("example-2021"));
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // 25 pages of narrative (with four charts and two self-evaluation forms) + 14 table pages; a layout change
    // must be deliberate
    assert_eq!(pages, 39, "{info}");
}
