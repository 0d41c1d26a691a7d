//! The source data inside the PDF: which files a rendered document attaches, and reading them back out of a PDF
//! (`juesuan extract`).
//!
//! Under PDF/A-3u (and plain PDF 1.7 or PDF/UA-1) every section file of the data folder is attached byte for byte,
//! so an archived PDF carries the data it was made from: extracting it and rendering the extracted folder gives the
//! same PDF, byte for byte. PDF/A-2 forbids attachments; see [`crate::render::Standard::allows_attachments`].

use std::path::{Path, PathBuf};

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Stream, String as PdfString};

use crate::load::{Loaded, MAX_FILE_BYTES};
use crate::render::Attachment;
use crate::write::{WriteError, write_atomic};

/// A PDF larger than this is refused before parsing: a rendered document is about a megabyte.
pub const MAX_PDF_BYTES: u64 = 256 * 1024 * 1024;

/// How deep a name tree may nest before it is taken as damaged (a loop in a crafted file must not recurse forever).
const MAX_NAME_TREE_DEPTH: usize = 32;

/// Why attachments could not be read from a PDF or written out.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{}", crate::tr!("cannot-read", path = path.display(), why = source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}",
        crate::tr!("pdf-too-large", path = path.display(), size = size, max = MAX_PDF_BYTES)
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}", crate::tr!("not-a-pdf", path = path.display()))]
    NotPdf { path: PathBuf },
    #[error("{}", crate::tr!("no-attachments", path = path.display()))]
    NoAttachments { path: PathBuf },
    #[error(
        "{}",
        crate::tr!("attachment-damaged", path = path.display(), name = format!("{name:?}"), why = why)
    )]
    Damaged {
        path: PathBuf,
        name: String,
        why: String,
    },
    #[error(
        "{}",
        crate::tr!("attachment-unsafe", path = path.display(), name = format!("{name:?}"))
    )]
    UnsafeName { path: PathBuf, name: String },
    #[error(
        "{}",
        crate::tr!("attachment-twice", path = path.display(), name = format!("{name:?}"))
    )]
    Duplicate { path: PathBuf, name: String },
    #[error("{}", crate::tr!("extract-exists", path = path.display()))]
    Exists { path: PathBuf },
    #[error("{}", crate::tr!("cannot-create-folder", path = path.display(), why = source))]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The section files of a loaded folder, in section order, as they are attached to the PDF: exactly the bytes that
/// were read and rendered (never re-read from disk, where a file may have changed since).
///
/// Every section is required (a load with one missing fails), so each has a file; should a section ever become
/// optional, this needs a fallible lookup in [`Loaded`] instead of [`Loaded::file`].
pub fn data_files(loaded: &Loaded) -> Vec<Attachment> {
    let placeholders = crate::form::Placeholders::of(loaded.doc.info());
    loaded
        .sections()
        .map(|(section, id)| Attachment {
            name: section.file().to_string(),
            description: format!(
                "{}公开源数据：{}",
                loaded.form.document.word(),
                loaded.form.section_title(section, Some(&placeholders))
            ),
            bytes: loaded.sources.text(id).as_bytes().to_vec(),
        })
        .collect()
}

/// The files attached to a PDF (its `EmbeddedFiles` name tree), in the tree's order. `path` only names the PDF in
/// errors.
pub fn attachments(pdf: &[u8], path: &Path) -> Result<Vec<Attachment>, ExtractError> {
    let not_pdf = || ExtractError::NotPdf {
        path: path.to_path_buf(),
    };
    let document = Pdf::new(pdf.to_vec()).map_err(|_| not_pdf())?;
    let xref = document.xref();
    let catalog: Dict = xref.get(xref.root_id()).ok_or_else(not_pdf)?;
    let Some(tree) = catalog
        .get::<Dict>("Names")
        .and_then(|names| names.get::<Dict>("EmbeddedFiles"))
    else {
        return Ok(Vec::new());
    };
    let mut specs = Vec::new();
    collect_name_tree(&tree, 0, &mut specs).ok_or_else(not_pdf)?;
    let mut out: Vec<Attachment> = Vec::new();
    for (key, spec) in specs {
        let attachment = read_file_spec(&key, &spec, path)?;
        if out.iter().any(|a| a.name == attachment.name) {
            return Err(ExtractError::Duplicate {
                path: path.to_path_buf(),
                name: attachment.name,
            });
        }
        out.push(attachment);
    }
    Ok(out)
}

