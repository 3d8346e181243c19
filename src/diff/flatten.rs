//! Flattens a [`Report`] into everything a reader of the site can see, one entry per
//! figure, field or text, under a key that stays the same from one version to the next.
//! Figures derived from others (such as the count before this year's additions) are left
//! out: they change only when what they are derived from does.

use std::collections::BTreeMap;

use super::{Amount, Figure, Kind};
use std::fmt::Display;

use crate::catalogue::Catalogue;
use crate::report::{Campaign, Cite, Fig, IndicatorFigure, Quote, Ratio, Report};

/// A label and a value, e.g. "Tuy Lộc · 2023 · Camera an ninh" and 23.
#[derive(Debug)]
pub(super) struct Entry<T> {
    pub kind: Kind,
    pub label: String,
    pub value: T,
}

/// Entries by key.
pub(super) type Entries<T> = BTreeMap<String, Entry<T>>;

/// One version of the report, flattened.
#[derive(Debug, Default)]
pub(super) struct Snapshot {
    /// Communes, models, years, sources and pages by kind and id, with their names.
    pub entities: BTreeMap<(Kind, String), String>,
    pub figures: Entries<Figure>,
    /// Short text fields: a name, a unit, a note, a source's publisher.
    pub details: Entries<String>,
    /// Markdown: a summary, a narrative, a quote, a page.
    pub texts: Entries<String>,
}

/// The Vietnamese name of the "An toàn về ANTT" attainment, as on the sources page.
const SAFE: &str = "\"An toàn về ANTT\"";

