//! 名词解释: terms with their definitions, or classification lines whose 类/款/项 names come from 公开05表, numbered
//! as the form numbers them.

use super::wording::{Names, sentence, text};
use super::{Block, para};
use crate::form::Form;
use crate::model::Glossary;

/// `names` gives the 类/款/项 names of the tables, for terms that are classification lines.
pub(super) fn glossary(form: &Form, glossary: &Glossary, names: &Names, out: &mut Vec<Block>) {
    for (i, term) in glossary.terms.iter().enumerate() {
        let n = form.wording.glossary.label(i + 1);
        let definition = text(&term.definition);
        let line = match (&term.term, &term.code) {
            (Some(t), _) => match definition {
                Some(d) => format!("{n}{}：{}", t.value, sentence(d)),
                None => format!("{n}{}", sentence(&t.value)),
            },
            (None, Some(code)) => match definition {
                Some(d) => format!("{n}{}{}", names.path(code), sentence(d)),
                None => format!("{n}{}。", names.path(code)),
            },
            (None, None) => format!("{n}{}", definition.map(sentence).unwrap_or_default()),
        };
        out.push(para(line));
    }
}
