//! A YAML file as a tree of nodes that know where they were written, so that one figure can
//! be read, replaced or added while every other byte of the file (comments, quoting, order,
//! blank lines) stays as it was.

use std::collections::BTreeMap;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span, StructureStyle};

/// One step of a path from a year's node down to a figure.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// The value of a mapping key.
    Key(String),
    /// The element of a sequence that is a mapping whose `key` holds `value`
    /// (`- model: camera-an-ninh`, `- year: 2024`).
    Item { key: String, value: String },
}

impl Step {
    pub fn key(key: &str) -> Step {
        Step::Key(key.to_owned())
    }

    pub fn item(key: &str, value: &str) -> Step {
        Step::Item {
            key: key.to_owned(),
            value: value.to_owned(),
        }
    }
}

/// A node and the bytes of the file it covers.
#[derive(Debug)]
pub struct Node {
    pub kind: NodeKind,
    /// Byte offsets of the node's first byte and of the byte after it.
    pub start: usize,
    pub end: usize,
    /// 1-based line of the first byte.
    pub line: usize,
}

#[derive(Debug)]
pub enum NodeKind {
    Scalar {
        value: String,
        /// Written over several lines with `|` or `>`.
        block: bool,
    },
    /// Entries in the order written: key node, value node.
    Map {
        flow: bool,
        entries: Vec<(Node, Node)>,
    },
    Seq {
        flow: bool,
        items: Vec<Node>,
    },
}

/// Why a file cannot be edited in place: the message says what to do by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    /// 1-based line of the node that is in the way.
    pub line: usize,
    pub reason: Reason,
    /// The path of a figure that could not be placed.
    pub path: Vec<Step>,
}

/// What stands in the way of an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The parent is written in flow style (`{ … }`, `[ … ]`).
    Flow,
    /// No line to add an entry after (the parent ends with a block of text), or the path
    /// leads through a scalar.
    NoPlace,
    /// The file uses anchors or aliases.
    Shared,
}

/// A parsed YAML file and its text.
pub struct Tree {
    text: String,
    root: Node,
    /// The file uses anchors (`&name`) or aliases (`*name`, `<<: *name`): one written value
    /// may stand in several places, so no figure of it is edited in place.
    shared: bool,
}

/// What a path leads to: a scalar's text, or something that is not a scalar.
#[derive(Debug, PartialEq, Eq)]
pub enum Found<'a> {
    Scalar(&'a str),
    Other,
}

impl Tree {
    /// Parses `text` (a file that `baocao check` accepts). `None` when it is not YAML.
    pub fn parse(text: &str) -> Option<Tree> {
        let all: Vec<_> = Parser::new_from_str(text)
            .collect::<Result<Vec<_>, _>>()
            .ok()?;
        let shared = all.iter().any(|(event, _)| {
            matches!(
                event,
                Event::Alias(..)
                    | Event::Scalar(_, _, 1.., _)
                    | Event::SequenceStart(_, 1.., _)
                    | Event::MappingStart(_, 1.., _)
            )
        });
        let events: Vec<_> = all
            .into_iter()
            .filter(|(event, _)| {
                matches!(
                    event,
                    Event::Scalar(..)
                        | Event::SequenceStart(..)
                        | Event::SequenceEnd
                        | Event::MappingStart(..)
                        | Event::MappingEnd
                        | Event::Alias(..)
                )
            })
            .collect();
        let root = node(&mut events.into_iter().peekable(), text)?;
        Some(Tree {
            text: text.to_owned(),
            root,
            shared,
        })
    }

