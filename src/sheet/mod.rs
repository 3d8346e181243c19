//! Figures to and from spreadsheets.
pub mod tree;
