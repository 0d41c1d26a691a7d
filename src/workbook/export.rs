//! `juesuan export`: the document's tables as an xlsx workbook, laid out as the form prints them — one sheet per
//! table with its label, title, 编制单位 and 金额单位 lines, the header tree as merged cells, the 栏次 row, the body
//! rows (figures as numbers in the form's number style, labels indented by level, 合计 merged across the code and
//! name columns), its notes; column widths from the form, frozen header rows, each sheet set up to print on A4 one
//! page wide.
//!
//! The workbook records the document's form, unit, year and 主体 in its custom properties, so `juesuan import`
//! reads it back without being told. The same data gives the same bytes (the workbook's date is the document's
//! publication date, never the clock).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::derive::{GridCell, grid};
use crate::form::table::{Orientation, Role, Width};
use crate::form::{Form, Placeholders, TableSpec};
use crate::model::Doc;
use crate::money::Amount;

/// The custom document properties that name the document a workbook was exported from.
pub const PROPERTY_FORM: &str = "juesuan-form";
pub const PROPERTY_UNIT: &str = "juesuan-unit";
pub const PROPERTY_YEAR: &str = "juesuan-year";
pub const PROPERTY_KIND: &str = "juesuan-kind";

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the workbook cannot be written: {0}")]
    Xlsx(#[from] XlsxError),
}

/// The formats of one workbook.
struct Formats {
    label: Format,
    title: Format,
    line_left: Format,
    line_right: Format,
    header: Format,
    text: Format,
    centred: Format,
    total_label: Format,
    amount: Format,
    amount_total: Format,
    note: Format,
}

impl Formats {
    fn new(thousands: bool) -> Formats {
        let font = |f: Format| f.set_font_name("宋体").set_font_size(10);
        let cell = |f: Format| {
            font(f)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        let number = if thousands { "#,##0.00" } else { "0.00" };
        Formats {
            label: font(Format::new()).set_align(FormatAlign::Right),
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            line_left: font(Format::new()).set_align(FormatAlign::Left),
            line_right: font(Format::new()).set_align(FormatAlign::Right),
            header: cell(Format::new())
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell(Format::new()).set_align(FormatAlign::Left),
            centred: cell(Format::new()).set_align(FormatAlign::Center),
            total_label: cell(Format::new())
                .set_align(FormatAlign::Center)
                .set_bold(),
            amount: cell(Format::new())
                .set_align(FormatAlign::Right)
                .set_num_format(number),
            amount_total: cell(Format::new())
                .set_align(FormatAlign::Right)
                .set_num_format(number)
                .set_bold(),
            note: font(Format::new())
                .set_align(FormatAlign::Left)
                .set_text_wrap(),
        }
    }
}

/// The workbook of a document's tables, as xlsx bytes.
pub fn workbook(doc: &Doc, form: &Form) -> Result<Vec<u8>, ExportError> {
    let info = doc.info();
    let p = Placeholders::of(info);
    let numbers = form.numbers.for_tables();
    let formats = Formats::new(numbers.thousands);
    let mut book = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(format!(
            "{}{}年度{}公开表",
            info.unit.value,
            *info.year,
            form.document.word()
        ))
        .set_subject(form.name.clone())
        .set_author(info.unit.value.clone())
        .set_comment(format!(
            "juesuan {}: the tables of the document, as its form {} prints them",
            env!("CARGO_PKG_VERSION"),
            form.id
        ))
        .set_custom_property(PROPERTY_FORM, form.id.as_str())
        .set_custom_property(PROPERTY_UNIT, info.unit.value.as_str())
        .set_custom_property(PROPERTY_YEAR, info.year.value.to_string().as_str())
        .set_custom_property(PROPERTY_KIND, info.kind.word());
    if let Some(date) = info.published.value.date {
        let date = ExcelDateTime::from_ymd(date.year, date.month, date.day)?;
        properties = properties.set_creation_datetime(&date);
    }
    book.set_properties(&properties);
    let mut names: Vec<String> = Vec::new();
    for spec in form.tables_of(p.subject) {
        let name = sheet_name(spec, &p, &names);
        names.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        table(sheet, doc, form, spec, &p, &formats)?;
    }
    Ok(book.save_to_buffer()?)
}

/// A sheet's name: the table's label (公开01表), else its 目录 entry, within Excel's 31 characters and without the
/// characters a sheet name cannot hold; unique in the workbook.
fn sheet_name(spec: &TableSpec, p: &Placeholders, taken: &[String]) -> String {
    let base = match &spec.label {
        Some(label) => label.clone(),
        None => Form::fill(spec.toc.as_ref().unwrap_or(&spec.title), p),
    };
    let clean: String = base
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = cut(&clean, 31);
    let mut k = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" ({k})");
        name = cut(&clean, 31 - suffix.chars().count()) + &suffix;
        k += 1;
    }
    name
}

