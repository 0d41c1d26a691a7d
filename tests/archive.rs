//! Archival and publication quality: byte-identical re-renders, the data inside a PDF/A-3u and back out again,
//! metadata, bookmarks, 目录 links, tags, and print (A4, embedded subset fonts, black text). The PDFs are read
//! with hayro-syntax (the PDF reader Typst itself uses) and poppler's tools.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, MaybeRef, Name, Object, ObjectIdentifier, Stream};
use juesuan::archive::decode_text_string;
use juesuan::derive::Block;

use crate::support::*;

/// Renders `dir` with `--standard standard` into `out`, asserting success.
fn render(dir: &Path, out: &Path, standard: &str) {
    let result = juesuan(&[
        "render",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--standard",
        standard,
    ]);
    assert!(
        result.status.success(),
        "render {} failed:\n{}",
        dir.display(),
        stderr(&result)
    );
}

/// The sample document rendered as PDF/A-3u once per test run (tests share it).
fn rendered_a3u() -> &'static Path {
    static A3U: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = A3U.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("a3u.pdf");
        render(&example("example-2021"), &pdf, "a-3u");
        (dir, pdf)
    });
    path
}

fn open(pdf: &Path) -> Pdf {
    Pdf::new(std::fs::read(pdf).unwrap()).expect("a readable PDF")
}

fn catalog(pdf: &Pdf) -> Dict<'_> {
    pdf.xref().get(pdf.xref().root_id()).expect("a catalog")
}

fn text(dict: &Dict, key: &str) -> Option<String> {
    dict.get::<hayro_syntax::object::String>(key)
        .and_then(|s| decode_text_string(s.as_bytes()))
}

fn name_of<'a>(dict: &Dict<'a>, key: &str) -> Option<Name<'a>> {
    dict.get::<Name>(key)
}

fn is_name(name: Option<Name>, expected: &str) -> bool {
    name.is_some_and(|n| n.as_ref() == expected.as_bytes())
}

/// The object ids of the pages, in page order.
fn page_ids(pdf: &Pdf) -> Vec<ObjectIdentifier> {
    pdf.pages()
        .iter()
        .map(|p| p.raw().obj_id().expect("pages are indirect objects"))
        .collect()
}

/// Where a destination points: page number (1-based) and the height on the page, rounded to a tenth of a point.
type Place = (usize, i64);

fn place(dest: &Array, pages: &[ObjectIdentifier]) -> Option<Place> {
    let mut items = dest.raw_iter();
    let page: ObjectIdentifier = match items.next()? {
        MaybeRef::Ref(r) => r.into(),
        MaybeRef::NotRef(_) => return None,
    };
    let index = pages.iter().position(|p| *p == page)?;
    // [page /XYZ left top zoom]
    let top = items.nth(2).and_then(|item| match item {
        MaybeRef::NotRef(Object::Number(n)) => Some(n.as_f64()),
        _ => None,
    })?;
    Some((index + 1, (top * 10.0).round() as i64))
}

/// A destination of an outline item or a link: /Dest, or a GoTo action's /D.
fn destination<'a>(dict: &Dict<'a>) -> Option<Array<'a>> {
    dict.get::<Array>("Dest")
        .or_else(|| dict.get::<Dict>("A").and_then(|a| a.get::<Array>("D")))
}

/// The outline (bookmarks), depth first: (level, title, place).
fn outline(pdf: &Pdf) -> Vec<(usize, String, Place)> {
    fn walk(
        item: Option<Dict>,
        level: usize,
        pages: &[ObjectIdentifier],
        out: &mut Vec<(usize, String, Place)>,
    ) {
        let mut next = item;
        let mut guard = 0;
        while let Some(entry) = next {
            guard += 1;
            assert!(guard < 10_000, "outline loops");
            let title = text(&entry, "Title").expect("every bookmark has a title");
            let at = destination(&entry)
                .and_then(|d| place(&d, pages))
                .unwrap_or_else(|| panic!("bookmark {title} has no destination"));
            out.push((level, title, at));
            walk(entry.get::<Dict>("First"), level + 1, pages, out);
            next = entry.get::<Dict>("Next");
        }
    }
    let pages = page_ids(pdf);
    let mut out = Vec::new();
    let root = catalog(pdf).get::<Dict>("Outlines").expect("an outline");
    walk(root.get::<Dict>("First"), 1, &pages, &mut out);
    out
}

