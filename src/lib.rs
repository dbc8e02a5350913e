//! relmap: interactive relationship maps of policy articles, each link backed by verbatim passages.
//!
//! Data flows one way: dataset file → [`model`] → [`layout`] (positions) → [`scene`] (plain
//! shapes in world coordinates) → painters ([`render`] for the screen, [`export`] for SVG/PNG).

pub mod model;
pub mod cli;
