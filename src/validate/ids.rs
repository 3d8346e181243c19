//! Ids of communes, model types and pages: valid, unique, and never silently shared.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::load::{Project, SourceFile, Text};
use crate::messages::{self as msg, Entry};
use crate::text::{Foreign, is_valid_id, same_tone_placement, slugify};

use super::at;

/// One record that owns an id.
struct Owner<'a> {
    src: &'a SourceFile,
    explicit: Option<&'a Text>,
    name: &'a Text,
    id: String,
    /// What tells the record apart from a namesake, for a proposed id: a commune's group,
    /// else its code.
    group: Option<&'a str>,
    code: Option<&'a str>,
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
            group: None,
            code: None,
        })
        .collect();
    check_unique(&msg::KIND_MODEL, owners, diagnostics)
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
            group: c.record.group.as_ref().map(|g| g.value.as_str()),
            code: c.record.code.as_ref().map(|code| code.value.as_str()),
        })
        .collect();
    check_unique(&msg::KIND_COMMUNE, owners, diagnostics);
}

/// Page file names become page addresses: they must be valid ids.
pub fn check_page_ids(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    for page in &project.pages {
        if !is_valid_id(&page.stem) {
            diagnostics.push(
                Diagnostic::file_error(
                    &page.source.path,
                    msg::PAGE_FILE_NAME.with("stem", &page.stem),
                )
                .hint(msg::PAGE_RENAME_HINT.with("slug", slugify(&page.stem))),
            );
        }
    }
}

/// The longest name of a commune or model type, in characters: the longest real unit names
/// are under 50; anything near this limit is a paste gone wrong.
pub const MAX_NAME_CHARS: usize = 200;

/// Which of two files with one id is a copy of the other, and which the original: the copy
/// is the one whose name says so ("x - Copy.yaml", "x (2).yaml", "Bản sao x.yaml"), or, of
/// two files with the same text, the one not named after the id.
fn copied<'a>(
    first: &'a Owner<'a>,
    other: &'a Owner<'a>,
) -> Option<(&'a Owner<'a>, &'a Owner<'a>)> {
    let (a, b) = (named_copy(first.src), named_copy(other.src));
    let same_text = !a && !b && first.src.text == other.src.text;
    // Of two files with the same text, the one named after the id is the original.
    let named_after_id = |o: &Owner| {
        std::path::Path::new(&o.src.path)
            .file_stem()
            .is_some_and(|stem| stem.to_string_lossy() == o.id)
    };
    if a && !b || same_text && named_after_id(other) && !named_after_id(first) {
        Some((first, other))
    } else if b && !a || same_text {
        Some((other, first))
    } else {
        None
    }
}

/// Whether a file's name says it is a copy: "x - Copy.yaml", "x (2).yaml", "Bản sao x.yaml".
fn named_copy(src: &SourceFile) -> bool {
    let stem = std::path::Path::new(&src.path)
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let numbered = stem
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" ("))
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    numbered
        || ["copy", "bản sao", "ban sao", "ban-sao"]
            .iter()
            .any(|w| stem.contains(w))
}

