//! Groups of communes (`content/groups/<id>.yaml`): their file names are ids, and every
//! commune's `group:` names one of them.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::load::Project;
use crate::messages as msg;
use crate::text::{is_valid_id, slugify};

use super::at;

/// Checks the group files' names and the communes' `group:` references.
pub fn check_commune_groups(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let mut ids = BTreeSet::new();
    for group in &project.commune_groups {
        let id = group.group_id();
        if !is_valid_id(&id) {
            diagnostics.push(
                Diagnostic::file_error(&group.source.path, msg::GROUP_FILE_NAME.with("stem", &id))
                    .hint(msg::PAGE_RENAME_HINT.with("slug", slugify(&id))),
            );
            continue;
        }
        ids.insert(id);
    }
    let known: Vec<&str> = ids.iter().map(String::as_str).collect();
    for commune in &project.communes {
        let Some(group) = &commune.record.group else {
            continue;
        };
        if ids.contains(&group.value) {
            continue;
        }
        let hint = match crate::text::did_you_mean(&group.value, &known) {
            Some(best) => msg::DID_YOU_MEAN.with("name", best),
            None => msg::GROUP_UNKNOWN_HINT.with("id", &group.value),
        };
        diagnostics.push(
            at(
                &commune.source,
                group,
                msg::GROUP_UNKNOWN.with("id", &group.value),
            )
            .hint(hint),
        );
    }
}
