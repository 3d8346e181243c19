//! What templates see of the report beyond a page's own record: the `report` value shared by
//! every page holds each commune's summary only, so that its size does not grow with
//! communes × years; pages that list communes' figures get them as their own variables.

use serde::Serialize;

use crate::model::{
    CommuneCampaign, CommuneModel, Group, ModelType, Page, Person, Quote, Report, Site, Source,
    Year,
};

/// The `report` value of every template.
#[derive(Serialize)]
pub struct ReportView<'a> {
    site: &'a Site,
    sources: &'a [Source],
    models: &'a [ModelType],
    communes: Vec<CommuneSummary<'a>>,
    years: &'a [Year],
    pages: &'a [Page],
    latest_year: Option<i64>,
    all_years: &'a [i64],
}

/// A commune as the lists of communes show it; its page gets the whole record.
#[derive(Serialize)]
struct CommuneSummary<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    full_name: &'a str,
    code: Option<&'a str>,
    has_figures: bool,
}

impl<'a> ReportView<'a> {
    pub fn new(report: &'a Report) -> Self {
        ReportView {
            site: &report.site,
            sources: &report.sources,
            models: &report.models,
            communes: report
                .communes
                .iter()
                .map(|c| CommuneSummary {
                    id: &c.id,
                    name: &c.name,
                    kind: c.kind,
                    full_name: &c.full_name,
                    code: c.code.as_deref(),
                    has_figures: c.has_figures,
                })
                .collect(),
            years: &report.years,
            pages: &report.pages,
            latest_year: report.latest_year,
            all_years: &report.all_years,
        }
    }
}

/// A commune in the full report of one year: its figures of that year, groups and quotes.
#[derive(Serialize)]
pub struct CommuneOfYear<'a> {
    id: &'a str,
    full_name: &'a str,
    chief: Option<&'a Person>,
    /// Markdown.
    summary: Option<&'a str>,
    has_figures: bool,
    /// Model counts of the year (empty when none was reported).
    models: &'a [CommuneModel],
    groups: &'a [Group],
    quotes: &'a [Quote],
}

/// Every commune as the full report of `year` shows it, in commune order.
pub fn communes_of_year(report: &Report, year: i64) -> Vec<CommuneOfYear<'_>> {
    report
        .communes
        .iter()
        .map(|c| CommuneOfYear {
            id: &c.id,
            full_name: &c.full_name,
            chief: c.chief.as_ref(),
            summary: c.summary.as_deref(),
            has_figures: c.has_figures,
            models: c
                .years
                .iter()
                .find(|y| y.year == year)
                .map_or(&[][..], |y| &y.models),
            groups: &c.groups,
            quotes: &c.quotes,
        })
        .collect()
}

/// The communes' own campaign figures of the newest year that has any.
#[derive(Serialize)]
pub struct CampaignByCommune<'a> {
    year: i64,
    rows: &'a [CommuneCampaign],
}

impl<'a> CampaignByCommune<'a> {
    pub fn newest(report: &'a Report) -> Option<Self> {
        report
            .years
            .iter()
            .rev()
            .find(|y| !y.commune_campaigns.is_empty())
            .map(|y| CampaignByCommune {
                year: y.year,
                rows: &y.commune_campaigns,
            })
    }
}