    /// The node at `path` below the root, following a figure written as
    /// `{ value: …, source: … }` to its `value`.
    pub fn get(&self, path: &[Step]) -> Option<Found<'_>> {
        let mut node = &self.root;
        for step in path {
            node = child(node, step)?;
        }
        if let NodeKind::Map { .. } = node.kind
            && let Some(value) = child(node, &Step::key("value"))
        {
            node = value;
        }
        Some(match &node.kind {
            NodeKind::Scalar { value, .. } => Found::Scalar(value),
            _ => Found::Other,
        })
    }

    /// The text after setting every path of `changes` to its YAML text: existing scalars are
    /// replaced, missing entries and sequence items are added in block style with the
    /// indentation of their neighbours. Nothing else changes.
    pub fn edit(&self, changes: &[(Vec<Step>, String)]) -> Result<String, EditError> {
        if self.shared {
            return Err(EditError {
                line: 1,
                reason: Reason::Shared,
                path: changes.first().map(|(p, _)| p.clone()).unwrap_or_default(),
            });
        }
        let out = self.splice(changes)?;
        // Whatever the file looked like, the result must hold exactly the planned figures.
        let back = Tree::parse(&out);
        for (path, text) in changes {
            let expected =
                Tree::parse(&format!("v: {text}\n")).and_then(|t| match t.get(&[Step::key("v")]) {
                    Some(Found::Scalar(v)) => Some(v.to_owned()),
                    _ => None,
                });
            let found = back.as_ref().and_then(|t| match t.get(path) {
                Some(Found::Scalar(v)) => Some(v.to_owned()),
                _ => None,
            });
            if found.is_none() || found != expected {
                return Err(EditError {
                    line: 1,
                    reason: Reason::NoPlace,
                    path: path.clone(),
                });
            }
        }
        Ok(out)
    }

    fn splice(&self, changes: &[(Vec<Step>, String)]) -> Result<String, EditError> {
        // Replacements of existing scalars, and additions grouped under the deepest node
        // that exists, so that two new figures of one new year share one new item.
        // (start, end, order, text): at one offset, additions under deeper nodes come first.
        let mut splices: Vec<(usize, usize, usize, String)> = Vec::new();
        let mut additions: BTreeMap<usize, (&Node, Pending)> = BTreeMap::new();
        for (path, text) in changes {
            let mut node = &self.root;
            let mut depth = 0;
            while depth < path.len() {
                match child(node, &path[depth]) {
                    Some(next) => node = next,
                    None => break,
                }
                depth += 1;
            }
            if depth == path.len() {
                let leaf = match &node.kind {
                    NodeKind::Map { .. } => child(node, &Step::key("value")).ok_or(EditError {
                        line: node.line,
                        reason: Reason::NoPlace,
                        path: path.clone(),
                    })?,
                    _ => node,
                };
                match &leaf.kind {
                    // An empty value (`count:`): its place is just after the colon.
                    NodeKind::Scalar { block: false, .. } if leaf.start == leaf.end => {
                        let line_end = self.text[leaf.start..]
                            .find('\n')
                            .map_or(self.text.len(), |i| leaf.start + i);
                        match self.text[leaf.start..line_end].find(':') {
                            Some(i) => {
                                let at = leaf.start + i + 1;
                                splices.push((at, at, 0, format!(" {text}")));
                            }
                            None => splices.push((leaf.start, leaf.end, 0, text.clone())),
                        }
                    }
                    NodeKind::Scalar { block: false, .. } => {
                        splices.push((leaf.start, leaf.end, 0, text.clone()))
                    }
                    _ => {
                        return Err(EditError {
                            line: leaf.line,
                            reason: Reason::NoPlace,
                            path: path.clone(),
                        });
                    }
                }
            } else {
                let entry = additions
                    .entry(node.start)
                    .or_insert_with(|| (node, Pending::default()));
                if entry.1.first.is_empty() {
                    entry.1.first = path.clone();
                }
                entry.1.add(&path[depth..], text.clone());
            }
        }
        // Files saved on Windows end their lines with CR LF; new lines do the same.
        let crlf = self.text.contains("\r\n");
        for (node, pending) in additions.values() {
            let (at, mut text) = self.addition(node, pending)?;
            // The last line of a file may lack its line break (after a comment, say).
            if at > 0 && !self.text[..at].ends_with('\n') {
                text.insert(0, '\n');
            }
            let text = if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            };
            splices.push((at, at, usize::MAX - node.start, text));
        }
        splices.sort_by_key(|&(start, end, order, _)| (start, end, order));
        let mut out = String::with_capacity(self.text.len() + 64);
        let mut at = 0;
        for (start, end, _, text) in splices {
            out.push_str(&self.text[at..start]);
            out.push_str(&text);
            at = end;
        }
        out.push_str(&self.text[at..]);
        Ok(out)
    }

    /// Where and what to insert to add `pending` below `node`.
    fn addition(&self, node: &Node, pending: &Pending) -> Result<(usize, String), EditError> {
        let flow = EditError {
            line: node.line,
            reason: Reason::Flow,
            path: pending.first.clone(),
        };
        match &node.kind {
            NodeKind::Map { flow: true, .. } | NodeKind::Seq { flow: true, .. } => Err(flow),
            NodeKind::Scalar { .. } => Err(EditError {
                line: node.line,
                reason: Reason::NoPlace,
                path: pending.first.clone(),
            }),
            NodeKind::Map { .. } if std::ptr::eq(node, &self.root) => {
                let at = self.text.len();
                let mut text = String::new();
                pending.render_entries(0, &mut text);
                Ok((at, text))
            }
            NodeKind::Map { entries, .. } => {
                let (first_key, first_value) = entries.first().ok_or(EditError {
                    line: node.line,
                    reason: Reason::NoPlace,
                    path: pending.first.clone(),
                })?;
                let column = self.column(first_key.start);
                let mut text = String::new();
                pending.render_entries(column, &mut text);
                let (_, last_value) = entries.last().expect("non-empty");
                if let Some(end) = self.clean_end(last_value) {
                    let at = self.line_end(end);
                    return Ok((at, text));
                }
                if self.starts_line(first_key.start) {
                    let at = first_key.start - column;
                    return Ok((at, text));
                }
                match self.clean_end(first_value) {
                    Some(end) => {
                        let at = self.line_end(end);
                        Ok((at, text))
                    }
                    None => Err(EditError {
                        line: node.line,
                        reason: Reason::NoPlace,
                        path: pending.first.clone(),
                    }),
                }
            }
            NodeKind::Seq { items, .. } => {
                let last = items.last().ok_or(EditError {
                    line: node.line,
                    reason: Reason::NoPlace,
                    path: pending.first.clone(),
                })?;
                let dash = self.dash_column(last.start).ok_or(EditError {
                    line: last.line,
                    reason: Reason::NoPlace,
                    path: pending.first.clone(),
                })?;
                let end = self.clean_end(last).ok_or(EditError {
                    line: last.line,
                    reason: Reason::NoPlace,
                    path: pending.first.clone(),
                })?;
                let at = self.line_end(end);
                let mut text = String::new();
                pending.render_items(dash, &mut text);
                Ok((at, text))
            }
        }
    }

    /// The end of the last single-line value inside `node`: where a new line may follow it.
    fn clean_end(&self, node: &Node) -> Option<usize> {
        match &node.kind {
            NodeKind::Scalar { block: true, .. } => None,
            NodeKind::Scalar { .. } | NodeKind::Map { flow: true, .. } => Some(node.end),
            NodeKind::Seq { flow: true, .. } => Some(node.end),
            NodeKind::Map { entries, .. } => entries.last().and_then(|(_, v)| self.clean_end(v)),
            NodeKind::Seq { items, .. } => items.last().and_then(|v| self.clean_end(v)),
        }
    }

    /// The offset just after the line break that ends the line holding `offset` (or the end
    /// of the text).
    fn line_end(&self, offset: usize) -> usize {
        match self.text[offset..].find('\n') {
            Some(i) => offset + i + 1,
            None => self.text.len(),
        }
    }

    fn line_start(&self, offset: usize) -> usize {
        self.text[..offset].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Column (in characters, 0-based) of `offset` on its line.
    fn column(&self, offset: usize) -> usize {
        self.text[self.line_start(offset)..offset].chars().count()
    }

    /// Whether only spaces come before `offset` on its line.
    fn starts_line(&self, offset: usize) -> bool {
        self.text[self.line_start(offset)..offset]
            .chars()
            .all(|c| c == ' ')
    }

    /// The column of the `-` that opens the sequence item starting at `offset`.
    fn dash_column(&self, offset: usize) -> Option<usize> {
        let before = &self.text[self.line_start(offset)..offset];
        let trimmed = before.trim_end_matches(' ');
        trimmed
            .ends_with('-')
            .then(|| trimmed.chars().count() - 1)
            .filter(|_| trimmed[..trimmed.len() - 1].chars().all(|c| c == ' '))
    }
}

