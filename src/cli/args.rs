//! The command-line grammar (clap derive).

use crate::atlas::{MuscleGroup, Side};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal atlas of myofascial trigger-point referral patterns.
///
/// With no command, opens the interactive explorer. painmap is an educational reference,
/// not a diagnosis.
#[derive(Debug, Parser)]
#[command(name = "painmap", version, about, long_about)]
pub struct Cli {
    /// Load this atlas instead of the one shipped in the binary.
    #[arg(long, global = true, value_name = "FILE")]
    pub atlas: Option<PathBuf>,

    /// When to use colour: auto (a terminal without `NO_COLOR`), always or never
    /// [default: auto, or the config file's `color`].
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorChoice>,

    /// The client records database (default: `$XDG_DATA_HOME/painmap/clients.sqlite3`,
    /// else `~/.local/share/painmap/clients.sqlite3`).
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// How the body is drawn in text: auto (by the terminal and the locale), octant,
    /// sextant, quadrant or half (filled block mosaics), outline (line art) or ascii
    /// [default: auto, or the config file's `glyphs`].
    #[arg(long, global = true, value_enum)]
    pub glyphs: Option<GlyphsArg>,

    /// Draw the body as a real image (the explorer's map, `show`'s diagrams): auto (when
    /// the terminal answers that it can), kitty, sixel, iterm2, or off [default: auto, or
    /// the config file's `graphics`].
    #[arg(long, global = true, value_enum)]
    pub graphics: Option<GraphicsArg>,

    /// Reopen a saved intake record (.json) in the explorer.
    #[arg(long, value_name = "FILE")]
    pub open: Option<PathBuf>,

    /// Tie the explorer's intake to this client: `s` saves it as a visit, `H` shows the
    /// client's history.
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,

    /// What to do; the explorer when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set or `TERM` is dumb.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl From<ColorChoice> for crate::color::ColorMode {
    fn from(c: ColorChoice) -> Self {
        match c {
            ColorChoice::Auto => crate::color::ColorMode::Auto,
            ColorChoice::Always => crate::color::ColorMode::Always,
            ColorChoice::Never => crate::color::ColorMode::Never,
        }
    }
}

/// The subcommands, by the face that runs them.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The commands that read the atlas and print.
    #[command(flatten)]
    Atlas(AtlasCommand),
    /// Study the patterns with flash cards (needs a terminal; `--stats` does not);
    /// progress is saved in `$XDG_DATA_HOME/painmap/` (else `~/.local/share/painmap/`).
    Study(StudyArgs),
    /// Print a shell completion script: `painmap completions bash > ~/.local/share/bash-completion/completions/painmap`.
    Completions(CompletionsArgs),
    /// Print a manual page (roff): `painmap man | man -l -`, `painmap man rank`, or
    /// every page into a folder with `--out-dir`.
    Man(ManArgs),
    /// What painmap detected of this terminal and why, then a labelled sample of each
    /// picture tier; `--pick` saves the one that draws right in the config file.
    Terminal(TerminalArgs),
    /// The commands over the client records.
    #[command(flatten)]
    Records(RecordsCommand),
}

/// `painmap man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`rank` prints painmap-rank(1)); painmap(1) when
    /// omitted.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,

    /// Write painmap.1 and a page for every command into this folder instead.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out_dir: Option<PathBuf>,
}

/// The commands over the client records.
#[derive(Debug, Subcommand)]
pub enum RecordsCommand {
    /// Save a client's visit: where it hurts, how much, how it feels; prints its id.
    // Boxed: its many lists make it far larger than the other commands.
    Visit(Box<VisitArgs>),
    /// A client's visits, oldest first, with each region's intensity trend.
    History(HistoryArgs),
    /// The clients, with their visit count and last visit; `--export FILE` backs up every
    /// client's every visit (.json or .csv, owner-only).
    Clients(ClientsArgs),
    /// Remove a client and every visit for good, or one visit with --visit ID (needs
    /// --yes).
    Forget(ForgetArgs),
}

impl RecordsCommand {
    /// Whether it reads the atlas (to resolve regions, rank, or name them).
    pub fn needs_atlas(&self) -> bool {
        matches!(self, RecordsCommand::Visit(_) | RecordsCommand::History(_))
    }
}

/// `painmap visit`.
#[derive(Debug, Args)]
pub struct VisitArgs {
    /// The client: as typed (initials or a code keep names out of the file).
    #[arg(value_name = "CLIENT")]
    pub client: String,

