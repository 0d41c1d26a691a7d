//! The user's language: every message, summary line, rule description and `--help` text the user reads comes from
//! one catalogue, `locales/en.ftl` and `locales/zh.ftl` (Project Fluent), compiled into the binary.
//!
//! The library speaks English until told otherwise ([`set`]), so its tests and anything that embeds it are
//! deterministic; the `juesuan` command picks the language once, from the environment ([`from_env`]).
//! English texts that live beside their code (a rule's `what`, the `--help` doc comments) are the English; the
//! catalogue holds their Chinese under the rule's code or the argument's name.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language messages are built in from now on (for every thread).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are built in: English unless [`set`] said otherwise.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// The language the environment asks for, as POSIX decides which variable counts: the first non-empty of
/// `LC_ALL`, `LC_MESSAGES`, `LANG`. Chinese when it starts with `zh` (`zh_CN.UTF-8`, `zh_TW`), else English.
pub fn from_env() -> Lang {
    from_vars(|name| std::env::var(name).ok())
}

/// [`from_env`] over any source of variables (tests).
pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| get(name).filter(|v| !v.is_empty()))
        .map_or(Lang::En, |value| {
            if value.to_ascii_lowercase().starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            }
        })
}

const EN: &str = include_str!("../locales/en.ftl");
const ZH: &str = include_str!("../locales/zh.ftl");

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let (tag, text) = match lang {
            Lang::En => ("en", EN),
            Lang::Zh => ("zh", ZH),
        };
        let id = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Terminal text, not mixed-direction UI: no Unicode isolation marks around the arguments.
        bundle.set_use_isolating(false);
        // A syntax error in a catalogue drops only the entry at fault; tests::catalogues_parse keeps them clean.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in `lang`, with its arguments; English when the Chinese catalogue lacks it, `None` when neither
/// has it.
pub fn lookup(lang: Lang, id: &str, args: &[(&str, String)]) -> Option<String> {
    let format = |bundle: &FluentBundle<FluentResource>| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(value.as_str()));
        }
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned(),
        )
    };
    format(bundle(lang)).or_else(|| format(bundle(Lang::En)))
}

/// The message `id` in `lang` (its id when the catalogue lacks it: tests::every_message_used_is_in_both catches
/// that).
pub fn message(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    lookup(lang, id, args).unwrap_or_else(|| id.to_string())
}

/// The message `id` of the catalogue in the current language: `tr!("check-summary", dir = path.display(), errors =
/// n)`. Every argument is shown as its `Display` text.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($crate::i18n::current(), $id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $crate::i18n::current(),
            $id,
            &[$((stringify!($name), ($value).to_string())),+],
        )
    };
}

/// The ids of a catalogue's messages: the lines `id = …` that start an entry (tests).
pub fn ids(lang: Lang) -> Vec<&'static str> {
    let text = match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    };
    text.lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| {
            id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_parse() {
        for (name, text) in [("en", EN), ("zh", ZH)] {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("locales/{name}.ftl: {errors:?}");
            }
        }
    }

    #[test]
    fn every_english_message_has_its_chinese() {
        let zh = ids(Lang::Zh);
        let missing: Vec<_> = ids(Lang::En)
            .into_iter()
            .filter(|id| !zh.contains(id))
            .collect();
        assert!(missing.is_empty(), "not in locales/zh.ftl: {missing:?}");
    }

    #[test]
    fn every_message_the_code_names_is_in_the_catalogue() {
        fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let en = ids(Lang::En);
        let mut missing = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // every id the code asks the catalogue for with the macro
            for (at, _) in text.match_indices("tr!(") {
                // `tr!`, not `include_str!` or another macro ending in `tr`
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let Some(rest) = text[at + 4..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let id = rest.split('"').next().unwrap_or("");
                let id_shaped = id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if id_shaped && !en.contains(&id) {
                    missing.push(format!("{}: {id}", file.display()));
                }
            }
        }
        assert!(missing.is_empty(), "not in locales/en.ftl: {missing:?}");
    }

    #[test]
    fn the_locale_variables_decide_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_vars(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(from_vars(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(from_vars(env(&[])), Lang::En);
        assert_eq!(
            from_vars(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "C")
            ])),
            Lang::Zh
        );
    }

    #[test]
    fn arguments_are_put_in_without_isolation_marks() {
        let text = message(
            Lang::Zh,
            "check-summary",
            &[
                ("dir", "data/x".into()),
                ("errors", "2".into()),
                ("warnings", "1".into()),
            ],
        );
        assert_eq!(text, "data/x：2 个错误，1 个警告");
    }
}