/// A new file holding the figures of `changes`, in block style.
pub fn new_document(changes: &[(Vec<Step>, String)]) -> String {
    let mut pending = Pending::default();
    for (path, text) in changes {
        pending.add(path, text.clone());
    }
    let mut text = String::new();
    pending.render_entries(0, &mut text);
    text
}

/// The entries to add below one existing node, merged by path.
#[derive(Debug, Default)]
struct Pending {
    /// The whole path of the first figure added, for messages.
    first: Vec<Step>,
    children: Vec<(Step, Pending)>,
    /// The YAML text of a leaf.
    leaf: Option<String>,
}

impl Pending {
    fn add(&mut self, path: &[Step], text: String) {
        let Some((first, rest)) = path.split_first() else {
            self.leaf = Some(text);
            return;
        };
        let index = match self.children.iter().position(|(s, _)| s == first) {
            Some(i) => i,
            None => {
                self.children.push((first.clone(), Pending::default()));
                self.children.len() - 1
            }
        };
        self.children[index].1.add(rest, text);
    }

    /// Mapping entries at `indent` spaces, one per line.
    fn render_entries(&self, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        for (step, child) in &self.children {
            match step {
                Step::Key(key) => {
                    if let Some(leaf) = &child.leaf {
                        out.push_str(&format!("{pad}{key}: {leaf}\n"));
                    } else if matches!(child.children.first(), Some((Step::Item { .. }, _))) {
                        out.push_str(&format!("{pad}{key}:\n"));
                        child.render_items(indent + 2, out);
                    } else {
                        out.push_str(&format!("{pad}{key}:\n"));
                        child.render_entries(indent + 2, out);
                    }
                }
                Step::Item { .. } => self.render_items(indent, out),
            }
        }
    }

