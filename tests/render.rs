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
        // a 单位's document says 单位 where the template says 部门（单位） (the published text kept the residue)
        "（一）单位职责",
        "（二）机构设置",
        "二、2020年度单位决算公开表",
        "详见附表。",
        "三、2020年度单位决算情况说明",
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
    let contents = &text[..text.find("（一）单位职责").unwrap()];
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
    // 2 pages of 目录, 23 of narrative (with four charts and two self-evaluation forms) + 12 table pages (01 and 04
    // one page each); a layout change must be deliberate
    assert_eq!(pages, 37, "{info}");
}

/// Rows of every length around their columns' widths, for each column of `table` in turn: Han names, Han with Latin
/// and digits (Typst puts a quarter em between them), and amounts in the columns that hold amounts.
fn sweep(table: &juesuan::derive::TableView) -> Vec<juesuan::derive::TableRow> {
    let columns = table.rows.first().map_or(0, |r| r.cells.len());
    let is_amount = |k: usize| {
        let amount =
            |cell: &str| cell.contains('.') && cell.replace(',', "").parse::<f64>().is_ok();
        table.rows.iter().any(|r| amount(&r.cells[k]))
    };
    let amount = |digits: usize| {
        let whole: String = (0..digits)
            .rev()
            .flat_map(|i| {
                let sep = (i % 3 == 2 && i + 1 < digits).then_some(',');
                sep.into_iter().chain(std::iter::once('8'))
            })
            .collect();
        format!("{whole}.88")
    };
    let mut texts: Vec<(usize, String)> = Vec::new();
    for k in 0..columns {
        if is_amount(k) {
            texts.extend((4..=14).map(|d| (k, amount(d))));
        } else {
            texts.extend(
                (1..=30).map(|n| (k, "社会保障和就业支出".chars().cycle().take(n).collect())),
            );
            texts.extend((1..=8).map(|n| (k, "年2020A".repeat(n))));
            texts.extend((1..=12).map(|n| (k, "年Ａ".repeat(n))));
        }
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(i, (k, text))| {
            let mut cells = vec![String::new(); columns];
            cells[k] = text;
            juesuan::derive::TableRow {
                cells,
                spans: None,
                level: (i % 3) as u8,
                total: false,
                widths: None,
            }
        })
        .collect()
}

#[test]
fn rows_given_one_line_are_set_as_typst_would_set_them() {
    // The template gives a row a fixed one-line height where the widths from Rust say every cell fits, so that
    // Typst lays it out once: the pages must be exactly those Typst makes measuring every row itself.
    let engine = juesuan::render::Engine::embedded();
    let Ok(mut prepared) = juesuan::prepare(&example("example-2021")) else {
        panic!("the example prepares");
    };
    let report = &mut prepared.report;
    for table in &mut report.tables {
        table.rows = sweep(table);
    }
    let pdf = |report: &juesuan::derive::Report| {
        engine
            .pdf(report, juesuan::render::Standard::Pdf17)
            .expect("the sweep renders")
    };
    let measured_by_typst = pdf(report);
    let font =
        juesuan::render::TableFont::new(engine, &report.meta.fonts.table).expect("the table font");
    let widths = font
        .widths()
        .expect("the embedded table font can be measured");
    for row in report.tables.iter_mut().flat_map(|t| &mut t.rows) {
        row.widths = row.cells.iter().map(|text| widths.width(text)).collect();
    }
    assert!(
        report
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .all(|r| r.widths.is_some())
    );
    assert!(
        pdf(report) == measured_by_typst,
        "a row the widths said fits one line is set otherwise by Typst"
    );

    // The template does use the widths: claimed zero, rows that need two lines get one, and the pages change.
    for row in report.tables.iter_mut().flat_map(|t| &mut t.rows) {
        row.widths = Some(vec![0.0; row.cells.len()]);
    }
    assert!(pdf(report) != measured_by_typst);
}

/// The pages of a PDF as pdftotext lays them out.
fn pages(text: &str) -> Vec<&str> {
    text.split('\u{c}').collect()
}

/// The number a page prints (— 3 —), if any.
fn page_number(page: &str) -> Option<u32> {
    page.lines().find_map(|line| {
        let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        t.strip_prefix('—')?.strip_suffix('—')?.parse().ok()
    })
}

#[test]
fn tables_01_and_04_of_the_zhejiang_form_fit_one_page() {
    for name in ["jinhua-hrss-dsc-2020", "example-2021"] {
        let text = pdf_text(rendered(name));
        let pages: Vec<String> = pages(&text).into_iter().map(squeezed).collect();
        for (label, next) in [("公开01表", "公开02表"), ("公开04表", "公开05表")] {
            let at = pages
                .iter()
                .position(|p| p.contains(label))
                .unwrap_or_else(|| panic!("{name}: {label}"));
            // the last row (总计) on the table's own page, the next table on the next one
            assert!(
                pages[at].contains("总计"),
                "{name}: {label} spills its totals"
            );
            assert!(
                pages[at + 1].contains(next),
                "{name}: {label} takes more than a page"
            );
        }
    }
}

