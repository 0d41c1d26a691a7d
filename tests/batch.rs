//! `render` with many documents into an output folder: one PDF per folder, failures kept local, unchanged
//! documents skipped, plain progress lines off a terminal.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::support::*;

/// A copy of the sample document as `parent/name`.
fn sample_in(parent: &Path, name: &str) -> PathBuf {
    let dir = parent.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(example("example-2021")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// Runs render with the given arguments and asserts the exit code; returns stderr.
fn render_expecting(code: i32, args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = juesuan(&all);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{all:?}:\n{err}");
    err
}

#[test]
fn a_parent_folder_renders_each_document_once_and_then_only_what_changed() {
    let units = tempfile::tempdir().unwrap();
    let a_dir = sample_in(units.path(), "unit-a");
    let b_dir = sample_in(units.path(), "unit-b");
    let out = tempfile::tempdir().unwrap();
    let (units_arg, out_arg) = (units.path().to_str().unwrap(), out.path().to_str().unwrap());
    let (a, b) = (out.path().join("unit-a.pdf"), out.path().join("unit-b.pdf"));

    let err = render_expecting(0, &[units_arg, "-o", out_arg]);
    assert!(err.contains("rendered 2, unchanged 0, failed 0"), "{err}");
    // Off a terminal: one plain line per document, no escape codes from a progress bar.
    assert!(
        err.contains("rendered unit-a") && err.contains("rendered unit-b"),
        "{err}"
    );
    assert!(
        !err.contains('\x1b'),
        "escape codes off a terminal:\n{err:?}"
    );
    for pdf in [&a, &b] {
        assert!(
            std::fs::read(pdf).unwrap().starts_with(b"%PDF-"),
            "{}",
            pdf.display()
        );
    }
    let manifest = std::fs::read_to_string(out.path().join(".juesuan-manifest.json")).unwrap();
    assert!(
        manifest.contains("\"unit-a\"") && manifest.contains("\"unit-b\""),
        "{manifest}"
    );
    let (a_time, b_bytes) = (modified(&a), std::fs::read(&b).unwrap());

    // Nothing changed: nothing rendered; -q leaves only the summary.
    let err = render_expecting(0, &[units_arg, "-o", out_arg, "-q"]);
    assert!(err.contains("rendered 0, unchanged 2, failed 0"), "{err}");
    assert!(
        !err.contains("unchanged unit-a"),
        "-q printed progress:\n{err}"
    );
    assert_eq!(modified(&a), a_time);

    // One figure of one document corrected: exactly that one is rendered again.
    edit(
        &b_dir,
        "operating_costs.toml",
        "previous = 92.10",
        "previous = 92.20",
    );
    let err = render_expecting(0, &[units_arg, "-o", out_arg]);
    assert!(err.contains("rendered 1, unchanged 1, failed 0"), "{err}");
    assert!(
        err.contains("rendered unit-b") && err.contains("unchanged unit-a"),
        "{err}"
    );
    assert_eq!(
        modified(&a),
        a_time,
        "the unchanged document was written again"
    );
    assert_ne!(
        std::fs::read(&b).unwrap(),
        b_bytes,
        "the corrected document kept its old PDF"
    );

    // A PDF deleted from the output folder is rendered again even though its data did not change.
    std::fs::remove_file(&a).unwrap();
    let err = render_expecting(0, &[units_arg, "-o", out_arg]);
    assert!(err.contains("rendered 1, unchanged 1, failed 0"), "{err}");
    assert!(a.is_file());

    // --force renders everything, with -v's stage timings.
    let err = render_expecting(0, &[units_arg, "-o", out_arg, "--force", "-v", "-j", "1"]);
    assert!(err.contains("rendered 2, unchanged 0, failed 0"), "{err}");
    assert!(err.contains("1 worker(s)"), "{err}");
    assert!(
        err.contains("prepare ") && err.contains("render "),
        "no stage timings:\n{err}"
    );
    drop(a_dir);
}

#[test]
fn a_broken_document_fails_alone_with_its_diagnostics() {
    let units = tempfile::tempdir().unwrap();
    let good = sample_in(units.path(), "good");
    let broken = sample_in(units.path(), "broken");
    std::fs::remove_file(broken.join("procurement.toml")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();

    let err = render_expecting(
        1,
        &[
            good.to_str().unwrap(),
            broken.to_str().unwrap(),
            "-o",
            out_arg,
        ],
    );
    assert!(err.contains("error[missing-section]"), "{err}");
    assert!(err.contains("procurement.toml"), "{err}");
    assert!(err.contains("rendered 1, unchanged 0, failed 1"), "{err}");
    assert!(out.path().join("good.pdf").is_file());
    assert!(!out.path().join("broken.pdf").exists());
    let manifest = std::fs::read_to_string(out.path().join(".juesuan-manifest.json")).unwrap();
    assert!(
        !manifest.contains("\"broken\""),
        "a failed document was recorded:\n{manifest}"
    );

    // Once fixed, the failed one is rendered and the good one is not touched.
    std::fs::copy(
        example("example-2021").join("procurement.toml"),
        broken.join("procurement.toml"),
    )
    .unwrap();
    let err = render_expecting(0, &[units.path().to_str().unwrap(), "-o", out_arg]);
    assert!(err.contains("rendered 1, unchanged 1, failed 0"), "{err}");
    assert!(out.path().join("broken.pdf").is_file());
}

#[test]
fn a_missing_folder_among_good_ones_exits_2() {
    let units = tempfile::tempdir().unwrap();
    let good = sample_in(units.path(), "good");
    let missing = units.path().join("no-such-unit");
    let out = tempfile::tempdir().unwrap();
    let err = render_expecting(
        2,
        &[
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(err.contains("no-such-unit"), "{err}");
    assert!(err.contains("rendered 1, unchanged 0, failed 1"), "{err}");
    assert!(out.path().join("good.pdf").is_file());
}

#[test]
fn several_documents_into_one_pdf_file_is_a_usage_error() {
    let units = tempfile::tempdir().unwrap();
    sample_in(units.path(), "a");
    sample_in(units.path(), "b");
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("all.pdf");
    let err = render_expecting(
        2,
        &[units.path().to_str().unwrap(), "-o", pdf.to_str().unwrap()],
    );
    assert!(err.contains("2 documents need an output folder"), "{err}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn emit_json_writes_the_report_the_templates_read() {
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("data.json");
    render_expecting(
        0,
        &[
            example("example-2021").to_str().unwrap(),
            "-o",
            json.to_str().unwrap(),
            "--emit-json",
        ],
    );
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(value["meta"]["unit"], "示例市示例局（示例单位）");
    assert!(value["tables"].as_array().is_some_and(|t| !t.is_empty()));
}

#[test]
fn a_batch_pdf_is_byte_identical_to_the_one_document_render() {
    let units = tempfile::tempdir().unwrap();
    let dir = sample_in(units.path(), "unit");
    let out = tempfile::tempdir().unwrap();
    let single = out.path().join("single.pdf");
    // one document into a folder: the folder said with its trailing slash
    let folder = out.path().join("folder/");
    // a-3u attaches the data files: the batch must take the same path as one document, attachments included.
    for target in [&single, &folder] {
        render_expecting(
            0,
            &[
                dir.to_str().unwrap(),
                "-o",
                target.to_str().unwrap(),
                "--standard",
                "a-3u",
            ],
        );
    }
    assert!(
        std::fs::read(folder.join("unit.pdf")).unwrap() == std::fs::read(&single).unwrap(),
        "the batch PDF differs from the one-document PDF"
    );
}

#[test]
fn documents_of_different_forms_render_in_one_batch() {
    let units = tempfile::tempdir().unwrap();
    for name in ["example-2021", "putuo-ghzyj-2024"] {
        let dir = units.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(example(name)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let out = tempfile::tempdir().unwrap();
    let err = render_expecting(
        0,
        &[
            units.path().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "-q",
        ],
    );
    assert!(err.contains("rendered 2, unchanged 0, failed 0"), "{err}");
    // Each with its own form: the Zhejiang labels in one, the Shanghai parts in the other.
    let zhejiang = squeezed(&pdf_text(&out.path().join("example-2021.pdf")));
    let shanghai = squeezed(&pdf_text(&out.path().join("putuo-ghzyj-2024.pdf")));
    assert!(zhejiang.contains("公开01表") && !zhejiang.contains("第一部分"));
    assert!(shanghai.contains("第一部分") && !shanghai.contains("公开01表"));
}