    /// Sequence items whose dash is at `indent` spaces.
    fn render_items(&self, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        for (step, child) in &self.children {
            if let Step::Item { key, value } = step {
                out.push_str(&format!("{pad}- {key}: {value}\n"));
                child.render_entries(indent + 2, out);
            }
        }
    }
}

/// The child of `node` that `step` names.
fn child<'n>(node: &'n Node, step: &Step) -> Option<&'n Node> {
    match (&node.kind, step) {
        (NodeKind::Map { entries, .. }, Step::Key(key)) => entries
            .iter()
            .find(|(k, _)| scalar(k) == Some(key))
            .map(|(_, v)| v),
        (NodeKind::Seq { items, .. }, Step::Item { key, value }) => items.iter().find(|item| {
            child(item, &Step::Key(key.clone())).and_then(scalar) == Some(value.as_str())
        }),
        _ => None,
    }
}

fn scalar(node: &Node) -> Option<&str> {
    match &node.kind {
        NodeKind::Scalar { value, .. } => Some(value),
        _ => None,
    }
}

type Events<'e> = std::iter::Peekable<std::vec::IntoIter<(Event<'e>, Span)>>;

fn offset(span_marker: &serde_saphyr::granit_parser::Marker, text: &str) -> usize {
    span_marker.byte_offset().unwrap_or_else(|| {
        text.char_indices()
            .nth(span_marker.index())
            .map_or(text.len(), |(i, _)| i)
    })
}