/// Flattens `report`.
pub(super) fn snapshot(report: &Report) -> Snapshot {
    let mut f = Snapshot::default();
    for y in &report.years {
        let at = At::new(format!("year/{}", y.year), y.year.to_string());
        let mut s = f.part(Kind::Year, &y.year.to_string(), &at.label);
        if let Some(c) = &y.campaign {
            s.campaign(&at, c, &report.catalogue);
        }
        s.indicators(&at, &y.indicators, &report.catalogue);
        if let Some(a) = &y.attainment {
            for (what, ratio, name) in [
                ("communes", &a.communes, "Xã, phường"),
                ("villages", &a.villages, "Thôn, tổ dân phố"),
                (
                    "agencies",
                    &a.agencies,
                    "Cơ quan, doanh nghiệp, cơ sở giáo dục",
                ),
            ] {
                let at = at.then(format!("attainment/{what}"), format!("{name} đạt {SAFE}"));
                s.ratio(&at, ratio.as_ref());
            }
        }
        for m in &y.models {
            let at = at.then(format!("model/{}", m.model.id), &m.model.name);
            for (what, fig, name) in [
                ("total", &m.total, "Tổng số"),
                ("new", &m.new, "Xây dựng mới"),
                ("city-budget", &m.city_budget_count, "Ngân sách đầu tư"),
                ("locations", &m.city_budget_locations, "Địa điểm lắp đặt"),
                ("community", &m.community_funded, "Xã hội hóa"),
            ] {
                s.count(&at.then(what, name), fig);
            }
            let value = m.city_budget_value_vnd.as_ref();
            s.fig(&at.then("value", "Giá trị đầu tư"), value, Amount::Money);
            s.detail(&at.then("note", "Ghi chú"), &m.note);
        }
        s.text(&at.then("narrative", "Tình hình"), y.narrative.as_deref());
        s.quotes(&at, &y.quotes);
    }

    for c in &report.communes {
        let at = At::new(format!("commune/{}", c.id), &*c.name);
        let mut s = f.part(Kind::Commune, &c.id, &c.name);
        s.detail(&at.then("kind", "Loại"), &Some(c.kind));
        s.detail(&at.then("code", "Mã đơn vị hành chính"), &c.code);
        let chief = c.chief.as_ref().map(|p| {
            let name = match &p.rank {
                Some(rank) => format!("{rank} {}", p.name),
                None => p.name.clone(),
            };
            match &p.title {
                Some(title) => format!("{name}, {title}"),
                None => name,
            }
        });
        s.detail(&at.then("chief", "Trưởng Công an"), &chief);
        s.text(&at.then("summary", "Tóm tắt"), c.summary.as_deref());
        for y in &c.years {
            let at = at.then(y.year, y.year);
            for m in &y.models {
                let at = at.then(format!("model/{}", m.model.id), &m.model.name);
                s.count(&at, &m.count);
                s.detail(&at.then("note", "Ghi chú"), &m.note);
            }
            if let Some(safe) = y.commune_safe {
                let at = at.then("safe", format!("Đạt {SAFE}"));
                s.figure(&at, Amount::Flag(safe), None);
            }
            let villages = at.then("villages", format!("Thôn, tổ dân phố đạt {SAFE}"));
            s.ratio(&villages, y.villages.as_ref());
            if let Some(campaign) = &y.campaign {
                s.campaign(&at, campaign, &report.catalogue);
            }
            s.indicators(&at, &y.indicators, &report.catalogue);
            s.detail(&at.then("note", "Ghi chú"), &y.note);
        }
        for g in &c.groups {
            let at = at.then(format!("group/{}", g.name), &g.name);
            s.detail(&at.then("model", "Mô hình"), &Some(&g.model.name));
            s.detail(&at.then("founded", "Thành lập"), &g.founded);
            s.detail(
                &at.then("source", "Nguồn"),
                &g.source.as_ref().map(|c| &c.id),
            );
            s.count(&at.then("members", "Thành viên"), &g.members);
            for o in &g.outcomes {
                let at = at.then(format!("outcome/{}", o.label), &o.label);
                s.count(&at, &o.value);
                s.detail(&at.then("note", "Ghi chú"), &o.note);
            }
            s.detail(&at.then("motto", "Phương châm"), &g.motto);
            s.text(&at.then("narrative", "Giới thiệu"), g.narrative.as_deref());
        }
        s.quotes(&at, &c.quotes);
        for p in &c.photos {
            let at = at.then(format!("photo/{}", p.file), format!("Ảnh {}", p.file));
            s.detail(&at.then("alt", "Mô tả"), &Some(&p.alt));
            s.detail(&at.then("caption", "Chú thích"), &p.caption);
        }
    }

    for m in &report.models {
        let at = At::new(format!("model/{}", m.id), format!("Mô hình {}", m.name));
        let mut s = f.part(Kind::Model, &m.id, &m.name);
        s.detail(&at.then("unit", "Đơn vị"), &Some(&m.unit));
        s.detail(&at.then("category", "Nhóm"), &m.category);
        s.text(&at.then("description", "Mô tả"), m.description.as_deref());
    }

    for i in &report.catalogue.own().collect::<Vec<_>>() {
        let at = At::new(
            format!("indicator/{}", i.id),
            format!("Chỉ tiêu {}", i.name),
        );
        let mut s = f.part(Kind::Indicator, &i.id, &i.name);
        s.detail(&at.then("name-en", "Tên tiếng Anh"), &Some(&i.name_en));
        s.detail(&at.then("unit", "Đơn vị"), &Some(&i.unit));
        s.detail(&at.then("kind", "Kiểu"), &Some(i.kind_name()));
        s.detail(
            &at.then("total", "Quan hệ với tổng"),
            &Some(crate::catalogue::total_name(i.total)),
        );
        s.text(&at.then("description", "Mô tả"), i.description.as_deref());
    }

    for source in &report.sources {
        let at = At::new(
            format!("source/{}", source.id),
            format!("Nguồn {}", source.id),
        );
        let mut s = f.part(Kind::Source, &source.id, &source.title);
        s.detail(
            &at.then("number", "Số thứ tự"),
            &Some(source.number.to_string()),
        );
        s.detail(&at.then("publisher", "Nơi đăng"), &source.publisher);
        s.detail(&at.then("author", "Tác giả"), &source.author);
        s.detail(&at.then("url", "Địa chỉ"), &source.url);
        s.detail(&at.then("date", "Ngày"), &source.date);
    }

    for p in &report.pages {
        let at = At::new(format!("page/{}", p.slug), format!("Trang {}", p.title));
        let mut s = f.part(Kind::Page, &p.slug, &p.title);
        s.detail(&at.then("description", "Mô tả"), &p.description);
        s.text(&at.then("body", "Nội dung"), Some(&p.body));
    }

    let site = &report.site;
    let at = At::new("site", "Báo cáo");
    let mut s = Part {
        kind: Kind::Site,
        snapshot: &mut f,
    };
    s.detail(&at.then("title", "Tiêu đề"), &Some(&site.title));
    s.detail(&at.then("locality", "Địa phương"), &Some(&site.locality));
    s.detail(&at.then("province", "Tỉnh"), &site.province);
    s.detail(&at.then("agency", "Cơ quan"), &Some(&site.agency));
    s.detail(&at.then("language", "Ngôn ngữ"), &Some(site.language));
    s.detail(&at.then("base-url", "Địa chỉ trang"), &site.base_url);
    s.detail(&at.then("description", "Mô tả"), &site.description);
    f
}

/// Where an entry sits: its key and its label.
struct At {
    key: String,
    label: String,
}

impl At {
    fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        At {
            key: key.into(),
            label: label.into(),
        }
    }

    /// A part of this one: key `KEY/what`, label `LABEL · name`.
    fn then(&self, what: impl Display, name: impl Display) -> At {
        At {
            key: format!("{}/{what}", self.key),
            label: format!("{} · {name}", self.label),
        }
    }
}