/// The link annotations: (page number, destination).
fn links(pdf: &Pdf) -> Vec<(usize, Place)> {
    let pages = page_ids(pdf);
    let mut out = Vec::new();
    for (i, page) in pdf.pages().iter().enumerate() {
        let Some(annots) = page.raw().get::<Array>("Annots") else {
            continue;
        };
        for annot in annots.iter::<Dict>() {
            if is_name(name_of(&annot, "Subtype"), "Link") {
                let dest = destination(&annot).expect("an internal link");
                out.push((i + 1, place(&dest, &pages).expect("a link to a page")));
            }
        }
    }
    out
}

/// The structure types of the tag tree, counted, and the tree's types in reading order.
fn structure(pdf: &Pdf) -> (BTreeMap<String, usize>, Vec<String>) {
    fn walk(
        node: &Dict,
        depth: usize,
        counts: &mut BTreeMap<String, usize>,
        order: &mut Vec<String>,
    ) {
        assert!(depth < 200, "structure tree too deep");
        if let Some(kind) = name_of(node, "S") {
            let kind = kind.as_str().to_string();
            *counts.entry(kind.clone()).or_default() += 1;
            order.push(kind);
        }
        if let Some(kid) = node.get::<Dict>("K") {
            walk(&kid, depth + 1, counts, order);
        } else if let Some(kids) = node.get::<Array>("K") {
            for kid in kids.iter::<Object>() {
                if let Object::Dict(kid) = kid {
                    walk(&kid, depth + 1, counts, order);
                }
            }
        }
    }
    let root = catalog(pdf)
        .get::<Dict>("StructTreeRoot")
        .expect("a tagged PDF");
    let mut counts = BTreeMap::new();
    let mut order = Vec::new();
    walk(&root, 0, &mut counts, &mut order);
    (counts, order)
}

/// The XMP metadata packet.
fn xmp(pdf: &Pdf) -> String {
    let stream = catalog(pdf)
        .get::<Stream>("Metadata")
        .expect("an XMP stream");
    String::from_utf8(stream.decoded().unwrap().into_owned()).unwrap()
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
        .trim()
        .to_string()
}