/// Reads one node (and its children) from the event stream.
fn node(events: &mut Events<'_>, text: &str) -> Option<Node> {
    let (event, span) = events.next()?;
    let start = offset(&span.start, text);
    let line = span.start.line();
    match event {
        Event::Scalar(value, style, ..) => {
            let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
            Some(Node {
                kind: NodeKind::Scalar {
                    value: value.into_owned(),
                    block,
                },
                start,
                end: offset(&span.end, text),
                line,
            })
        }
        Event::Alias(..) => Some(Node {
            kind: NodeKind::Scalar {
                value: String::new(),
                block: true,
            },
            start,
            end: offset(&span.end, text),
            line,
        }),
        Event::MappingStart(style, ..) => {
            let mut entries = Vec::new();
            loop {
                if matches!(events.peek(), Some((Event::MappingEnd, _))) {
                    let (_, end) = events.next()?;
                    let end = offset(&end.end, text);
                    let last = entries.last().map_or(start, |(_, v): &(Node, Node)| v.end);
                    return Some(Node {
                        kind: NodeKind::Map {
                            flow: style == StructureStyle::Flow,
                            entries,
                        },
                        start,
                        end: if style == StructureStyle::Flow {
                            end
                        } else {
                            last
                        },
                        line,
                    });
                }
                let key = node(events, text)?;
                let value = node(events, text)?;
                entries.push((key, value));
            }
        }
        Event::SequenceStart(style, ..) => {
            let mut items = Vec::new();
            loop {
                if matches!(events.peek(), Some((Event::SequenceEnd, _))) {
                    let (_, end) = events.next()?;
                    let end = offset(&end.end, text);
                    let last = items.last().map_or(start, |v: &Node| v.end);
                    return Some(Node {
                        kind: NodeKind::Seq {
                            flow: style == StructureStyle::Flow,
                            items,
                        },
                        start,
                        end: if style == StructureStyle::Flow {
                            end
                        } else {
                            last
                        },
                        line,
                    });
                }
                items.push(node(events, text)?);
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMUNE: &str = "\
name: Tuy Lộc # the name
kind: xã
code: \"04276\"
years:
  - year: 2023
    models:
      - model: camera-an-ninh
        count: 23   # from the article
      - model: bong-dien-an-ninh
        note: hoạt động hiệu quả
    campaign:
      sessions: { value: 12, source: bao }
quotes:
  - speaker: A
    text: >-
      Trước hết
";

    fn path(steps: &[Step]) -> Vec<Step> {
        steps.to_vec()
    }

    fn year(y: &str) -> Step {
        Step::item("year", y)
    }

    #[test]
    fn reads_plain_and_cited_figures() {
        let tree = Tree::parse(COMMUNE).unwrap();
        let camera = [
            Step::key("years"),
            year("2023"),
            Step::key("models"),
            Step::item("model", "camera-an-ninh"),
            Step::key("count"),
        ];
        assert_eq!(tree.get(&camera), Some(Found::Scalar("23")));
        let sessions = [
            Step::key("years"),
            year("2023"),
            Step::key("campaign"),
            Step::key("sessions"),
        ];
        assert_eq!(tree.get(&sessions), Some(Found::Scalar("12")));
        assert_eq!(tree.get(&[Step::key("code")]), Some(Found::Scalar("04276")));
        assert_eq!(tree.get(&[Step::key("years"), year("2024")]), None);
    }

    #[test]
    fn replaces_only_the_figure() {
        let tree = Tree::parse(COMMUNE).unwrap();
        let out = tree
            .edit(&[
                (
                    path(&[
                        Step::key("years"),
                        year("2023"),
                        Step::key("models"),
                        Step::item("model", "camera-an-ninh"),
                        Step::key("count"),
                    ]),
                    "25".into(),
                ),
                (
                    path(&[
                        Step::key("years"),
                        year("2023"),
                        Step::key("campaign"),
                        Step::key("sessions"),
                    ]),
                    "13".into(),
                ),
            ])
            .unwrap();
        let expected = COMMUNE
            .replace("count: 23   #", "count: 25   #")
            .replace("{ value: 12,", "{ value: 13,");
        assert_eq!(out, expected);
    }

    #[test]
    fn adds_entries_items_and_a_new_year_in_block_style() {
        let tree = Tree::parse(COMMUNE).unwrap();
        let y23 = [Step::key("years"), year("2023")];
        let y24 = [Step::key("years"), year("2024")];
        let with = |base: &[Step], rest: &[Step]| [base, rest].concat();
        let out = tree
            .edit(&[
                (
                    with(
                        &y23,
                        &[
                            Step::key("models"),
                            Step::item("model", "bong-dien-an-ninh"),
                            Step::key("count"),
                        ],
                    ),
                    "4".into(),
                ),
                (
                    with(
                        &y23,
                        &[
                            Step::key("models"),
                            Step::item("model", "to-tu-quan"),
                            Step::key("count"),
                        ],
                    ),
                    "2".into(),
                ),
                (
                    with(&y23, &[Step::key("campaign"), Step::key("tips")]),
                    "7".into(),
                ),
                (
                    with(&y23, &[Step::key("figures"), Step::key("vu-an")]),
                    "5".into(),
                ),
                (
                    with(
                        &y24,
                        &[
                            Step::key("models"),
                            Step::item("model", "camera-an-ninh"),
                            Step::key("count"),
                        ],
                    ),
                    "30".into(),
                ),
                (
                    with(&y24, &[Step::key("campaign"), Step::key("tips")]),
                    "9".into(),
                ),
            ])
            .unwrap();
        let expected = "\
name: Tuy Lộc # the name
kind: xã
code: \"04276\"
years:
  - year: 2023
    models:
      - model: camera-an-ninh
        count: 23   # from the article
      - model: bong-dien-an-ninh
        note: hoạt động hiệu quả
        count: 4
      - model: to-tu-quan
        count: 2
    campaign:
      sessions: { value: 12, source: bao }
      tips: 7
    figures:
      vu-an: 5
  - year: 2024
    models:
      - model: camera-an-ninh
        count: 30
    campaign:
      tips: 9
quotes:
  - speaker: A
    text: >-
      Trước hết
";
        assert_eq!(out, expected);
    }

    #[test]
    fn adds_top_level_entries_at_the_end() {
        let text = "name: Au Lâu\nkind: xã\nsummary: |\n  Dòng một.\n";
        let tree = Tree::parse(text).unwrap();
        let out = tree
            .edit(&[(
                vec![
                    Step::key("years"),
                    year("2024"),
                    Step::key("campaign"),
                    Step::key("tips"),
                ],
                "3".into(),
            )])
            .unwrap();
        assert_eq!(
            out,
            format!("{text}years:\n  - year: 2024\n    campaign:\n      tips: 3\n")
        );
    }

    #[test]
    fn replaces_quoted_scalars_with_their_quotes() {
        let text = "figures:\n  a: \"cũ\"\n  b: 'cũ'\n";
        let tree = Tree::parse(text).unwrap();
        let out = tree
            .edit(&[
                (vec![Step::key("figures"), Step::key("a")], "\"mới\"".into()),
                (vec![Step::key("figures"), Step::key("b")], "\"mới\"".into()),
            ])
            .unwrap();
        assert_eq!(out, "figures:\n  a: \"mới\"\n  b: \"mới\"\n");
    }

    #[test]
    fn new_lines_end_as_the_file_does() {
        let text = "campaign:\r\n  sessions: 3\r\n";
        let tree = Tree::parse(text).unwrap();
        let out = tree
            .edit(&[(vec![Step::key("campaign"), Step::key("tips")], "2".into())])
            .unwrap();
        assert_eq!(out, "campaign:\r\n  sessions: 3\r\n  tips: 2\r\n");
    }

    #[test]
    fn a_last_line_without_a_line_break_keeps_its_comment() {
        let text = "years:\n  - year: 2023\n    campaign:\n      tips: 5 # theo bài báo";
        let tree = Tree::parse(text).unwrap();
        let path = vec![
            Step::key("years"),
            year("2023"),
            Step::key("campaign"),
            Step::key("valuable_tips"),
        ];
        let out = tree.edit(&[(path, "3".into())]).unwrap();
        assert_eq!(out, format!("{text}\n      valuable_tips: 3\n"));
    }

    #[test]
    fn an_empty_value_is_filled_after_its_colon() {
        let text = "campaign:\n  tips:\n  sessions: 2\n";
        let tree = Tree::parse(text).unwrap();
        let out = tree
            .edit(&[(vec![Step::key("campaign"), Step::key("tips")], "25".into())])
            .unwrap();
        assert_eq!(out, "campaign:\n  tips: 25\n  sessions: 2\n");
    }

    #[test]
    fn files_with_anchors_are_not_edited() {
        let text = "a: &x 23\nb: *x\n";
        let tree = Tree::parse(text).unwrap();
        let err = tree
            .edit(&[(vec![Step::key("a")], "25".into())])
            .unwrap_err();
        assert_eq!(err.reason, Reason::Shared);
    }

    #[test]
    fn refuses_flow_style_parents() {
        let text = "attainment: { communes: { safe: 3, total: 3 } }\n";
        let tree = Tree::parse(text).unwrap();
        let err = tree
            .edit(&[(
                vec![
                    Step::key("attainment"),
                    Step::key("villages"),
                    Step::key("safe"),
                ],
                "3".into(),
            )])
            .unwrap_err();
        assert_eq!(err.reason, Reason::Flow);
    }
}