/// Reads the attachments of the PDF at `pdf_path` and writes each into `dir` (created if missing) under its name.
/// Nothing is written unless every attachment is readable, has a plain name and would not overwrite a file.
/// Returns the paths written, in the PDF's order.
pub fn extract(pdf_path: &Path, dir: &Path) -> Result<Vec<PathBuf>, ExtractError> {
    let read_error = |source| ExtractError::Read {
        path: pdf_path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(pdf_path).map_err(read_error)?.len();
    if size > MAX_PDF_BYTES {
        return Err(ExtractError::TooLarge {
            path: pdf_path.to_path_buf(),
            size,
        });
    }
    let bytes = std::fs::read(pdf_path).map_err(read_error)?;
    let files = attachments(&bytes, pdf_path)?;
    if files.is_empty() {
        return Err(ExtractError::NoAttachments {
            path: pdf_path.to_path_buf(),
        });
    }
    let targets: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    if let Some(existing) = targets.iter().find(|t| t.exists()) {
        return Err(ExtractError::Exists {
            path: existing.clone(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| ExtractError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    for (file, target) in files.iter().zip(&targets) {
        write_atomic(target, &file.bytes)?;
    }
    Ok(targets)
}

/// Collects the (key, file specification) pairs of a name tree node and its kids. `None` if the tree is malformed.
fn collect_name_tree<'a>(
    node: &Dict<'a>,
    depth: usize,
    out: &mut Vec<(Vec<u8>, Dict<'a>)>,
) -> Option<()> {
    if depth > MAX_NAME_TREE_DEPTH {
        return None;
    }
    if let Some(names) = node.get::<Array>("Names") {
        let mut items = names.flex_iter();
        while let Some(key) = items.next::<PdfString>() {
            let spec = items.next::<Dict>()?;
            out.push((key.as_bytes().to_vec(), spec));
        }
    }
    if let Some(kids) = node.get::<Array>("Kids") {
        for kid in kids.iter::<Dict>() {
            collect_name_tree(&kid, depth + 1, out)?;
        }
    }
    Some(())
}

/// One file specification: its name (UF, else F, else the name tree key) and its embedded stream's bytes.
fn read_file_spec(key: &[u8], spec: &Dict, path: &Path) -> Result<Attachment, ExtractError> {
    let raw_name = spec
        .get::<PdfString>("UF")
        .or_else(|| spec.get::<PdfString>("F"))
        .map(|s| s.as_bytes().to_vec())
        .unwrap_or_else(|| key.to_vec());
    let name = decode_text_string(&raw_name)
        .unwrap_or_else(|| String::from_utf8_lossy(&raw_name).into_owned());
    if !Attachment::is_plain_name(&name) {
        return Err(ExtractError::UnsafeName {
            path: path.to_path_buf(),
            name,
        });
    }
    let damaged = |why: &str| ExtractError::Damaged {
        path: path.to_path_buf(),
        name: name.clone(),
        why: why.to_string(),
    };
    let embedded = spec
        .get::<Dict>("EF")
        .ok_or_else(|| damaged("no embedded file stream"))?;
    let stream = embedded
        .get::<Stream>("UF")
        .or_else(|| embedded.get::<Stream>("F"))
        .ok_or_else(|| damaged("no embedded file stream"))?;
    // The declared size is checked before decoding, so a crafted file cannot make us inflate gigabytes; the
    // decoded length must then match it.
    let declared = stream
        .dict()
        .get::<Dict>("Params")
        .and_then(|params| params.get::<usize>("Size"))
        .map(|size| size as u64);
    if declared.is_some_and(|size| size > MAX_FILE_BYTES) {
        return Err(damaged(&format!(
            "it declares more than {MAX_FILE_BYTES} bytes, more than any data file"
        )));
    }
    let bytes = stream
        .decoded()
        .map_err(|_| damaged("its stream cannot be decoded"))?
        .into_owned();
    if declared.is_some_and(|size| size != bytes.len() as u64) {
        return Err(damaged("its length differs from the size it declares"));
    }
    let description = spec
        .get::<PdfString>("Desc")
        .and_then(|d| decode_text_string(d.as_bytes()))
        .unwrap_or_default();
    Ok(Attachment {
        name,
        description,
        bytes,
    })
}

/// Decodes a PDF text string: UTF-16BE with its byte-order mark, UTF-8 with its mark (PDF 2.0), or plain ASCII
/// (the part of PDFDocEncoding a name or description of ours uses). `None` for anything else.
pub fn decode_text_string(bytes: &[u8]) -> Option<String> {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        if utf16.len() % 2 != 0 {
            return None;
        }
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(utf8.to_vec()).ok();
    }
    bytes
        .is_ascii()
        .then(|| String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal, well-formed PDF whose name tree attaches `files` (name, bytes, declared size).
    fn pdf_with(files: &[(&str, &[u8], usize)]) -> Vec<u8> {
        let mut objects: Vec<Vec<u8>> = Vec::new();
        let names: String = files
            .iter()
            .enumerate()
            .map(|(i, (name, _, _))| format!("({name}) {} 0 R ", 4 + 2 * i))
            .collect();
        objects.push(
            format!(
                "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [{names}] >> >> >>"
            )
            .into_bytes(),
        );
        objects.push(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec());
        objects.push(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>".to_vec());
        for (i, (name, bytes, size)) in files.iter().enumerate() {
            objects.push(
                format!(
                    "<< /Type /Filespec /F ({name}) /UF ({name}) /Desc (test) /EF << /F {} 0 R >> >>",
                    5 + 2 * i
                )
                .into_bytes(),
            );
            let mut stream = format!(
                "<< /Type /EmbeddedFile /Length {} /Params << /Size {size} >> >>\nstream\n",
                bytes.len()
            )
            .into_bytes();
            stream.extend_from_slice(bytes);
            stream.extend_from_slice(b"\nendstream");
            objects.push(stream);
        }
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            pdf.extend_from_slice(object);
            pdf.extend_from_slice(b"\nendobj\n");
        }
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for offset in offsets {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        pdf
    }

    fn read(pdf: &[u8]) -> Result<Vec<Attachment>, ExtractError> {
        attachments(pdf, Path::new("test.pdf"))
    }

    #[test]
    fn reads_names_and_bytes_in_order() {
        let pdf = pdf_with(&[
            ("document.toml", b"year = 2021\n", 12),
            ("table01.toml", "单位 = 1\n".as_bytes(), 11),
        ]);
        let files = read(&pdf).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["document.toml", "table01.toml"]);
        assert_eq!(files[0].bytes, b"year = 2021\n");
        assert_eq!(files[1].bytes, "单位 = 1\n".as_bytes());
        assert_eq!(files[0].description, "test");
    }

    #[test]
    fn a_name_with_a_folder_is_refused() {
        for name in ["../evil.toml", "sub/x.toml", ".hidden", "a\\\\b.toml"] {
            let pdf = pdf_with(&[(name, b"x", 1)]);
            assert!(
                matches!(read(&pdf), Err(ExtractError::UnsafeName { .. })),
                "{name} accepted"
            );
        }
    }

    #[test]
    fn a_file_attached_twice_is_refused() {
        let pdf = pdf_with(&[("a.toml", b"1", 1), ("a.toml", b"2", 1)]);
        assert!(matches!(read(&pdf), Err(ExtractError::Duplicate { .. })));
    }

    #[test]
    fn a_size_that_does_not_match_or_is_too_large_is_damage() {
        let wrong = pdf_with(&[("a.toml", b"12345", 4)]);
        assert!(matches!(read(&wrong), Err(ExtractError::Damaged { .. })));
        let huge = pdf_with(&[("a.toml", b"1", MAX_FILE_BYTES as usize + 1)]);
        assert!(matches!(read(&huge), Err(ExtractError::Damaged { .. })));
    }

    #[test]
    fn a_pdf_without_attachments_has_none_and_garbage_is_no_pdf() {
        assert!(read(&pdf_with(&[])).unwrap().is_empty());
        assert!(matches!(
            read(b"year = 2021\n"),
            Err(ExtractError::NotPdf { .. })
        ));
    }

    #[test]
    fn extract_writes_nothing_when_one_file_exists() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("in.pdf");
        std::fs::write(&pdf, pdf_with(&[("a.toml", b"1", 1), ("b.toml", b"2", 1)])).unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("b.toml"), "kept").unwrap();
        assert!(matches!(
            extract(&pdf, &out),
            Err(ExtractError::Exists { .. })
        ));
        assert!(!out.join("a.toml").exists());
        assert_eq!(std::fs::read_to_string(out.join("b.toml")).unwrap(), "kept");

        let fresh = dir.path().join("fresh/nested");
        let written = extract(&pdf, &fresh).unwrap();
        assert_eq!(written, [fresh.join("a.toml"), fresh.join("b.toml")]);
        assert_eq!(std::fs::read(fresh.join("b.toml")).unwrap(), b"2");
    }

    #[test]
    fn text_strings_decode_from_utf16_utf8_and_ascii() {
        assert_eq!(
            decode_text_string(&[0xFE, 0xFF, 0x51, 0xB3, 0x7B, 0x97]).as_deref(),
            Some("决算")
        );
        assert_eq!(
            decode_text_string(&[0xEF, 0xBB, 0xBF, 0xE5, 0x86, 0xB3]).as_deref(),
            Some("决")
        );
        assert_eq!(
            decode_text_string(b"table01.toml").as_deref(),
            Some("table01.toml")
        );
        assert_eq!(decode_text_string(&[0xFE, 0xFF, 0x51]), None);
        assert_eq!(decode_text_string(&[0xE9]), None);
    }
}