#[test]
fn a_self_evaluation_form_keeps_its_rows_whole_and_repeats_its_indicator_header() {
    for name in ["jinhua-hrss-dsc-2020", "example-2021"] {
        let prepared = juesuan::prepare(&example(name))
            .ok()
            .expect("the example prepares");
        let raw = pdf_text_raw(rendered(name));
        let pages: Vec<String> = pages(&raw).into_iter().map(squeezed).collect();
        let mut continued = 0;
        for form in prepared.report.blocks.iter().filter_map(|b| match b {
            juesuan::derive::Block::SelfEvaluation(form) => Some(form),
            _ => None,
        }) {
            let first = pages
                .iter()
                .position(|p| p.contains(&squeezed(&form.name)) && p.contains("实施单位（盖章）"))
                .unwrap_or_else(|| panic!("{name}: the form of {}", form.name));
            let last = first
                + pages[first..]
                    .iter()
                    .position(|p| p.contains("评价结果"))
                    .expect("the form ends");
            continued += last - first;
            for page in &pages[first..=last] {
                for header in ["绩效指标", "二级指标", "三级指标", "自评得分"] {
                    assert!(
                        page.contains(header),
                        "{name}: {header} missing on a page of the form"
                    );
                }
            }
            // every indicator's row on one page: its 三级指标 whole on a page of the form
            for indicator in &form.indicators {
                let cell = squeezed(&indicator.name);
                assert!(
                    pages[first..=last].iter().any(|p| p.contains(&cell)),
                    "{name}: the row of {} is cut",
                    indicator.name
                );
            }
        }
        assert!(
            continued >= 1,
            "{name}: no form continues on a next page, nothing is tested"
        );
    }
}

#[test]
fn no_header_line_holds_a_single_character() {
    // A header cell's lines are consecutive in the content stream (pdftotext -raw): each header text of two or more
    // characters is found as one piece, or as pieces of two characters or more.
    for name in [
        "jinhua-hrss-dsc-2020",
        "example-2021",
        "putuo-ghzyj-2024",
        "yusuan-2025-putuo-swj-dept",
        "yusuan-2026-putuo-sfj-unit",
    ] {
        let prepared = juesuan::prepare(&example(name))
            .ok()
            .expect("the example prepares");
        let raw = pdf_text_raw(rendered(name));
        let pieces: Vec<&str> = raw.split_whitespace().collect();
        let mut broken = 0;
        for cell in prepared.report.tables.iter().flat_map(|t| &t.header) {
            let text = &cell.cell.text;
            // (栏次 numbers are not words)
            if text.chars().count() < 2 || text.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let runs: Vec<&[&str]> = (0..pieces.len())
                .filter_map(|start| {
                    let mut spelled = String::new();
                    for (k, piece) in pieces[start..].iter().enumerate() {
                        spelled.push_str(piece);
                        if spelled == *text {
                            return Some(&pieces[start..=start + k]);
                        }
                        if !text.starts_with(&spelled) {
                            return None;
                        }
                    }
                    None
                })
                .collect();
            assert!(!runs.is_empty(), "{name}: header {text} not found");
            for run in runs {
                broken += usize::from(run.len() > 1);
                assert!(
                    run.len() == 1 || run.iter().all(|line| line.chars().count() >= 2),
                    "{name}: header {text} set as {run:?}"
                );
            }
        }
        assert!(
            broken > 0,
            "{name}: no header on more than one line, nothing is tested"
        );
    }
}

#[test]
fn a_chart_label_stays_on_one_line_beside_its_bar() {
    let text = pdf_text(rendered("example-2021"));
    assert!(
        row_with(&text, &["资源勘探工业信息等", "30.00"]).is_some(),
        "the label wraps around its bar"
    );
}

#[test]
fn the_front_matter_is_unnumbered_and_the_narrative_starts_at_page_one() {
    for (name, first_heading) in [
        ("jinhua-hrss-dsc-2020", "一、概况"),
        ("putuo-ghzyj-2024", "第一部分"),
        ("yusuan-2025-putuo-swj-dept", "主要职能"),
    ] {
        let text = pdf_text(rendered(name));
        let pages = pages(&text);
        let number = page_number;
        let body = pages
            .iter()
            .position(|p| !squeezed(p).contains("目录") && squeezed(p).contains(first_heading))
            .unwrap_or_else(|| panic!("{name}: {first_heading}"));
        for page in &pages[..body] {
            assert_eq!(
                number(page),
                None,
                "{name}: a page before the narrative is numbered"
            );
        }
        assert_eq!(
            number(pages[body]),
            Some(1),
            "{name}: the narrative starts at — 1 —"
        );
        assert_eq!(number(pages[body + 1]), Some(2), "{name}");
    }
}

#[test]
fn the_contents_lists_the_attachments() {
    let text = pdf_text(rendered("jinhua-hrss-dsc-2020"));
    let contents: String = pages(&text)
        .into_iter()
        .take_while(|p| !squeezed(p).starts_with("一、概况"))
        .map(squeezed)
        .collect();
    for (label, entry) in [
        ("附件1", "附件1安全运维服务维护项目绩效自评表"),
        ("附件2", "附件2专网安全管控建设项目绩效自评表"),
    ] {
        let at = contents
            .find(entry)
            .unwrap_or_else(|| panic!("{entry} not in the 目录: {contents}"));
        // listed with the number of the page the form starts on
        let listed: String = contents[at + entry.len()..]
            .trim_start_matches('.')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let page = pages(&text)
            .into_iter()
            .find(|p| squeezed(p).starts_with(label))
            .unwrap_or_else(|| panic!("the page of {label}"));
        assert_eq!(
            page_number(page).map(|n| n.to_string()),
            Some(listed),
            "{label}: {page}"
        );
    }
}

#[test]
fn the_templates_parse_the_data_once() {
    // json() parses the whole file at every call: a call in a function (a table's) parses it once a table.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("typst-templates");
    let mut parsing = Vec::new();
    let mut folders = vec![dir.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if std::fs::read_to_string(&path)
                .unwrap()
                .contains("json(\"/data.json\")")
            {
                parsing.push(path.strip_prefix(&dir).unwrap().to_path_buf());
            }
        }
    }
    assert_eq!(parsing, [std::path::Path::new("lib/data.typ")]);
}