    /// Regions where it hurts, as for `rank` ("left temple", "right heel, calf").
    #[arg(value_name = "REGION", required_unless_present = "from")]
    pub regions: Vec<String>,

    /// A region's intensity, 0-10: REGION=N ("right heel=6"); adds the region if needed.
    #[arg(long, value_name = "REGION=N")]
    pub intensity: Vec<String>,

    /// A region's pain quality: REGION=Q, Q one of aching, burning, tingling, numbness,
    /// sharp.
    #[arg(long, value_name = "REGION=Q")]
    pub quality: Vec<String>,

    /// A symptom word (dizziness, tingling...).
    #[arg(long = "symptom", short = 's', value_name = "WORD")]
    pub symptoms: Vec<String>,

    /// A note for the visit.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// The day of the visit (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// The client's age.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=130))]
    pub age: Option<u8>,

    /// A screening question answered yes (`--yes exertion`), as `rank` takes it.
    #[arg(long = "yes", value_name = "CONCEPT")]
    pub yes: Vec<String>,

    /// A screening question answered no (`--no fever`).
    #[arg(long = "no", value_name = "CONCEPT")]
    pub no: Vec<String>,

    /// Import an intake record saved by the explorer (`e`, a .json file) instead.
    #[arg(long, value_name = "FILE.json", conflicts_with_all = ["regions", "intensity", "quality", "symptoms"])]
    pub from: Option<PathBuf>,

    /// Correct visit ID of this client: it is replaced by this one (its day kept unless
    /// --date is given); `painmap history CLIENT` lists the ids.
    #[arg(long, value_name = "ID")]
    pub amend: Option<i64>,
}

/// Output format of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// Plain text, ending with the intensity trend of each region.
    Text,
    /// JSON for scripts.
    Json,
    /// A Markdown record for the practice file.
    Markdown,
    /// One row per region per visit, for a spreadsheet.
    Csv,
}

/// `painmap history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The client, exactly as saved.
    #[arg(value_name = "CLIENT")]
    pub client: String,

    /// Shorthand for --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<HistoryFormat>,

    /// Compare two of the client's visits by their ids (earlier first): what is new,
    /// gone, better or worse, region by region.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub compare: Option<Vec<i64>>,

    /// Write the intake note of one visit (the latest, or --visit ID) as PDF to this
    /// file: the body chart, regions, red flags, screening answers, session and note.
    /// Owner-only; an existing file is never replaced.
    #[arg(long, value_name = "FILE.pdf", conflicts_with_all = ["json", "format", "compare"])]
    pub pdf: Option<PathBuf>,

    /// With --pdf: the visit's id (default: the latest).
    #[arg(long, value_name = "ID", requires = "pdf")]
    pub visit: Option<i64>,
}

/// `painmap clients`.
#[derive(Debug, Args)]
pub struct ClientsArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,

    /// Write every client with every visit to this file instead: JSON (.json, the whole
    /// record of each visit) or CSV (.csv, one row per region per visit). It is made
    /// owner-only and never replaces a file.
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
}

/// `painmap forget`.
#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// The client, exactly as saved.
    #[arg(value_name = "CLIENT")]
    pub client: String,

    /// Remove only this visit of the client (its id, as `painmap history CLIENT` lists
    /// them), not the client.
    #[arg(long, value_name = "ID")]
    pub visit: Option<i64>,

    /// Confirm: the visits cannot be brought back.
    #[arg(long)]
    pub yes: bool,
}

/// The commands that read the atlas and print text, JSON or Markdown.
#[derive(Debug, Subcommand)]
pub enum AtlasCommand {
    /// Rank the muscles (or trigger points) that refer pain to the given regions.
    Rank(RankArgs),
    /// Print the pain guides for a region: the muscles that refer pain there, in the
    /// order the references list them.
    Guide(GuideArgs),
    /// Fuzzy-search muscles, regions and symptoms.
    Search(SearchArgs),
    /// Read free text ("pain behind my left knee, burning") into regions, qualities and
    /// symptoms.
    Parse(ParseArgs),
    /// List the body regions.
    Regions(ListArgs),
    /// List every muscle with its trigger points.
    Muscles(ListArgs),
    /// Show one muscle: its trigger points, zones and notes.
    Show(ShowArgs),
    /// Compare two patterns on one body: what only the first covers, what only the
    /// second covers, what both cover.
    Compare(CompareArgs),
    /// Check an atlas file (the shipped one, or --atlas, when FILE is omitted).
    Validate(ValidateArgs),
    /// Explain the terms: trigger point, knot, essential zone...
    Glossary(GlossaryArgs),
    /// Write a client's self-care sheet for a muscle as PDF: its referral pictures,
    /// where to press, self-care, the source and the disclaimer.
    Handout(HandoutArgs),
}

