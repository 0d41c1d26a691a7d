//! Arbitrary bytes as one section file of a complete example (of either form), through everything `juesuan check`
//! does:
//! load (size, BOM, UTF-8, TOML, types, exact numbers, row limits), validate, the glyph check, derive, and the
//! rendering of every diagnostic with its source lines. Nothing may panic, hang or allocate without bound.
//!
//! The first byte picks the example (even: Zhejiang, odd: Shanghai) and the section file; the rest replaces its
//! contents.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

macro_rules! sample {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../data/", $dir, "/", $name)))),*]
    };
}

/// The two forms' complete examples: a Zhejiang 单位决算 and a Shanghai 部门决算 (their section files have the
/// same names; the Shanghai form's performance.toml has another type).
const SAMPLES: &[&[(&str, &[u8])]] = &[
    sample!("example-2021":
        "document.toml", "overview.toml", "table01.toml", "table02.toml", "table03.toml", "table04.toml",
        "table05.toml", "table06.toml", "table07.toml", "table08.toml", "table09.toml", "explanation.toml",
        "three_public.toml", "operating_costs.toml", "procurement.toml", "assets.toml", "performance.toml",
        "glossary.toml",
    ),
    sample!("putuo-ghzyj-2024":
        "document.toml", "overview.toml", "table01.toml", "table02.toml", "table03.toml", "table04.toml",
        "table05.toml", "table06.toml", "table07.toml", "table08.toml", "table09.toml", "explanation.toml",
        "three_public.toml", "operating_costs.toml", "procurement.toml", "assets.toml", "performance.toml",
        "glossary.toml",
    ),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let sample = SAMPLES[usize::from(which) % SAMPLES.len()];
    let target = sample[usize::from(which) / SAMPLES.len() % sample.len()].0;
    let contents: Vec<(&str, &[u8])> = sample
        .iter()
        .map(|&(name, sample)| (name, if name == target { bytes } else { sample }))
        .collect();
    let (sources, diagnostics) = match juesuan::prepare_from_memory(Path::new("fuzz"), &contents) {
        Ok(prepared) => {
            // a document that passed every check derives into JSON the templates can read
            serde_json::to_vec(&prepared.report).expect("a derived report serializes");
            (prepared.sources, prepared.diagnostics)
        }
        Err(rejected) => (rejected.sources, rejected.diagnostics),
    };
    for d in &diagnostics {
        let _ = d.render(&sources, false);
        let _ = d.to_json(&sources);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        juesuan::glyphs::string_chars(text, |_, span| {
            assert!(text.get(span).is_some(), "a span off a character boundary");
        });
    }
});
