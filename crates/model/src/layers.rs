//! The non-myofascial layers of `data/layers.ron`: the dermatomes, the cutaneous fields of
//! the main peripheral nerves and the visceral referral zones, each as regions on the
//! atlas's vocabulary (for fitting a selection) and as shapes on the body views (for the
//! pictures), with the questions that tell it apart from a trigger point.
//!
//! Shapes are authored like the body model's region shapes (`data/body.ron`): in a
//! bilateral view on the viewer's left half, for the side seen there; in a one-sided
//! view (a hand, a foot) for the side that view is authored for. They are placed on the
//! entry's side(s) by [`crate::body::model::View::place`] when drawn.

use serde::{Deserialize, Serialize};

use crate::body::geom::{Polygon, parse_points};
use crate::body::model::{BodyModel, ViewId};

/// The name the layers file goes by in messages.
pub const LAYERS_FILE: &str = "data/layers.ron";

/// Which layer an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A spinal nerve root's skin territory.
    Dermatome,
    /// A peripheral nerve's cutaneous field.
    Nerve,
    /// A visceral referral zone.
    Organ,
}

impl Kind {
    /// Every kind, in the order the explorer's key cycles them.
    pub const ALL: [Kind; 3] = [Kind::Dermatome, Kind::Nerve, Kind::Organ];

    /// The plural word the CLI takes and prints (`dermatomes`).
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Dermatome => "dermatomes",
            Kind::Nerve => "nerves",
            Kind::Organ => "organs",
        }
    }

    /// The singular word (`dermatome`), also the SVG attribute's stem (`data-dermatome`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Dermatome => "dermatome",
            Kind::Nerve => "nerve",
            Kind::Organ => "organ",
        }
    }
}

/// Which sides of the body an entry is found on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sides {
    /// Either side, one at a time (a root, a nerve, a kidney).
    Either,
    /// The left only (the heart).
    Left,
    /// The right only (the gallbladder and liver, the appendix).
    Right,
    /// Both sides at once (the pancreas, across the midline).
    Both,
}

/// A question that helps tell an entry apart from a trigger point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Its id, named by the entries' `ask`.
    pub id: String,
    /// The question, in our words.
    pub ask: String,
    /// What a yes points to, in our words.
    pub means: String,
}

/// One layer entry as written in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Entry")]
struct EntryDef {
    id: String,
    kind: Kind,
    name: String,
    #[serde(default)]
    short: Option<String>,
    sides: Sides,
    source: String,
    note: String,
    regions: Vec<String>,
    ask: Vec<String>,
    #[serde(default)]
    flag: Option<String>,
    #[serde(default)]
    flag_across: Vec<Vec<String>>,
    shapes: Vec<(ViewId, String)>,
}

/// The file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Layers")]
pub struct LayersFile {
    questions: Vec<Question>,
    entries: Vec<EntryDef>,
}

/// One layer entry, checked and with its shapes parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Its id: the root's name (`C6`), the nerve's or the organ's (`median`, `heart`).
    pub id: String,
    /// Dermatome, nerve or organ.
    pub kind: Kind,
    /// What the screen shows.
    pub name: String,
    /// Its label on a text picture (at most 4 characters; the id when not given).
    pub short: String,
    /// The sides it is found on.
    pub sides: Sides,
    /// The reference it follows.
    pub source: String,
    /// What it feels like and how it differs from a trigger point, in our words.
    pub note: String,
    /// The atlas regions it covers.
    pub regions: Vec<String>,
    /// The questions that tell it apart, by id.
    pub ask: Vec<String>,
    /// The atlas red flag a good fit raises (`cardiac`), if any.
    pub flag: Option<String>,
    /// The areas (groups of its regions) a fit must reach at least two of to raise the
    /// flag (arm and jaw, not the arm alone); empty: any good fit raises it.
    pub flag_across: Vec<Vec<String>>,
    /// Its shapes, per view, as authored.
    pub shapes: Vec<(ViewId, Polygon)>,
}

/// The checked layers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layers {
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// The entries, in file order (later shapes are painted over earlier ones).
    pub entries: Vec<Entry>,
}

/// What the file is checked against: the atlas's region ids and red-flag ids, and the
/// body model (its views' bounds).
pub struct Vocabulary<'a> {
    /// Every region id.
    pub regions: &'a [String],
    /// Every red-flag id.
    pub flags: &'a [String],
    /// The body model the shapes are drawn on.
    pub body: &'a BodyModel,
}

