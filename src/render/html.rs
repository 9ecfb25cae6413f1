//! HTML for any answer: explained answers through the HTML presenter, the others as their
//! text, escaped in a `<pre>`, until their family is explained.

use super::text::{render_text, TextOptions};
use crate::engine::Outcome;
use crate::present::html::{html, preformatted};

/// One answer as a standalone HTML fragment; `quiet` keeps the result alone.
pub fn render_html(outcome: &Outcome, quiet: bool) -> String {
    match crate::explain::outcome(outcome) {
        Some(doc) => html(&doc, quiet),
        None => {
            let options = TextOptions {
                unicode: true,
                quiet,
            };
            preformatted(&render_text(outcome, options))
        }
    }
}
