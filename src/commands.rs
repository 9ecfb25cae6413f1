//! Every word that starts a command or a question, in one registry: the interactive
//! session's Tab completion, the README's table of commands (a test compares them) and the
//! check that each has its `help` page all read it. A new command is one entry here.

use crate::topic::Topic;

/// One command: the word that starts it, how it is typed, what it does, its help page.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    pub word: &'static str,
    /// Each way to type it.
    pub usage: &'static [&'static str],
    pub does: &'static str,
    /// The page `help WORD` shows, when the command has one of its own.
    pub help: Option<Topic>,
}

const fn entry(
    word: &'static str,
    usage: &'static [&'static str],
    does: &'static str,
    help: Option<Topic>,
) -> Command {
    Command {
        word,
        usage,
        does,
        help,
    }
}

#[rustfmt::skip]
pub const COMMANDS: &[Command] = &[
    entry("help", &["help", "help TOPIC"], "what nudge can do; one idea with a worked example", None),
    entry("rules", &["rules"], "the table of common derivatives", None),
    entry("glossary", &["glossary"], "the words AI articles use, in one line each", None),
    entry("read", &["read NOTATION", "? NOTATION"], "notation in words, with your own names", Some(Topic::Read)),
    entry("nudge", &["nudge EXPR at x = A"], "the slope seen as the nudge h shrinks", None),
    entry("slope", &["slope EXPR at x = A"], "the same as nudge", None),
    entry("tangent", &["tangent EXPR at x = A"], "the tangent line there, with a picture", None),
    entry("limit", &["limit EXPR as x -> A"], "a limit read off a table of values", None),
    entry("plot", &["plot EXPR, EXPR from A to B"], "curves, drawn with Braille dots", Some(Topic::Plot)),
    entry("contour", &["contour EXPR at (A, B)"], "contour lines and the gradient arrow at a point", Some(Topic::Plot)),
    entry("backprop", &["backprop L at w = A, …"], "the forward and backward passes through named steps", Some(Topic::Backprop)),
    entry("descend", &["descend EXPR from w = A rate R"], "gradient descent, step by step", Some(Topic::Descend)),
    entry("check", &["check QUESTION = ANSWER"], "is your answer right? a hint when it is not", None),
    entry("defs", &["defs"], "list the definitions", None),
    entry("undef", &["undef NAME"], "forget one definition", None),
    entry("reset", &["reset"], "forget every definition and ans", None),
    entry("lessons", &["lessons"], "the tour: the lessons, with exercises", None),
    entry("lesson", &["lesson N"], "play one lesson; your answers are checked", Some(Topic::Lesson)),
    entry("practice", &["practice", "practice TOPIC"], "five exercises that get harder, then a score", Some(Topic::Practice)),
    entry("save", &["save FILE.md"], "write the session so far as Markdown (on a terminal)", None),
    entry("quit", &["quit"], "leave (Ctrl-D works too)", None),
    entry("exit", &["exit"], "the same as quit", None),
];

/// The command a word starts, if any (`backprop`, `descend`, …).
pub fn named(word: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.word.eq_ignore_ascii_case(word))
}

impl Command {
    /// How it is typed, for an error's help line: `backprop L at w = A, … (help backprop)`.
    pub fn typed(&self) -> String {
        let usage = self.usage.join(", or ");
        match self.help {
            Some(topic) => format!("it is typed {usage} (help {} says more)", topic.name()),
            None => format!("it is typed {usage}"),
        }
    }
}

/// The words completion offers at the start of a line.
pub fn words() -> impl Iterator<Item = &'static str> {
    COMMANDS.iter().map(|c| c.word)
}