#[test]
fn the_same_data_renders_to_the_same_bytes() {
    // A second process, later: the bytes must not depend on the clock, the process or a hash seed.
    let first = std::fs::read(rendered("jinhua-hrss-dsc-2020")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let again = dir.path().join("again.pdf");
    render(&example("jinhua-hrss-dsc-2020"), &again, "a-2u");
    let second = std::fs::read(&again).unwrap();
    assert!(first == second, "two renders of the same data differ");
}

#[test]
fn a_3u_pdf_carries_its_data_and_the_extracted_data_renders_the_same_pdf() {
    let pdf = rendered_a3u();
    let work = tempfile::tempdir().unwrap();
    let restored = work.path().join("restored");
    let out = juesuan(&["extract", pdf.to_str().unwrap(), restored.to_str().unwrap()]);
    assert!(out.status.success(), "extract failed:\n{}", stderr(&out));

    let mut written: Vec<String> = std::fs::read_dir(&restored)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut expected: Vec<String> = section_files("zhejiang-2020")
        .into_iter()
        .map(str::to_string)
        .collect();
    expected.sort();
    assert_eq!(written, expected, "exactly the section files come back");
    for name in &expected {
        let original = std::fs::read(example("example-2021").join(name)).unwrap();
        let back = std::fs::read(restored.join(name)).unwrap();
        assert!(original == back, "{name} did not come back byte for byte");
    }

    let rerendered = work.path().join("again.pdf");
    render(&restored, &rerendered, "a-3u");
    assert!(
        std::fs::read(pdf).unwrap() == std::fs::read(&rerendered).unwrap(),
        "rendering the extracted folder gave a different PDF"
    );
}

#[test]
fn the_attachments_are_source_files_of_the_pdf_a_3u() {
    let pdf = open(rendered_a3u());
    let meta = xmp(&pdf);
    assert!(meta.contains("<pdfaid:part>3</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>U</pdfaid:conformance>"),
        "{meta}"
    );
    let associated = catalog(&pdf)
        .get::<Array>("AF")
        .expect("the catalog lists its associated files");
    let specs: Vec<Dict> = associated.iter::<Dict>().collect();
    let mut names: Vec<String> = specs
        .iter()
        .map(|spec| text(spec, "UF").expect("a file name"))
        .collect();
    names.sort();
    let mut expected: Vec<&str> = section_files("zhejiang-2020");
    expected.sort();
    assert_eq!(names, expected, "every section file is an associated file");
    for spec in &specs {
        let name = text(spec, "UF").unwrap();
        let form = juesuan::form::Form::get("zhejiang-2020").unwrap();
        let section = form
            .sections()
            .into_iter()
            .find(|s| s.file() == name)
            .unwrap();
        assert!(
            is_name(name_of(spec, "AFRelationship"), "Source"),
            "{name} is not a Source"
        );
        let description = text(spec, "Desc").unwrap_or_default();
        assert!(
            description.contains(&form.section_title(section, None)),
            "{description}"
        );
        let stream = spec
            .get::<Dict>("EF")
            .and_then(|ef| ef.get::<Stream>("F"))
            .expect("an embedded file stream");
        assert!(is_name(
            name_of(stream.dict(), "Subtype"),
            "application/toml"
        ));
    }
}

#[test]
fn pdf_a_2u_has_no_attachments_and_extract_says_why() {
    let pdf = rendered("jinhua-hrss-dsc-2020");
    assert!(catalog(&open(pdf)).get::<Array>("AF").is_none());
    let work = tempfile::tempdir().unwrap();
    let target = work.path().join("restored");
    let out = juesuan(&["extract", pdf.to_str().unwrap(), target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(message.contains("no attached data files"), "{message}");
    assert!(message.contains("PDF/A-2"), "{message}");
    assert!(!target.exists(), "nothing may be written");
}

#[test]
fn extract_never_overwrites_and_then_writes_nothing() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("table05.toml"), "kept").unwrap();
    let out = juesuan(&[
        "extract",
        rendered_a3u().to_str().unwrap(),
        work.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(work.path().join("table05.toml")).unwrap(),
        "kept"
    );
    assert_eq!(std::fs::read_dir(work.path()).unwrap().count(), 1);
}

#[test]
fn extract_refuses_what_is_not_a_pdf() {
    let work = tempfile::tempdir().unwrap();
    let fake = work.path().join("fake.pdf");
    std::fs::write(&fake, "title = \"not a pdf\"\n").unwrap();
    let out = juesuan(&[
        "extract",
        fake.to_str().unwrap(),
        work.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a PDF"), "{}", stderr(&out));
}

#[test]
fn the_metadata_names_the_document_its_unit_and_this_tool() {
    let prepared = juesuan::prepare(&example("jinhua-hrss-dsc-2020"))
        .ok()
        .expect("the example prepares");
    let meta = &prepared.report.meta;
    let pdf_path = rendered("jinhua-hrss-dsc-2020");
    let info = pdf_tool("pdfinfo", pdf_path);
    assert_eq!(info_field(&info, "Title"), meta.title);
    assert_eq!(info_field(&info, "Author"), meta.unit);
    assert_eq!(info_field(&info, "Subject"), meta.subject);
    assert_eq!(info_field(&info, "Keywords"), meta.keywords.join(", "));
    assert_eq!(
        info_field(&info, "Creator"),
        format!("juesuan {} (Typst 0.15.1)", env!("CARGO_PKG_VERSION"))
    );
    // the publication date from document.toml, not the day of the render
    assert_eq!(meta.date, "2021-09-30");
    assert!(
        info_field(&info, "CreationDate").contains("Sep 30")
            && info_field(&info, "CreationDate").contains("2021"),
        "{info}"
    );
    assert_eq!(info_field(&info, "Tagged"), "yes");

    let pdf = open(pdf_path);
    assert_eq!(text(&catalog(&pdf), "Lang").as_deref(), Some("zh-CN"));
    let meta_xml = xmp(&pdf);
    for needle in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>U</pdfaid:conformance>",
        "<rdf:li>zh-CN</rdf:li>",
        &format!("<xmp:CreatorTool>juesuan {}", env!("CARGO_PKG_VERSION")),
        "<xmp:CreateDate>2021-09-30",
    ] {
        assert!(meta_xml.contains(needle), "XMP lacks {needle}:\n{meta_xml}");
    }
}

/// The headings a reader should find in the bookmarks, in order, from the report the PDF was made of.
fn expected_bookmarks(dir: &str) -> (Vec<String>, Vec<String>) {
    let report = juesuan::prepare(&example(dir))
        .ok()
        .expect("the example prepares")
        .report;
    let mut headings = Vec::new();
    let mut forms = Vec::new();
    for block in &report.blocks {
        match block {
            Block::Heading { level, text, .. } if *level <= 2 => headings.push(text.clone()),
            Block::SelfEvaluation(form) => {
                headings.push(form.toc.clone());
                forms.push(form.toc.clone());
            }
            _ => {}
        }
    }
    headings.push("附表".to_string());
    headings.extend(report.tables.iter().map(|t| t.title.clone()));
    (headings, forms)
}

#[test]
fn the_bookmarks_hold_every_heading_form_and_table_and_the_contents_links_to_them() {
    let (expected, forms) = expected_bookmarks("jinhua-hrss-dsc-2020");
    let pdf = open(rendered("jinhua-hrss-dsc-2020"));
    let bookmarks = outline(&pdf);
    let titles: Vec<&str> = bookmarks.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        expected.iter().map(String::as_str).collect::<Vec<_>>(),
        "bookmarks"
    );
    assert!(
        forms.len() >= 2,
        "the example has self-evaluation forms (附件)"
    );
    // levels: 一、 at the top, （一） below it
    for (level, title, _) in &bookmarks {
        if title.starts_with('（') {
            assert_eq!(*level, 2, "{title}");
        }
        if title.starts_with("一、") || title == "附表" {
            assert_eq!(*level, 1, "{title}");
        }
    }

    // the 附件 under the section that holds them
    for (level, title, _) in &bookmarks {
        if forms.contains(title) {
            assert_eq!(*level, 3, "{title}");
        }
    }

    // Every 目录 entry links to its heading: the links' targets are the bookmarks' targets, the 附件 included.
    let linked: BTreeSet<Place> = links(&pdf).iter().map(|(_, at)| *at).collect();
    let listed: BTreeSet<Place> = bookmarks.iter().map(|(_, _, at)| *at).collect();
    assert_eq!(linked, listed);
    let contents_pages: BTreeSet<usize> = links(&pdf).iter().map(|(page, _)| *page).collect();
    let first_heading_page = bookmarks
        .iter()
        .map(|(_, _, (page, _))| *page)
        .min()
        .unwrap();
    assert!(
        contents_pages.iter().all(|p| *p < first_heading_page),
        "the links sit in the 目录 before the body: {contents_pages:?}"
    );
}

#[test]
fn headings_and_table_headers_are_tagged() {
    let (expected, forms) = expected_bookmarks("jinhua-hrss-dsc-2020");
    let pdf = open(rendered("jinhua-hrss-dsc-2020"));
    let (counts, order) = structure(&pdf);
    let count = |kind: &str| counts.get(kind).copied().unwrap_or(0);
    // every bookmarked heading is a real heading (H1/H2/H3), and the document has a 目录 and tables
    assert!(
        count("H1") + count("H2") + count("H3") >= expected.len(),
        "{counts:?}"
    );
    assert!(count("H3") >= forms.len(), "{counts:?}");
    assert!(count("TOC") >= 1 && count("TOCI") >= 1, "{counts:?}");
    // the nine 公开表 and the forms are tables; the 公开表 header rows are header cells
    assert!(count("Table") >= 9 + forms.len(), "{counts:?}");
    assert!(count("THead") >= 9, "{counts:?}");
    assert!(count("TH") >= 9 * 3, "{counts:?}");
    // reading order: the 目录 before the first heading, and the first table after the headings of the narrative
    let position = |kind: &str| order.iter().position(|k| k == kind).unwrap();
    assert!(position("TOC") < position("H1"), "{order:?}");
}

#[test]
fn every_page_is_a4_with_embedded_subset_fonts_and_black_text() {
    let path = rendered("jinhua-hrss-dsc-2020");
    let pdf = open(path);
    let a4 = (595.276, 841.89);
    for (i, page) in pdf.pages().iter().enumerate() {
        let media = page.media_box();
        let (w, h) = (media.width(), media.height());
        let portrait = (w - a4.0).abs() < 0.01 && (h - a4.1).abs() < 0.01;
        let landscape = (w - a4.1).abs() < 0.01 && (h - a4.0).abs() < 0.01;
        assert!(portrait || landscape, "page {} is {w} x {h}", i + 1);
    }

    let fonts = pdf_tool("pdffonts", path);
    for row in fonts.lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "not subset: {row}");
        assert_eq!(cols[n - 3], "yes", "no Unicode map: {row}");
        assert!(
            cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+',
            "subset tag: {row}"
        );
    }

    let mut spaces = 0;
    for (i, page) in pdf.pages().iter().enumerate() {
        let (checked, text_runs) = assert_gray_with_black_text(page, i + 1);
        spaces += checked;
        // every page has at least its page number
        assert!(text_runs > 0, "page {}: no text seen", i + 1);
    }
    assert!(spaces > 0, "no colour space seen");
}

