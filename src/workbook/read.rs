//! Reading a workbook (xlsx, xls, ods) into sheets of cells, defensively: a file too large, a zip archive that
//! expands too far (a zip bomb), a sheet with more cells than any table, a password-protected or unreadable file
//! are clear errors, not a crash or an exhausted machine. Cells are kept sparse (a cell at XFD1048576 costs one
//! entry), with the merged regions and, for a formula, whether it carries a computed value.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, DataRef, Dimensions, Ods, Reader, Xls, Xlsx};

/// A workbook file larger than this is refused before it is parsed.
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// The parts of an xlsx or ods archive may expand to this much in all.
pub const MAX_EXPANDED_BYTES: u64 = 64 << 20;
/// A sheet with more non-empty cells than this holds no 公开表 (the largest have a few thousand).
pub const MAX_CELLS: usize = 200_000;
/// At most this many sheets.
pub const MAX_SHEETS: usize = 512;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} has {size} bytes; a workbook of the tables has far fewer (at most {MAX_FILE_BYTES} are read)"
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{path} is password-protected (encrypted): save an unprotected copy (in Excel or WPS: 文件 → 信息 → 保护工作簿 → 清除密码) and import that"
    )]
    Encrypted { path: PathBuf },
    #[error(
        "{path} expands to more than {MAX_EXPANDED_BYTES} bytes when unpacked ({part}): refused as a possible zip bomb"
    )]
    ZipBomb { path: PathBuf, part: String },
    #[error("{path} is not a workbook this version reads (xlsx, xlsm, xls or ods): {reason}")]
    Format { path: PathBuf, reason: String },
    #[error(
        "{path}: sheet {sheet:?} has more than {MAX_CELLS} filled cells; the tables of a document have far fewer"
    )]
    HugeSheet { path: PathBuf, sheet: String },
    #[error("{path} has more than {MAX_SHEETS} sheets")]
    TooManySheets { path: PathBuf },
}

/// A cell's content as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number as the file stores it (a double: the shortest decimal that reads back as it is its value).
    Number(f64),
    Text(String),
    Bool(bool),
    /// A date or time.
    Date(String),
    /// An error value (#DIV/0!, #REF!, …).
    Error(String),
    /// A formula whose result the file does not carry (it was never calculated and saved by a spreadsheet program).
    Uncalculated(String),
}

/// One sheet: its non-empty cells by (row, column), and its merged regions.
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), Value>,
    /// Merged regions: (first row, first column, last row, last column), inclusive.
    pub merges: Vec<(u32, u32, u32, u32)>,
    /// The cells that hold a formula (with the value it last computed).
    pub formulas: std::collections::BTreeSet<(u32, u32)>,
}

impl Sheet {
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        self.cells.get(&(row, col))
    }

    /// The text a cell shows, for header and label matching: text as it is, a whole number as digits.
    pub fn text(&self, row: u32, col: u32) -> String {
        match self.get(row, col) {
            Some(Value::Text(t)) => t.trim().to_string(),
            Some(Value::Number(n)) => number_text(*n),
            Some(Value::Bool(b)) => b.to_string(),
            Some(Value::Date(d)) => d.clone(),
            Some(Value::Error(e)) => e.clone(),
            Some(Value::Uncalculated(f)) => format!("={f}"),
            None => String::new(),
        }
    }

    /// The merged region covering a cell, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<(u32, u32, u32, u32)> {
        self.merges
            .iter()
            .copied()
            .find(|&(r0, c0, r1, c1)| (r0..=r1).contains(&row) && (c0..=c1).contains(&col))
    }

    /// The text shown at a cell, a merged region's text in every cell it covers.
    pub fn shown(&self, row: u32, col: u32) -> String {
        match self.merge_at(row, col) {
            Some((r0, c0, _, _)) => self.text(r0, c0),
            None => self.text(row, col),
        }
    }

    /// The last row holding a cell (0 when empty).
    pub fn last_row(&self) -> u32 {
        self.cells.keys().map(|(r, _)| *r).max().unwrap_or(0)
    }

    /// The last column holding a cell or a merged region (0 when empty).
    pub fn last_col(&self) -> u32 {
        let cells = self.cells.keys().map(|(_, c)| *c).max().unwrap_or(0);
        let merges = self.merges.iter().map(|m| m.3).max().unwrap_or(0);
        cells.max(merges)
    }
}