/// `painmap completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `--glyphs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GlyphsArg {
    /// By the terminal's identity and the locale (ASCII when it is not UTF-8).
    Auto,
    /// Octants (Unicode 16), 2x4 a cell.
    Octant,
    /// Sextants (Unicode 13), 2x3 a cell.
    Sextant,
    /// Quadrants, 2x2 a cell.
    Quadrant,
    /// Half blocks, 1x2 a cell.
    Half,
    /// Line art.
    Outline,
    /// Printable ASCII.
    Ascii,
}

impl GlyphsArg {
    /// The glyphs chosen: `detected` for `auto`.
    pub fn resolve(self, detected: crate::body::glyphs::Glyphs) -> crate::body::glyphs::Glyphs {
        use crate::body::glyphs::Glyphs;
        match self {
            GlyphsArg::Auto => detected,
            GlyphsArg::Octant => Glyphs::Octant,
            GlyphsArg::Sextant => Glyphs::Sextant,
            GlyphsArg::Quadrant => Glyphs::Quadrant,
            GlyphsArg::Half => Glyphs::Half,
            GlyphsArg::Outline => Glyphs::Outline,
            GlyphsArg::Ascii => Glyphs::Ascii,
        }
    }
}

/// `--graphics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphicsArg {
    /// A real image when the terminal answers that it can show one, else text.
    Auto,
    /// kitty's graphics protocol.
    Kitty,
    /// Sixel.
    Sixel,
    /// iTerm2's inline images.
    Iterm2,
    /// Text only.
    Off,
}

impl GraphicsArg {
    /// The image protocol to draw with: the detected one for `auto` (never when the body
    /// is to be ASCII), the one asked for otherwise (at the detected cell size), none for
    /// `off`.
    pub fn resolve(
        self,
        detection: &crate::term::graphics::Detection,
        ascii: bool,
    ) -> Option<crate::term::graphics::Terminal> {
        use crate::term::graphics::Protocol;
        let protocol = match (self, ascii) {
            (GraphicsArg::Off, _) | (GraphicsArg::Auto, true) => return None,
            (GraphicsArg::Auto, false) => return detection.terminal(),
            (GraphicsArg::Kitty, _) => Protocol::Kitty,
            (GraphicsArg::Sixel, _) => Protocol::Sixel,
            (GraphicsArg::Iterm2, _) => Protocol::Iterm2,
        };
        Some(detection.forced(protocol))
    }
}

/// The settings in force: each flag, else the config file's value, else the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `--color`.
    pub color: ColorChoice,
    /// `--glyphs`.
    pub glyphs: GlyphsArg,
    /// `--graphics`.
    pub graphics: GraphicsArg,
    /// `--db`.
    pub db: Option<PathBuf>,
    /// `--atlas`.
    pub atlas: Option<PathBuf>,
}

impl Cli {
    /// The flags over the config file (whose values were checked when it was read).
    pub fn settings(&self, file: &crate::term::config::Config) -> Settings {
        fn pick<T: ValueEnum + Copy>(flag: Option<T>, file: Option<&String>, default: T) -> T {
            flag.or_else(|| file.and_then(|v| T::from_str(v, true).ok()))
                .unwrap_or(default)
        }
        Settings {
            color: pick(self.color, file.color.as_ref(), ColorChoice::Auto),
            glyphs: pick(self.glyphs, file.glyphs.as_ref(), GlyphsArg::Auto),
            graphics: pick(self.graphics, file.graphics.as_ref(), GraphicsArg::Auto),
            db: self.db.clone().or_else(|| file.db.clone()),
            atlas: self.atlas.clone().or_else(|| file.atlas.clone()),
        }
    }
}

/// `show --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PictureFormat {
    /// The notes and the diagrams, for reading.
    Text,
    /// One SVG document of the diagrams, to stdout (or `--out`).
    Svg,
    /// One PNG image of the diagrams, to `--out FILE`.
    Png,
}

/// Output format of `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for reading.
    Text,
    /// JSON for scripts.
    Json,
    /// A Markdown intake note.
    Markdown,
}