fn check_unique(
    what: &'static Entry,
    owners: Vec<Owner>,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeSet<String> {
    let mut by_id: BTreeMap<&str, Vec<&Owner>> = BTreeMap::new();
    for owner in &owners {
        let length = owner.name.value.chars().count();
        if length > MAX_NAME_CHARS {
            diagnostics.push(
                at(
                    owner.src,
                    owner.name,
                    msg::NAME_TOO_LONG
                        .with("length", length)
                        .with("max", MAX_NAME_CHARS),
                )
                .hint(&msg::NAME_TOO_LONG_HINT),
            );
            continue;
        }
        if owner.name.value.trim() != owner.name.value {
            diagnostics.push(
                at(
                    owner.src,
                    owner.name,
                    msg::NAME_SPACES.with("name", &owner.name.value),
                )
                .hint(msg::NAME_SPACES_HINT.with("trimmed", owner.name.value.trim()))
                .warning(),
            );
        }
        if let Some(foreign) = crate::text::foreign_char(&owner.name.value) {
            let c = foreign.char();
            let message = match foreign {
                Foreign::Letter(_) => msg::FOREIGN_LETTER.with("char", c),
                Foreign::Digit(_) => msg::FOREIGN_DIGIT.with("char", c),
                Foreign::Invisible(_) => msg::INVISIBLE_CHAR.message(),
            };
            let message = message
                .with("name", &owner.name.value)
                .with("code", format!("U+{:04X}", u32::from(c)));
            diagnostics.push(at(owner.src, owner.name, message).hint(&msg::RETYPE_NAME_HINT));
            continue;
        }
        // `index` is the list page of each folder (communes/index.html).
        if owner.id == "index" {
            let place = owner.explicit.unwrap_or(owner.name);
            diagnostics.push(
                at(owner.src, place, msg::ID_RESERVED.with("id", &owner.id))
                    .hint(msg::ID_RESERVED_HINT.with("id", &owner.id)),
            );
            continue;
        }
        match owner.explicit {
            Some(id) if !is_valid_id(&id.value) => {
                diagnostics.push(
                    at(owner.src, id, msg::INVALID_ID.with("id", &id.value))
                        .hint(msg::ID_CHARS_HINT.with("example", slugify(&id.value))),
                );
                continue;
            }
            None if owner.id.is_empty() => {
                diagnostics.push(
                    at(
                        owner.src,
                        owner.name,
                        msg::NO_ID_FROM_NAME.with("name", &owner.name.value),
                    )
                    .hint(&msg::ADD_ID_HINT),
                );
                continue;
            }
            _ => {}
        }
        by_id.entry(&owner.id).or_default().push(owner);
    }
    // Ids proposed in hints are taken too, so that following every hint of one run leaves
    // no two records with one id.
    let mut taken: BTreeSet<String> = by_id.keys().map(|id| id.to_string()).collect();
    let mut propose = |owner: &Owner| -> String {
        let with = |part: Option<&str>| {
            part.map(|part| format!("{}-{}", owner.id, slugify(part)))
                .filter(|id| is_valid_id(id))
        };
        let numbered = (2..).map(|n| format!("{}-{n}", owner.id));
        let free = with(owner.group)
            .into_iter()
            .chain(with(owner.code))
            .chain(numbered)
            .find(|id| !taken.contains(id))
            .unwrap_or_default();
        taken.insert(free.clone());
        free
    };
    for (id, group) in &mut by_id {
        // The original first, so that every copy is named as one.
        group.sort_by_key(|owner| named_copy(owner.src));
        let first = group[0];
        for other in &group[1..] {
            if let Some((copy, original)) = copied(first, other) {
                // The same record twice: an `id:` would publish it twice.
                let place = copy.explicit.unwrap_or(copy.name);
                diagnostics.push(
                    at(
                        copy.src,
                        place,
                        msg::FILE_COPIED.with("file", &original.src.path),
                    )
                    .hint(msg::FILE_COPIED_HINT.with("file", &copy.src.path)),
                );
                continue;
            }
            let diagnostic = match other.explicit {
                Some(explicit) => at(
                    other.src,
                    explicit,
                    msg::ID_TAKEN
                        .with_message("what", what.message())
                        .with("id", id)
                        .with("file", &first.src.path),
                )
                .hint(&msg::ID_TAKEN_HINT),
                None if first.explicit.is_none()
                    && same_tone_placement(&first.name.value)
                        != same_tone_placement(&other.name.value) =>
                {
                    at(
                        other.src,
                        other.name,
                        msg::NAMES_COLLIDE
                            .with_message("what", what.message())
                            .with("name", &other.name.value)
                            .with("other", &first.name.value)
                            .with("file", &first.src.path)
                            .with("id", id),
                    )
                    .hint(msg::NAMES_COLLIDE_HINT.with("suggestion", propose(other)))
                }
                None => at(
                    other.src,
                    other.name,
                    msg::ID_FROM_NAME_TAKEN
                        .with_message("what", what.message())
                        .with("id", id)
                        .with("file", &first.src.path),
                )
                .hint(msg::ID_FROM_NAME_HINT.with("suggestion", propose(other))),
            };
            diagnostics.push(diagnostic);
        }
    }
    by_id.keys().map(|id| id.to_string()).collect()
}