/// A number as text: whole numbers without a decimal point (205, not 205.0), others as the shortest decimal.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A workbook's sheets in order, and its custom document properties (the export records the form there).
#[derive(Debug, Default)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
    pub properties: HashMap<String, String>,
}

/// Reads a workbook file.
pub fn read(path: &Path) -> Result<Workbook, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::other("not a file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    read_bytes(path, bytes)
}

/// Reads a workbook from its bytes; `path` names it in messages.
pub fn read_bytes(path: &Path, bytes: Vec<u8>) -> Result<Workbook, ReadError> {
    let format = |reason: String| ReadError::Format {
        path: path.to_path_buf(),
        reason,
    };
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(CFB) {
        // An OLE container: an .xls, or an encrypted xlsx (its package inside an "EncryptedPackage" stream).
        if contains_utf16(&bytes, "EncryptedPackage") || contains_utf16(&bytes, "EncryptionInfo") {
            return Err(ReadError::Encrypted {
                path: path.to_path_buf(),
            });
        }
        let mut xls = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::XlsError::Password => ReadError::Encrypted {
                path: path.to_path_buf(),
            },
            e => format(e.to_string()),
        })?;
        return read_xls(path, &mut xls);
    }
    if bytes.starts_with(b"PK") {
        check_archive(path, &bytes)?;
        let is_ods = zip::ZipArchive::new(Cursor::new(&bytes))
            .ok()
            .is_some_and(|mut z| {
                z.by_name("content.xml").is_ok() && z.by_name("xl/workbook.xml").is_err()
            });
        if is_ods {
            let merged = ods_merges(&bytes).map_err(format)?;
            let mut ods: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::OdsError::Password => ReadError::Encrypted {
                    path: path.to_path_buf(),
                },
                e => format(e.to_string()),
            })?;
            let mut book = read_ods(path, &mut ods)?;
            for sheet in &mut book.sheets {
                if let Some((_, merges)) = merged.iter().find(|(name, _)| *name == sheet.name) {
                    sheet.merges = merges.clone();
                }
            }
            return Ok(book);
        }
        let mut xlsx = Xlsx::new(Cursor::new(bytes)).map_err(|e| format(e.to_string()))?;
        return read_xlsx(path, &mut xlsx);
    }
    Err(format(
        "it is neither an Excel (xlsx, xls) nor an OpenDocument (ods) file".to_string(),
    ))
}

fn contains_utf16(bytes: &[u8], word: &str) -> bool {
    let needle: Vec<u8> = word.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// Unpacks every part of a zip archive into nothing, counting: the sizes the archive declares may lie, what comes
/// out of the decompressor does not.
fn check_archive(path: &Path, bytes: &[u8]) -> Result<(), ReadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Format {
        path: path.to_path_buf(),
        reason: format!("a damaged zip archive ({e})"),
    })?;
    if archive.len() > 10_000 {
        return Err(ReadError::ZipBomb {
            path: path.to_path_buf(),
            part: format!("{} parts", archive.len()),
        });
    }
    let mut total: u64 = 0;
    for k in 0..archive.len() {
        let mut part = archive.by_index(k).map_err(|e| ReadError::Format {
            path: path.to_path_buf(),
            reason: format!("part {k} of the zip archive cannot be read ({e})"),
        })?;
        let name = part
            .name()
            .map_or_else(|_| format!("part {k}"), |n| n.into_owned());
        let left = MAX_EXPANDED_BYTES - total;
        let read =
            std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink()).map_err(|e| {
                ReadError::Format {
                    path: path.to_path_buf(),
                    reason: format!("{name} cannot be unpacked ({e})"),
                }
            })?;
        total += read;
        if total > MAX_EXPANDED_BYTES {
            return Err(ReadError::ZipBomb {
                path: path.to_path_buf(),
                part: name,
            });
        }
    }
    Ok(())
}

