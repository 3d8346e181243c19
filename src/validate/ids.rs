//! Ids of communes, model types and pages: valid, unique, and never silently shared.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::load::{Project, SourceFile, Text};
use crate::text::{is_valid_id, slugify};

use super::at;

/// One record that owns an id.
struct Owner<'a> {
    src: &'a SourceFile,
    explicit: Option<&'a Text>,
    name: &'a Text,
    id: String,
}

/// Checks model ids and returns the set of valid ones, for references.
pub fn check_model_ids(project: &Project, diagnostics: &mut Vec<Diagnostic>) -> BTreeSet<String> {
    let owners = project
        .models
        .iter()
        .map(|m| Owner {
            src: &m.source,
            explicit: m.record.id.as_ref(),
            name: &m.record.name,
            id: m.record.resolved_id(),
        })
        .collect();
    check_unique("model type", owners, diagnostics)
}

/// Checks commune ids.
pub fn check_commune_ids(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let owners = project
        .communes
        .iter()
        .map(|c| Owner {
            src: &c.source,
            explicit: c.record.id.as_ref(),
            name: &c.record.name,
            id: c.record.resolved_id(),
        })
        .collect();
    check_unique("commune", owners, diagnostics);
}

/// Page file names become page addresses: they must be valid ids.
pub fn check_page_ids(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    for page in &project.pages {
        if !is_valid_id(&page.stem) {
            diagnostics.push(
                Diagnostic::file_error(
                    &page.source.path,
                    format!("the file name `{}.md` cannot be a page address", page.stem),
                )
                .hint(format!(
                    "rename it to `{}.md`: only a-z, 0-9 and `-`",
                    slugify(&page.stem)
                )),
            );
        }
    }
}

fn check_unique(
    what: &str,
    owners: Vec<Owner>,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeSet<String> {
    let mut by_id: BTreeMap<&str, Vec<&Owner>> = BTreeMap::new();
    for owner in &owners {
        match owner.explicit {
            Some(id) if !is_valid_id(&id.value) => {
                diagnostics.push(
                    at(owner.src, id, format!("the id `{}` is not valid", id.value)).hint(format!(
                        "ids use only a-z, 0-9 and `-`, e.g. `{}`",
                        slugify(&id.value)
                    )),
                );
                continue;
            }
            None if owner.id.is_empty() => {
                diagnostics.push(
                    at(
                        owner.src,
                        owner.name,
                        format!("cannot make an id from the name `{}`", owner.name.value),
                    )
                    .hint("add an `id:` field with a-z, 0-9 and `-`"),
                );
                continue;
            }
            _ => {}
        }
        by_id.entry(&owner.id).or_default().push(owner);
    }
    for (id, group) in &by_id {
        let first = group[0];
        for other in &group[1..] {
            let diagnostic = match other.explicit {
                Some(explicit) => at(
                    other.src,
                    explicit,
                    format!("the {what} id `{id}` is already used by {}", first.src.path),
                )
                .hint("each record needs its own id; change this one"),
                None if first.explicit.is_none() && first.name.value != other.name.value => at(
                    other.src,
                    other.name,
                    format!(
                        "the {what} names `{}` and `{}` ({}) both become the id `{id}` once diacritics are removed",
                        other.name.value, first.name.value, first.src.path
                    ),
                )
                .hint(format!(
                    "give one of them an explicit id, e.g. `id: {id}-2`, so that neither page overwrites the other"
                )),
                None => at(
                    other.src,
                    other.name,
                    format!("the {what} id `{id}` (from this name) is already used by {}", first.src.path),
                )
                .hint("give this record an explicit `id:` that no other record uses"),
            };
            diagnostics.push(diagnostic);
        }
    }
    by_id.keys().map(|id| id.to_string()).collect()
}
