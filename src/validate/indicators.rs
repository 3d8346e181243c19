//! The project's indicator files (`content/indicators/<id>.yaml`): a usable id that no
//! built-in figure has, and a name.

use crate::catalogue::Catalogue;
use crate::diagnostic::Diagnostic;
use crate::load::{Project, file_stem};
use crate::messages as msg;
use crate::text::{is_valid_id, slugify};

use super::at;

/// Checks every indicator file.
pub fn check_indicator_files(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let builtin = Catalogue::builtin();
    for file in &project.indicators {
        let src = &file.source;
        let id = file_stem(&src.path);
        if !is_valid_id(id) {
            let suggestion = slugify(id);
            diagnostics.push(
                Diagnostic::file_error(&src.path, msg::INVALID_INDICATOR_ID.with("id", id))
                    .hint(msg::INDICATOR_RENAME_HINT.with("suggestion", suggestion)),
            );
        } else if builtin.get(id).is_some() {
            diagnostics.push(
                Diagnostic::file_error(&src.path, msg::INDICATOR_ID_BUILTIN.with("id", id))
                    .hint(msg::INDICATOR_RENAME_HINT.with("suggestion", format!("so-{id}"))),
            );
        }
        let name = &file.record.name;
        if name.value.trim().is_empty() {
            diagnostics.push(
                at(src, name, msg::EMPTY_INDICATOR_NAME.message())
                    .hint(&msg::EMPTY_INDICATOR_NAME_HINT),
            );
        }
    }
}
