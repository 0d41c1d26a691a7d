//! `juesuan preview`: PNG pictures of a document's pages, for a quick look without a PDF viewer (typst-render).

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use crate::derive::Report;
use crate::render::{Engine, RenderError};

/// Which pages to draw, 1-based: `1-3`, `5`, `1-3,7,10-12`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pages(Vec<RangeInclusive<usize>>);

impl Pages {
    /// Whether page `number` (1-based) is selected.
    pub fn contains(&self, number: usize) -> bool {
        self.0.iter().any(|r| r.contains(&number))
    }

    /// The last page asked for.
    fn last(&self) -> usize {
        self.0.iter().map(|r| *r.end()).max().unwrap_or(0)
    }
}

/// Parses `--pages`: page numbers and ranges separated by commas, counted from 1.
pub fn parse_pages(text: &str) -> Result<Pages, String> {
    let number = |s: &str| -> Result<usize, String> {
        match s.trim().parse::<usize>() {
            Ok(0) => Err("pages are counted from 1".to_string()),
            Ok(n) => Ok(n),
            Err(_) => Err(format!(
                "`{}` is not a page number: write pages like 1-3 or 2,5,7-9",
                s.trim()
            )),
        }
    };
    let mut ranges = Vec::new();
    for part in text.split(',') {
        let range = match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (number(from)?, number(to)?);
                if from > to {
                    return Err(format!("{from}-{to} runs backwards: write {to}-{from}"));
                }
                from..=to
            }
            None => {
                let page = number(part)?;
                page..=page
            }
        };
        ranges.push(range);
    }
    Ok(Pages(ranges))
}

#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("{}", crate::tr!("preview-no-page", count = count, requested = requested))]
    NoSuchPage { requested: usize, count: usize },
    #[error("cannot encode page {page} as PNG: {message}")]
    Encode { page: usize, message: String },
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
}

/// The file name of a page's picture: `page-07.png`, padded to the digits of the page count so the files sort in
/// page order.
pub fn page_file_name(number: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("page-{number:0width$}.png")
}

/// Compiles the report and writes a PNG of each selected page (all when `pages` is `None`) into `out_dir`
/// (created if missing), each file atomically. Returns the files written, in page order.
pub fn preview(
    engine: &Engine,
    report: &Report,
    pages: Option<&Pages>,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, PreviewError> {
    let document = engine.compile(report)?;
    let all = document.pages();
    let count = all.len();
    let last_asked = pages.map_or(0, Pages::last);
    if last_asked > count {
        return Err(PreviewError::NoSuchPage {
            requested: last_asked,
            count,
        });
    }
    std::fs::create_dir_all(out_dir).map_err(|source| crate::write::WriteError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    // Two pixels per point (144 dpi): an A4 page is 1190 pixels wide, legible on a screen.
    let options = typst_render::RenderOptions::default();
    let mut written = Vec::new();
    for (index, page) in all.iter().enumerate() {
        let number = index + 1;
        if pages.is_some_and(|p| !p.contains(number)) {
            continue;
        }
        let png = typst_render::render(page, &options)
            .encode_png()
            .map_err(|e| PreviewError::Encode {
                page: number,
                message: e.to_string(),
            })?;
        let path = out_dir.join(page_file_name(number, count));
        crate::write::write_atomic(&path, &png)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists_parse() {
        let pages = parse_pages("1-3,7, 10-12").unwrap();
        assert!(pages.contains(1) && pages.contains(3) && pages.contains(7) && pages.contains(11));
        assert!(!pages.contains(4) && !pages.contains(13));
        assert_eq!(pages.last(), 12);
        assert_eq!(parse_pages("2").unwrap(), Pages(vec![2..=2]));
    }

    #[test]
    fn bad_page_lists_say_how_to_write_them() {
        assert!(parse_pages("0").unwrap_err().contains("from 1"));
        assert!(parse_pages("3-1").unwrap_err().contains("write 1-3"));
        assert!(parse_pages("a-b").unwrap_err().contains("like 1-3"));
        assert!(parse_pages("").is_err());
    }

    #[test]
    fn page_files_sort_in_page_order() {
        assert_eq!(page_file_name(7, 39), "page-07.png");
        assert_eq!(page_file_name(7, 120), "page-007.png");
        assert_eq!(page_file_name(1, 3), "page-01.png");
    }
}