/// One table on its sheet.
fn table(
    sheet: &mut Worksheet,
    doc: &Doc,
    form: &Form,
    spec: &TableSpec,
    p: &Placeholders,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let columns: Vec<_> = spec.columns().collect();
    let ncols = columns.len() as u16;
    let last = ncols.saturating_sub(1);
    let mut row: u32 = 0;
    if let Some(label) = &spec.label {
        sheet.write_string_with_format(row, last, label, &formats.label)?;
        row += 1;
    }
    let title = Form::fill(&spec.title, p);
    merge_or_write(sheet, row, 0, row, last, &title, &formats.title)?;
    sheet.set_row_height(row, 28)?;
    row += 1;
    let line = spec.unit_line.as_ref().map(|l| Form::fill(l, p));
    match (line, ncols) {
        (Some(line), 1) => {
            sheet.write_string_with_format(row, 0, &line, &formats.line_left)?;
            row += 1;
            sheet.write_string_with_format(row, 0, &spec.money_unit, &formats.line_right)?;
        }
        (Some(line), _) => {
            let middle = last / 2;
            merge_or_write(sheet, row, 0, row, middle, &line, &formats.line_left)?;
            merge_or_write(
                sheet,
                row,
                middle + 1,
                row,
                last,
                &spec.money_unit,
                &formats.line_right,
            )?;
        }
        (None, _) => {
            sheet.write_string_with_format(row, last, &spec.money_unit, &formats.line_right)?;
        }
    }
    row += 1;

    // The header tree, placed as a table layout places cells: each in the next column its row leaves free.
    let header_top = row;
    let (cells, header_rows) = spec.header();
    let mut taken = vec![vec![false; usize::from(ncols)]; header_rows];
    let mut at = (0usize, 0usize);
    for cell in &cells {
        while at.0 < header_rows && (at.1 >= usize::from(ncols) || taken[at.0][at.1]) {
            at.1 += 1;
            if at.1 >= usize::from(ncols) {
                at = (at.0 + 1, 0);
            }
        }
        if at.0 >= header_rows {
            break;
        }
        let (r, c) = at;
        for row in taken.iter_mut().skip(r).take(cell.rowspan) {
            for slot in row.iter_mut().skip(c).take(cell.colspan) {
                *slot = true;
            }
        }
        let r0 = header_top + r as u32;
        let c0 = c as u16;
        let r1 = r0 + cell.rowspan.max(1) as u32 - 1;
        let c1 = c0 + cell.colspan.max(1) as u16 - 1;
        merge_or_write(sheet, r0, c0, r1, c1, &cell.text, &formats.header)?;
    }
    row = header_top + header_rows as u32;
    let body_top = row;

    let grid = grid(doc, form, spec);
    let mut widest = vec![0usize; usize::from(ncols)];
    for grid_row in &grid.rows {
        let spans = grid_row
            .spans
            .clone()
            .unwrap_or_else(|| vec![1; grid_row.cells.len()]);
        for (k, cell) in grid_row.cells.iter().enumerate() {
            let span = spans.get(k).copied().unwrap_or(1);
            if span == 0 {
                continue;
            }
            let col = k as u16;
            let role = columns.get(k).and_then(|c| c.role);
            match cell {
                GridCell::Text(text) => {
                    let format = match role {
                        _ if grid_row.total && !text.is_empty() => formats.total_label.clone(),
                        Some(Role::Label | Role::Name) if grid_row.level > 0 => {
                            formats.text.clone().set_indent(grid_row.level)
                        }
                        Some(Role::Label | Role::Name) => formats.text.clone(),
                        _ => formats.centred.clone(),
                    };
                    merge_or_write(sheet, row, col, row, col + span as u16 - 1, text, &format)?;
                    if span == 1 {
                        widest[k] =
                            widest[k].max(display_width(text) + 2 * usize::from(grid_row.level));
                    }
                }
                GridCell::Figure(amount) => {
                    let format = if grid_row.total {
                        &formats.amount_total
                    } else {
                        &formats.amount
                    };
                    match amount {
                        Some(a) => write_amount(sheet, row, col, *a, format)?,
                        None => {
                            sheet.write_blank(row, col, format)?;
                        }
                    }
                }
            }
        }
        row += 1;
    }
    let numbers_style = form.numbers.for_tables();
    for (k, c) in columns.iter().enumerate() {
        let widest_figure = grid
            .rows
            .iter()
            .filter_map(|r| match r.cells.get(k) {
                Some(GridCell::Figure(Some(a))) => Some(a.format(numbers_style).len()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let width = match c.width {
            // A Chinese character is two of Excel's width units (the width of a digit).
            Width::Em(em) => em * 2.2,
            Width::Fr(fr) => (widest[k] as f64 + 2.0).clamp((12.0 * fr).min(60.0), 60.0),
        };
        let width = width.max(widest_figure as f64 + 2.0);
        sheet.set_column_width(k as u16, width)?;
    }

    // Notes under the table, each across its width.
    let mut notes: Vec<String> = spec.note.iter().map(|n| Form::fill(n, p)).collect();
    if !grid.any_figure {
        notes.extend(spec.empty_note.iter().map(|n| Form::fill(n, p)));
    }
    for note in notes {
        merge_or_write(sheet, row, 0, row, last, &note, &formats.note)?;
        sheet.set_row_height(row, 30)?;
        row += 1;
    }

    sheet.set_freeze_panes(body_top, 0)?;
    sheet.set_paper_size(9); // A4
    match spec.orientation {
        Orientation::Landscape => sheet.set_landscape(),
        Orientation::Portrait => sheet.set_portrait(),
    };
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_repeat_rows(header_top, body_top.saturating_sub(1).max(header_top))?;
    Ok(())
}

/// A figure as a number cell. A figure a double cannot hold exactly (more than 15 significant digits) is written
/// as its text, so no digit is lost; `import` reads either.
fn write_amount(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    amount: Amount,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = amount.decimal().to_string();
    let exact = text
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .filter(|f| {
            format!("{f}")
                .parse::<rust_decimal::Decimal>()
                .is_ok_and(|d| d == amount.decimal())
        });
    match exact {
        Some(number) => sheet.write_number_with_format(row, col, number, format)?,
        None => sheet.write_string_with_format(row, col, &text, format)?,
    };
    Ok(())
}

fn merge_or_write(
    sheet: &mut Worksheet,
    r0: u32,
    c0: u16,
    r1: u32,
    c1: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 && c0 == c1 {
        sheet.write_string_with_format(r0, c0, text, format)?;
    } else {
        sheet.merge_range(r0, c0, r1, c1, text, format)?;
    }
    Ok(())
}

/// A text's width in Excel's units: two for a Chinese character, one for anything narrower.
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}