/// No RGB or CMYK anywhere on the page (every colour space has one component: gray), and every glyph is filled
/// in black. Returns how many colour spaces and text runs it checked, so a page the reader could not see into
/// does not pass unseen.
fn assert_gray_with_black_text(page: &hayro_syntax::page::Page, number: usize) -> (usize, usize) {
    let mut spaces_checked = 0;
    let mut text_runs = 0;
    if let Some(spaces) = page
        .raw()
        .get::<Dict>("Resources")
        .and_then(|r| r.get::<Dict>("ColorSpace"))
    {
        for key in spaces.keys() {
            if is_name(spaces.get::<Name>(key.as_ref()), "DeviceGray") {
                continue;
            }
            // [/ICCBased stream]: the profile's component count says gray (1), RGB (3) or CMYK (4)
            let space: Array = spaces.get(key.as_ref()).expect("a colour space");
            let mut items = space.flex_iter();
            assert!(
                is_name(items.next::<Name>(), "ICCBased"),
                "page {number}: {}",
                key.as_str()
            );
            let icc = items.next::<Stream>().expect("an ICC profile");
            spaces_checked += 1;
            assert_eq!(
                icc.dict().get::<u8>("N"),
                Some(1),
                "page {number}: colour space {} is not gray",
                key.as_str()
            );
        }
    }
    let mut fill = 0.0_f64;
    let mut saved = Vec::new();
    let mut ops = page.operations();
    while let Some(op) = ops.next() {
        let operator: &[u8] = op.operator;
        let numbers: Vec<f64> = op
            .operands()
            .filter_map(|o| match o {
                Object::Number(n) => Some(n.as_f64()),
                _ => None,
            })
            .collect();
        match operator {
            b"rg" | b"RG" | b"k" | b"K" => panic!("page {number}: device RGB/CMYK colour"),
            b"q" => saved.push(fill),
            b"Q" => fill = saved.pop().unwrap_or(0.0),
            b"g" | b"sc" | b"scn" => {
                assert_eq!(
                    numbers.len(),
                    1,
                    "page {number}: a fill colour that is not gray"
                );
                fill = numbers[0];
            }
            b"SC" | b"SCN" | b"G" => {
                assert_eq!(
                    numbers.len(),
                    1,
                    "page {number}: a stroke colour that is not gray"
                );
            }
            b"Tj" | b"TJ" | b"'" | b"\"" => {
                assert_eq!(fill, 0.0, "page {number}: text not in black");
                text_runs += 1;
            }
            _ => {}
        }
    }
    (spaces_checked, text_runs)
}