impl Snapshot {
    /// Records an entity and returns a writer for its entries.
    fn part(&mut self, kind: Kind, id: &str, name: &str) -> Part<'_> {
        self.entities.insert((kind, id.to_owned()), name.to_owned());
        Part {
            kind,
            snapshot: self,
        }
    }
}

/// Writes the entries of one kind of entity.
struct Part<'a> {
    kind: Kind,
    snapshot: &'a mut Snapshot,
}

impl Part<'_> {
    /// Adds an entry; a key met twice (two groups or outcomes of one name) gets `#2`, `#3`…
    fn insert<T>(kind: Kind, entries: &mut Entries<T>, at: &At, value: T) {
        let (mut key, mut label) = (at.key.clone(), at.label.clone());
        for n in 2.. {
            if !entries.contains_key(&key) {
                break;
            }
            key = format!("{}#{n}", at.key);
            label = format!("{} ({n})", at.label);
        }
        entries.insert(key, Entry { kind, label, value });
    }

    fn figure(&mut self, at: &At, amount: Amount, source: Option<&Cite>) {
        let figure = Figure {
            amount,
            source: source.map(|c| c.id.to_string()),
        };
        Self::insert(self.kind, &mut self.snapshot.figures, at, figure);
    }

    fn fig(&mut self, at: &At, fig: Option<&Fig>, amount: fn(u64) -> Amount) {
        let Some(fig) = fig else { return };
        self.figure(at, amount(fig.value), fig.source.as_ref());
        self.detail(&at.then("figure-note", "Ghi chú số liệu"), &fig.note());
    }

    fn count(&mut self, at: &At, fig: &Option<Fig>) {
        self.fig(at, fig.as_ref(), Amount::Count);
    }

    fn ratio(&mut self, at: &At, ratio: Option<&Ratio>) {
        let Some(r) = ratio else { return };
        let amount = Amount::Ratio {
            safe: r.safe,
            total: r.total,
        };
        self.figure(at, amount, r.source.as_ref());
    }

    fn detail(&mut self, at: &At, value: &Option<impl AsRef<str>>) {
        if let Some(v) = value {
            let value = v.as_ref().to_owned();
            Self::insert(self.kind, &mut self.snapshot.details, at, value);
        }
    }

    /// Adds a Markdown text; trailing blank space does not show on the site and is dropped.
    fn text(&mut self, at: &At, text: Option<&str>) {
        if let Some(t) = text {
            let value = t.trim_end().to_owned();
            Self::insert(self.kind, &mut self.snapshot.texts, at, value);
        }
    }

    fn campaign(&mut self, at: &At, c: &Campaign, catalogue: &Catalogue) {
        // Campaign figures are keyed apart but labelled like the site: "2023 · Nguồn tin".
        let at = At::new(format!("{}/campaign", at.key), &at.label);
        let name = |id: &str| catalogue.get(id).map_or(id, |i| &*i.name).to_owned();
        for (id, fig) in &c.figures {
            self.count(&at.then(id.replace('_', "-"), name(id)), fig);
        }
        for (id, note) in &c.notes {
            let what = format!("{}-note", id.replace('_', "-"));
            self.detail(&at.then(what, format!("{} · Ghi chú", name(id))), note);
        }
    }

    /// Adds the values of the project's indicators, keyed `figure/<id>`.
    fn indicators(&mut self, at: &At, figures: &[IndicatorFigure], catalogue: &Catalogue) {
        for f in figures {
            let id = &f.indicator.id;
            let name = catalogue.get(id).map_or(&*f.indicator.name, |i| &*i.name);
            let at = at.then(format!("figure/{id}"), name);
            let r = &f.reported;
            let money = f.indicator.kind == "money";
            self.fig(
                &at,
                r.fig.as_ref(),
                if money { Amount::Money } else { Amount::Count },
            );
            self.ratio(&at, r.ratio.as_ref());
            self.detail(&at, &r.text);
        }
    }

    /// Adds quotes by position, each as a text whose first line names the speaker, so
    /// that a corrected rank or role shows as one changed line.
    fn quotes(&mut self, at: &At, quotes: &[Quote]) {
        for (i, q) in quotes.iter().enumerate() {
            let at = at.then(format!("quote/{}", i + 1), format!("Ý kiến {}", i + 1));
            let speaker = match &q.role {
                Some(role) => format!("{}, {role}", q.speaker),
                None => q.speaker.clone(),
            };
            self.text(&at, Some(&format!("{speaker}:\n{}", q.text)));
            self.detail(
                &at.then("source", "Nguồn"),
                &q.source.as_ref().map(|c| &c.id),
            );
        }
    }
}