/// `painmap rank`.
#[derive(Debug, Args)]
pub struct RankArgs {
    /// Where it hurts: region ids, names or aliases, optionally prefixed by a side
    /// (left, L, lt, right, R, rt; quote multi-word names: "left temple"), or a phrase
    /// as the client says it ("pain behind my left knee, burning", "sciatica").
    #[arg(value_name = "REGION")]
    pub regions: Vec<String>,

    /// A pain drawing (JSON, as the explorer saves it; see docs/drawings.md): its
    /// regions are the selection and each pattern is scored by how well it explains it.
    #[arg(long, value_name = "FILE")]
    pub drawing: Option<std::path::PathBuf>,

    /// A symptom word that refines the order (dizziness, tingling, sciatica...).
    #[arg(long = "symptom", short = 's', value_name = "WORD")]
    pub symptoms: Vec<String>,

    /// Show at most N candidates (1 or more).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,

    /// What a candidate is: a muscle (scored over all its trigger points) or a single
    /// trigger point.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = By::Muscle)]
    pub by: By,

    /// The client's age in years (some red flags depend on it).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=i64::from(crate::rank::MAX_AGE)))]
    pub age: Option<u8>,

    /// A screening question answered yes: its concept, as the "ask:" lines name it
    /// (`--yes exertion`); repeat for more.
    #[arg(long = "yes", value_name = "CONCEPT")]
    pub yes: Vec<String>,

    /// A screening question answered no (`--no fever`).
    #[arg(long = "no", value_name = "CONCEPT")]
    pub no: Vec<String>,

    /// Shorthand for --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// `rank --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// A muscle on a side, with its trigger points beneath it.
    Muscle,
    /// A trigger point on a side.
    Point,
}

/// `painmap guide`.
#[derive(Debug, Args)]
pub struct GuideArgs {
    /// The region: id, name or alias (a left/right prefix is accepted and ignored).
    #[arg(value_name = "REGION")]
    pub region: String,

    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `painmap search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; fuzzy, any case ("scm", "trap", "tingl").
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,

    /// Show at most N results (1 or more).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,

    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `painmap parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// What the client says, as typed (several arguments are joined by spaces).
    #[arg(value_name = "TEXT", required = true, num_args = 1..)]
    pub text: Vec<String>,

    /// Print JSON: {"regions": [{"region", "side"}], "qualities", "symptoms",
    /// "unmatched"}.
    #[arg(long)]
    pub json: bool,
}

/// `painmap regions` and `painmap muscles`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `painmap show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The muscle: id, name or alias (SCM, traps, QL...).
    #[arg(value_name = "MUSCLE", required_unless_present = "layer")]
    pub muscle: Option<String>,

    /// Draw a layer that is not trigger points instead of a muscle: the dermatomes C2
    /// to S2, the peripheral nerves' skin fields, or the organs' referral zones.
    #[arg(long, value_enum, value_name = "LAYER", conflicts_with_all = ["muscle", "tp"])]
    pub layer: Option<LayerArg>,

    /// Only this trigger point (its id).
    #[arg(long, value_name = "ID")]
    pub tp: Option<String>,

    /// Draw the diagrams in printable ASCII only (`#` essential, `:` spillover, `X`
    /// trigger point), for pasting into notes.
    #[arg(long)]
    pub ascii: bool,

    /// Fit the diagrams within N columns (default: the terminal's width, else 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,

    /// Draw the trigger point on the patient's left or right side (patterns that cross
    /// the midline are drawn crossing from it).
    #[arg(long, value_name = "SIDE", default_value = "right", value_parser = parse_side)]
    pub side: Side,

    /// text (notes and diagrams), svg (one SVG document) or png (one image, with --out).
    #[arg(long, value_enum, default_value_t = PictureFormat::Text)]
    pub format: PictureFormat,

    /// Write the SVG or PNG to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// The PNG's figure height in pixels (default 1600, print size; 200 to 6000).
    #[arg(long, value_name = "PX", value_parser = parse_png_size)]
    pub size: Option<u32>,

    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `painmap handout`.
#[derive(Debug, Args)]
pub struct HandoutArgs {
    /// The muscle: id, name or alias (SCM, traps, QL...).
    #[arg(value_name = "MUSCLE")]
    pub muscle: String,

    /// Only this trigger point (its id); default: every point of the muscle.
    #[arg(long, value_name = "ID")]
    pub tp: Option<String>,

