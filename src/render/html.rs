//! HTML for any answer: its document through the HTML presenter.

use crate::engine::Outcome;
use crate::present::html::html;

/// One answer as a standalone HTML fragment; `quiet` keeps the result alone.
pub fn render_html(outcome: &Outcome, quiet: bool) -> String {
    crate::explain::outcome(outcome).map_or_else(String::new, |doc| html(&doc, quiet))
}