#[test]
fn help_says_pdf_a_2_forbids_attachments() {
    let out = juesuan(&["render", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("PDF/A-2 forbids attachments"), "{help}");
    assert!(help.contains("juesuan extract"), "{help}");
}

/// The operators of a CFF font's top DICT, in order (two-byte operators as 1200 + b1).
fn cff_top_dict_operators(cff: &[u8]) -> Vec<u16> {
    // An INDEX: count, offSize, count + 1 offsets (1-based), then the data; returns (items, end).
    fn index(data: &[u8], at: usize) -> (Vec<&[u8]>, usize) {
        let count = u16::from_be_bytes([data[at], data[at + 1]]) as usize;
        if count == 0 {
            return (Vec::new(), at + 2);
        }
        let size = data[at + 2] as usize;
        let offset = |i: usize| {
            let p = at + 3 + i * size;
            data[p..p + size]
                .iter()
                .fold(0usize, |n, b| (n << 8) | *b as usize)
        };
        let base = at + 3 + (count + 1) * size - 1;
        let items = (0..count)
            .map(|i| &data[base + offset(i)..base + offset(i + 1)])
            .collect();
        (items, base + offset(count))
    }
    let header = cff[2] as usize;
    let (_, after_names) = index(cff, header);
    let (top, _) = index(cff, after_names);
    let dict = top[0];
    let mut ops = Vec::new();
    let mut i = 0;
    while i < dict.len() {
        let b = dict[i];
        i += match b {
            0..=11 | 13..=21 => {
                ops.push(b as u16);
                1
            }
            12 => {
                ops.push(1200 + dict[i + 1] as u16);
                2
            }
            28 => 3,
            29 => 5,
            30 => {
                // a real: nibbles up to one of value 0xf
                let mut n = 1;
                while dict[i + n] & 0x0f != 0x0f && dict[i + n] >> 4 != 0x0f {
                    n += 1;
                }
                n + 1
            }
            32..=246 => 1,
            247..=254 => 2,
            _ => panic!("reserved byte {b} in a top DICT"),
        };
    }
    ops
}

#[test]
fn no_embedded_font_has_its_font_matrix_right_after_ros() {
    // veraPDF 1.28 does not clear its operand stack after ROS (12 30): a FontMatrix (12 7) directly after it is
    // read with ROS's operands and every glyph width fails PDF/A 6.2.11.5-1 / PDF/UA 7.21.5-1.
    const ROS: u16 = 1230;
    const FONT_MATRIX: u16 = 1207;
    let pdf = open(rendered("jinhua-hrss-dsc-2020"));
    let mut fonts = 0;
    for object in pdf.objects() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !is_name(stream.dict().get::<Name>("Subtype"), "CIDFontType0C") {
            continue;
        }
        let data = stream.decoded().expect("a decodable font");
        let ops = cff_top_dict_operators(&data);
        let ros = ops.iter().position(|op| *op == ROS).expect("a CID font");
        assert_ne!(
            ops.get(ros + 1),
            Some(&FONT_MATRIX),
            "a font's top DICT has FontMatrix right after ROS: {ops:?}"
        );
        fonts += 1;
    }
    // 正文 (FandolSong-Regular), 标题 and bold (FandolSong-Bold, FandolHei) at least
    assert!(fonts >= 3, "{fonts} CFF fonts embedded");
}