    /// The client's side to draw.
    #[arg(long, value_name = "SIDE", default_value = "right", value_parser = parse_side)]
    pub side: Side,

    /// The PDF to write (atomically, owner-only; an existing file is replaced).
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
}

/// `show --layer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayerArg {
    /// The dermatomes C2 to S2, after an evidence-based map (Lee et al. 2008).
    Dermatomes,
    /// The cutaneous fields of the main peripheral nerves.
    Nerves,
    /// The visceral referral zones (heart, gallbladder and liver, kidney...).
    Organs,
}

impl LayerArg {
    /// The layer it names.
    pub fn kind(self) -> crate::layers::Kind {
        match self {
            LayerArg::Dermatomes => crate::layers::Kind::Dermatome,
            LayerArg::Nerves => crate::layers::Kind::Nerve,
            LayerArg::Organs => crate::layers::Kind::Organ,
        }
    }
}

/// `compare --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Who the two are, both drawn on one body, and the regions each covers.
    Text,
    /// One SVG document: both patterns on one figure (`data-pattern="1"` and `"2"`).
    Svg,
    /// One image (with --out): both patterns on one body, the second in blue hatching.
    Png,
    /// JSON for scripts.
    Json,
}

/// `painmap compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first pattern: a muscle (id, name or alias: all its trigger points) or one
    /// trigger point's id (soleus-1).
    #[arg(value_name = "MUSCLE|TP")]
    pub first: String,

    /// The second pattern, in the same forms.
    #[arg(value_name = "MUSCLE|TP")]
    pub second: String,

    /// Draw both on the patient's left or right side.
    #[arg(long, value_name = "SIDE", default_value = "right", value_parser = parse_side)]
    pub side: Side,

    /// Fit the text and picture within N columns (default: the terminal's width, else 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,

    /// text (the picture and the regions), svg (one SVG document), png (one image, with
    /// --out) or json.
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,

    /// Shorthand for --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Write the SVG or PNG to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// The PNG's figure height in pixels (default 1600, print size; 200 to 6000).
    #[arg(long, value_name = "PX", value_parser = parse_png_size)]
    pub size: Option<u32>,
}

/// `painmap validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The atlas file to check.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// `painmap terminal`.
#[derive(Debug, Args)]
pub struct TerminalArgs {
    /// Print what was detected as JSON (no samples).
    #[arg(long)]
    pub json: bool,

    /// Save a tier as the default in the config file: a glyph tier (octant, sextant,
    /// quadrant, half, outline, ascii), an image protocol (kitty, sixel, iterm2), `text`
    /// (no images) or `auto`.
    #[arg(long, value_name = "TIER")]
    pub pick: Option<String>,
}

/// `painmap glossary`.
#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// Only terms matching this word.
    #[arg(value_name = "TERM")]
    pub term: Option<String>,

    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `painmap study`.
#[derive(Debug, Args)]
pub struct StudyArgs {
    /// Only the trigger points of this body group (head, neck, shoulder, ...).
    #[arg(long, short = 'g', value_name = "GROUP", value_parser = parse_group)]
    pub group: Option<MuscleGroup>,

    /// Seed of the card order, sides and choices, for a reproducible session.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Print the summary (cards due now, within a day and a week; retention and
    /// accuracy per body group) instead of studying; needs no terminal.
    #[arg(long)]
    pub stats: bool,

    /// With --stats: print JSON.
    #[arg(long, requires = "stats")]
    pub json: bool,
}

/// Parses `--side`: left or right (or l, lt, r, rt), in any case: the side words every
/// other part of painmap reads.
/// Parses `--size`: a PNG figure's height in pixels, 200 to 6000.
fn parse_png_size(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (200..=6000).contains(&n) => Ok(n),
        _ => Err("the size is a height in pixels from 200 to 6000 (default 1600)".to_owned()),
    }
}

fn parse_side(s: &str) -> Result<Side, String> {
    Side::parse(s).ok_or_else(|| "the side is left or right".to_string())
}

/// Parses `--group`, listing the groups when the word is not one.
fn parse_group(s: &str) -> Result<MuscleGroup, String> {
    MuscleGroup::parse(s).ok_or_else(|| {
        let all: Vec<&str> = MuscleGroup::ALL.iter().map(|g| g.as_str()).collect();
        format!("unknown group; the groups are: {}", all.join(", "))
    })
}