impl Layers {
    /// The entries of one kind, in file order.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Checks a parsed file and builds the layers, or lists every problem (each naming
    /// the entry or question at fault).
    pub fn build(file: LayersFile, vocab: &Vocabulary<'_>) -> Result<Layers, Vec<String>> {
        let mut problems = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for q in &file.questions {
            if seen.contains(&q.id.as_str()) {
                problems.push(format!("question `{}` is defined twice", q.id));
            }
            seen.push(&q.id);
            if q.ask.trim().is_empty() || q.means.trim().is_empty() {
                problems.push(format!("question `{}` has an empty text", q.id));
            }
        }
        let mut ids: Vec<&str> = Vec::new();
        let mut entries = Vec::new();
        for e in &file.entries {
            let what = format!("entry `{}`", e.id);
            if e.id.trim().is_empty() {
                problems.push("an entry has an empty id".to_owned());
            }
            if ids.contains(&e.id.as_str()) {
                problems.push(format!("{what} is defined twice"));
            }
            ids.push(&e.id);
            entries.push(check_entry(e, &file.questions, vocab, &mut problems));
        }
        if problems.is_empty() {
            Ok(Layers {
                questions: file.questions,
                entries,
            })
        } else {
            Err(problems)
        }
    }
}

/// Checks one entry (its regions, questions, flag, label and shapes), adding each
/// problem found, and builds it.
fn check_entry(
    e: &EntryDef,
    questions: &[Question],
    vocab: &Vocabulary<'_>,
    problems: &mut Vec<String>,
) -> Entry {
    let what = format!("entry `{}`", e.id);
    let short = e.short.as_deref().unwrap_or(&e.id);
    if short.is_empty()
        || short.chars().count() > 4
        || !short.chars().all(|c| c.is_ascii_alphanumeric())
    {
        problems.push(format!(
            "{what}: its label `{short}` must be 1 to 4 letters or digits (give `short`)"
        ));
    }
    if e.source.trim().is_empty() {
        problems.push(format!("{what} names no source"));
    }
    if e.regions.is_empty() {
        problems.push(format!("{what} covers no region"));
    }
    for r in &e.regions {
        if !vocab.regions.contains(r) {
            problems.push(format!("{what}: unknown region `{r}`"));
        }
        if e.regions.iter().filter(|x| *x == r).count() > 1 {
            problems.push(format!("{what}: region `{r}` is listed twice"));
        }
    }
    if e.ask.is_empty() {
        problems.push(format!("{what} asks no question"));
    }
    for q in &e.ask {
        if !questions.iter().any(|x| &x.id == q) {
            problems.push(format!("{what}: unknown question `{q}`"));
        }
    }
    if let Some(f) = &e.flag
        && !vocab.flags.contains(f)
    {
        problems.push(format!("{what}: unknown red flag `{f}`"));
    }
    if !e.flag_across.is_empty() && e.flag.is_none() {
        problems.push(format!("{what}: flag_across without a flag"));
    }
    for r in e.flag_across.iter().flatten() {
        if !e.regions.contains(r) {
            problems.push(format!(
                "{what}: flag_across names `{r}`, not one of its regions"
            ));
        }
    }
    let mut shapes = Vec::new();
    for (view, text) in &e.shapes {
        // Shapes are clipped to the body, so they may be generous, as the
        // region shapes are; a point far outside is a mistake.
        let b = vocab.body.view(*view).bounds();
        let pad = b.width().max(b.height()) * 0.3;
        let bounds = b.padded(pad, pad);
        match parse_points(text) {
            Ok(pts) if pts.len() < 3 => {
                problems.push(format!("{what}, view {view}: a shape needs 3 points"));
            }
            Ok(pts) => {
                if pts.iter().any(|p| !bounds.contains(*p)) {
                    problems.push(format!("{what}, view {view}: a point is outside the view"));
                }
                shapes.push((*view, Polygon::new(pts)));
            }
            Err(err) => problems.push(format!("{what}, view {view}: {err}")),
        }
    }
    if e.shapes.is_empty() {
        problems.push(format!("{what} has no shape"));
    } else if e.kind == Kind::Dermatome
        && !e
            .shapes
            .iter()
            .any(|(v, _)| matches!(v, ViewId::Front | ViewId::Back))
    {
        // A dermatome map is read on the whole body.
        problems.push(format!("{what} has no shape on the front or back view"));
    }
    Entry {
        id: e.id.clone(),
        kind: e.kind,
        name: e.name.clone(),
        short: e.short.clone().unwrap_or_else(|| e.id.clone()),
        sides: e.sides,
        source: e.source.clone(),
        note: e.note.clone(),
        regions: e.regions.clone(),
        ask: e.ask.clone(),
        flag: e.flag.clone(),
        flag_across: e.flag_across.clone(),
        shapes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid file: one question, one entry with a shape on the front view.
    const GOOD: &str = r#"Layers(
    questions: [Question(id: "numb", ask: "Is it numb?", means: "a nerve")],
    entries: [
        Entry(id: "C6", kind: dermatome, name: "C6", sides: either, source: "Lee 2008",
            note: "a band", regions: ["thumb"], ask: ["numb"],
            shapes: [(Front, "10,120 16,120 16,140 10,140")]),
    ],
)"#;

    fn body() -> BodyModel {
        BodyModel::parse(crate::body::model::SHIPPED).unwrap()
    }

    fn check(text: &str) -> Result<Layers, Vec<String>> {
        let file: LayersFile =
            crate::ron_file::from_ron(text, LAYERS_FILE).map_err(|e| vec![e.to_string()])?;
        let body = body();
        let regions = vec!["thumb".to_owned(), "palm".to_owned()];
        let flags = vec!["cardiac".to_owned()];
        Layers::build(
            file,
            &Vocabulary {
                regions: &regions,
                flags: &flags,
                body: &body,
            },
        )
    }

    fn fails(text: &str, expected: &str) {
        let problems = check(text).expect_err(expected);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }

    #[test]
    fn the_good_fixture_builds() {
        let layers = check(GOOD).unwrap();
        assert_eq!(layers.entries.len(), 1);
        assert_eq!(layers.of(Kind::Dermatome).count(), 1);
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let text = GOOD.replace("kind: dermatome", "kind: dermatom");
        let err = check(&text).unwrap_err();
        assert!(err[0].starts_with("data/layers.ron:4:"), "{err:?}");
    }

    #[test]
    fn an_unknown_field_is_a_syntax_error() {
        let text = GOOD.replace("note: ", "colour: \"red\", note: ");
        let err = check(&text).unwrap_err();
        assert!(err[0].starts_with("data/layers.ron:"), "{err:?}");
    }

    #[test]
    fn each_rule_has_its_broken_fixture() {
        fails(
            &GOOD.replace("[\"thumb\"]", "[\"thumbb\"]"),
            "unknown region `thumbb`",
        );
        fails(
            &GOOD.replace("[\"thumb\"]", "[\"thumb\", \"thumb\"]"),
            "listed twice",
        );
        fails(
            &GOOD.replace("regions: [\"thumb\"]", "regions: []"),
            "covers no region",
        );
        fails(
            &GOOD.replace("ask: [\"numb\"]", "ask: [\"numbb\"]"),
            "unknown question `numbb`",
        );
        fails(
            &GOOD.replace("ask: [\"numb\"]", "ask: []"),
            "asks no question",
        );
        fails(
            &GOOD.replace("source: \"Lee 2008\"", "source: \" \""),
            "names no source",
        );
        fails(
            &GOOD.replace("name: \"C6\",", "name: \"C6\", short: Some(\"C six\"),"),
            "1 to 4 letters",
        );
        fails(
            &GOOD.replace(
                "ask: [\"numb\"],",
                "ask: [\"numb\"], flag: Some(\"cardiacc\"),",
            ),
            "unknown red flag `cardiacc`",
        );
        fails(
            &GOOD.replace("(Front,", "(HandPalm,"),
            "no shape on the front or back view",
        );
        fails(
            &GOOD.replace(
                "ask: [\"numb\"],",
                "ask: [\"numb\"], flag_across: [[\"thumb\"]],",
            ),
            "flag_across without a flag",
        );
        fails(
            &GOOD.replace(
                "ask: [\"numb\"],",
                "ask: [\"numb\"], flag: Some(\"cardiac\"), flag_across: [[\"palm\"]],",
            ),
            "flag_across names `palm`",
        );
        fails(
            &GOOD.replace(
                "shapes: [(Front, \"10,120 16,120 16,140 10,140\")]",
                "shapes: []",
            ),
            "has no shape",
        );
        fails(
            &GOOD.replace(" 16,140 10,140", ""),
            "a shape needs 3 points",
        );
        fails(
            &GOOD.replace("16,140 10,140", "16,140 10,900"),
            "outside the view",
        );
        fails(&GOOD.replace("16,140 10,140", "16,140 10,x"), "view Front");
        fails(
            &GOOD.replace(
                "means: \"a nerve\")]",
                "means: \"a nerve\"), Question(id: \"numb\", ask: \"?\", means: \"!\")]",
            ),
            "question `numb` is defined twice",
        );
        fails(
            &GOOD.replace("ask: \"Is it numb?\"", "ask: \"\""),
            "empty text",
        );
        let twice = GOOD.replace(
            "    ],\n)",
            "        Entry(id: \"C6\", kind: dermatome, name: \"C6\", sides: either, source: \"x\", note: \"\", regions: [\"palm\"], ask: [\"numb\"], shapes: [(Front, \"1,1 2,2 1,2\")]),\n    ],\n)",
        );
        fails(&twice, "entry `C6` is defined twice");
    }
}