fn huge(path: &Path, sheet: &str) -> ReadError {
    ReadError::HugeSheet {
        path: path.to_path_buf(),
        sheet: sheet.to_string(),
    }
}

fn too_many_sheets(path: &Path, n: usize) -> Result<(), ReadError> {
    if n > MAX_SHEETS {
        return Err(ReadError::TooManySheets {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn merges(dims: Vec<Dimensions>) -> Vec<(u32, u32, u32, u32)> {
    dims.into_iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect()
}

fn value_of(data: &Data) -> Option<Value> {
    Some(match data {
        Data::Empty => return None,
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => {
            if s.is_empty() {
                return None;
            }
            Value::Text(s.clone())
        }
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => Value::Date(d.to_string()),
        Data::DateTimeIso(d) | Data::DurationIso(d) => Value::Date(d.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    })
}

fn value_of_ref(data: &DataRef) -> Option<Value> {
    Some(match data {
        DataRef::Empty => return None,
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) => {
            if s.is_empty() {
                return None;
            }
            Value::Text(s.clone())
        }
        DataRef::SharedString(s) => {
            if s.is_empty() {
                return None;
            }
            Value::Text((*s).to_string())
        }
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => Value::Date(d.to_string()),
        DataRef::DateTimeIso(d) | DataRef::DurationIso(d) => Value::Date(d.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    })
}

fn read_xlsx<RS: std::io::Read + std::io::Seek>(
    path: &Path,
    xlsx: &mut Xlsx<RS>,
) -> Result<Workbook, ReadError> {
    let format = |e: calamine::XlsxError| ReadError::Format {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let names = xlsx.sheet_names();
    too_many_sheets(path, names.len())?;
    let mut sheets = Vec::new();
    for name in names {
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        {
            let mut reader = xlsx.worksheet_cells_reader(&name).map_err(format)?;
            while let Some(cell) = reader.next_cell_with_formula().map_err(format)? {
                let value = match (value_of_ref(&cell.value), cell.formula) {
                    (Some(v), Some(f)) if !f.is_empty() => {
                        sheet.formulas.insert(cell.pos);
                        v
                    }
                    (Some(v), _) => v,
                    (None, Some(f)) if !f.is_empty() => Value::Uncalculated(f),
                    (None, _) => continue,
                };
                sheet.cells.insert(cell.pos, value);
                if sheet.cells.len() > MAX_CELLS {
                    return Err(huge(path, &name));
                }
            }
        }
        sheet.merges = merges(xlsx.merge_cells_by_sheet_name(&name).map_err(format)?);
        sheets.push(sheet);
    }
    let properties = xlsx
        .workbook_properties()
        .map(|p| p.custom_properties)
        .unwrap_or_default();
    Ok(Workbook { sheets, properties })
}

fn read_xls<RS: std::io::Read + std::io::Seek>(
    path: &Path,
    xls: &mut Xls<RS>,
) -> Result<Workbook, ReadError> {
    let format = |e: calamine::XlsError| ReadError::Format {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let names = xls.sheet_names();
    too_many_sheets(path, names.len())?;
    let mut sheets = Vec::new();
    for name in names {
        let range = xls.worksheet_range(&name).map_err(format)?;
        let formulas = xls.worksheet_formula(&name).map_err(format)?;
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        for (row, col, data) in range.used_cells() {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            if let Some(v) = value_of(data) {
                sheet.cells.insert((r0 + row as u32, c0 + col as u32), v);
                if sheet.cells.len() > MAX_CELLS {
                    return Err(huge(path, &name));
                }
            }
        }
        let (f0, g0) = formulas.start().unwrap_or((0, 0));
        for (row, col, formula) in formulas.used_cells() {
            let at = (f0 + row as u32, g0 + col as u32);
            if formula.is_empty() {
                continue;
            }
            match sheet.cells.entry(at) {
                std::collections::btree_map::Entry::Occupied(_) => {
                    sheet.formulas.insert(at);
                }
                std::collections::btree_map::Entry::Vacant(cell) => {
                    cell.insert(Value::Uncalculated(formula.clone()));
                }
            }
        }
        sheet.merges = merges(xls.merge_cells_by_sheet_name(&name).map_err(format)?);
        sheets.push(sheet);
    }
    Ok(Workbook {
        sheets,
        properties: HashMap::new(),
    })
}

fn read_ods<RS: std::io::Read + std::io::Seek>(
    path: &Path,
    ods: &mut Ods<RS>,
) -> Result<Workbook, ReadError> {
    let format = |e: calamine::OdsError| ReadError::Format {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let names = ods.sheet_names();
    too_many_sheets(path, names.len())?;
    let mut sheets = Vec::new();
    for name in names {
        let range = ods.worksheet_range(&name).map_err(format)?;
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (row, col, data) in range.used_cells() {
            if let Some(v) = value_of(data) {
                sheet.cells.insert((r0 + row as u32, c0 + col as u32), v);
                if sheet.cells.len() > MAX_CELLS {
                    return Err(huge(path, &name));
                }
            }
        }
        sheets.push(sheet);
    }
    Ok(Workbook {
        sheets,
        properties: HashMap::new(),
    })
}

/// A merged region: first row, first column, last row, last column, inclusive.
type Merge = (u32, u32, u32, u32);

/// The merged regions of each sheet of an .ods, from its content.xml: a cell that spans others says so
/// (`table:number-columns-spanned`, `table:number-rows-spanned`), counted at its place among the rows and cells,
/// repeats included (`table:number-rows-repeated`, `table:number-columns-repeated`: a blank row repeated to the end
/// of the sheet is one element, never a million).
fn ods_merges(bytes: &[u8]) -> Result<Vec<(String, Vec<Merge>)>, String> {
    use quick_xml::events::{BytesStart, Event};

    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("a damaged zip archive ({e})"))?;
    let mut xml = Vec::new();
    archive
        .by_name("content.xml")
        .map_err(|e| format!("content.xml cannot be read ({e})"))?
        .take(MAX_EXPANDED_BYTES)
        .read_to_end(&mut xml)
        .map_err(|e| format!("content.xml cannot be unpacked ({e})"))?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let number = |e: &BytesStart, name: &str| -> u32 {
        e.attributes()
            .flatten()
            .find(|a| a.key.0 == name)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let mut sheets: Vec<(String, Vec<Merge>)> = Vec::new();
    // The row and column where the next cell goes, and how often the current row repeats.
    let (mut row, mut col, mut row_repeat) = (0u32, 0u32, 1u32);
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("content.xml is not well-formed ({e})"))?;
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(end) => {
                if end.name().0 == "table:table-row" {
                    row = row.saturating_add(row_repeat);
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => (None, false),
        };
        if let Some(e) = e {
            match e.name().0 {
                "table:table" => {
                    let name = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.0 == "table:name")
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default();
                    sheets.push((name, Vec::new()));
                    row = 0;
                }
                "table:table-row" => {
                    col = 0;
                    row_repeat = number(e, "table:number-rows-repeated");
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let (cols, rows) = (
                        number(e, "table:number-columns-spanned"),
                        number(e, "table:number-rows-spanned"),
                    );
                    if (cols > 1 || rows > 1)
                        && let Some((_, merges)) = sheets.last_mut()
                        && merges.len() < MAX_CELLS
                    {
                        merges.push((
                            row,
                            col,
                            row.saturating_add(rows - 1),
                            col.saturating_add(cols - 1),
                        ));
                    }
                    col = col.saturating_add(number(e, "table:number-columns-repeated"));
                }
                _ => {}
            }
        }
        buf.clear();
    }
    Ok(sheets)
}
