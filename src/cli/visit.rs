//! `painmap visit`, `clients` and `forget`: saving visits to the client records and
//! managing the clients. (`history` is in `history.rs`.)

use super::args::{ClientsArgs, ForgetArgs, VisitArgs};
use super::{ERROR, FOUND, NOTHING, RecordsAt, out};
use crate::atlas::{Atlas, RegionInstance};
use crate::date::Utc;
use crate::intake::{Intake, Quality};
use crate::record::Record;
use crate::records::{self, Date, SqliteStore, Store, Visit};
use std::fmt::Write as _;

/// Opens the records. Without `create` a missing file is `None`: reading commands never
/// create one.
pub fn open_store(at: &RecordsAt, create: bool) -> anyhow::Result<Option<SqliteStore>> {
    Ok(SqliteStore::open(&at.db, create, at.own_folder)?)
}

/// Builds the visit from the arguments (or the imported record), saves it (or, with
/// `--amend ID`, puts it in place of that visit), prints its id. `now` (seconds since the
/// Unix epoch) dates a visit given no `--date` and stamps its saving.
pub fn visit(atlas: &Atlas, args: &VisitArgs, at: &RecordsAt, now: i64) -> anyhow::Result<u8> {
    let secs = now;
    let now = Utc::from_unix(secs);
    records::check_client_name(&args.client).map_err(anyhow::Error::msg)?;
    let (mut intake, record_date) = match &args.from {
        Some(path) => {
            let record = Record::read(path)?;
            let intake = record
                .to_intake(atlas)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            // "2026-11-24 10:00 UTC": a date that is not a day of the calendar is refused,
            // never replaced by today's.
            let day = Date::of_stamp(&record.date)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            (intake, Some(day))
        }
        None => (intake_of(atlas, args)?, None),
    };
    if intake.selection.regions.is_empty() {
        anyhow::bail!("a visit needs at least one region (`painmap regions` lists them)");
    }
    // What is typed wins over what the record carries; what it does not say is kept.
    if args.age.is_some() {
        intake.selection.age = args.age;
    }
    if let Some(note) = &args.note {
        intake.note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
    }
    let typed_date = match &args.date {
        Some(d) => Some(Date::parse(d).map_err(|e| anyhow::anyhow!("--date: {e}"))?),
        None => None,
    };
    // A visit records a day that has happened: a later one is a typo (2062 for 2026).
    // Today is UTC's, so a day ahead of it is allowed (a practice east of Greenwich).
    let tomorrow = Date::of_utc(&Utc::from_unix(secs.saturating_add(86_400)));
    for (what, day) in [("--date", typed_date), ("the record's date", record_date)] {
        if let Some(day) = day.filter(|d| *d > tomorrow) {
            anyhow::bail!("{what} {day} is in the future: a visit records a day that has happened");
        }
    }
    // Checked on the way in, before the file is opened: no escape sequence is stored.
    if let Some(note) = &intake.note {
        records::check_text("the note", note).map_err(anyhow::Error::msg)?;
    }
    for word in &intake.selection.symptoms {
        records::check_text("a symptom", word).map_err(anyhow::Error::msg)?;
    }
    let Some(mut store) = open_store(at, true)? else {
        anyhow::bail!("the client records could not be created");
    };
    if let Some(id) = args.amend {
        // An amended visit keeps its day unless another is typed.
        let old = store
            .history(&args.client)?
            .unwrap_or_default()
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| no_such_visit(id))?;
        let date = typed_date.or(record_date).unwrap_or(old.visit.date);
        let visit = Visit::of_intake(atlas, &intake, date);
        if !store.amend_visit(&args.client, id, &visit, &now.stamp())? {
            return Err(no_such_visit(id));
        }
        out::print(&format!("{id}\n"))?;
        return Ok(FOUND);
    }
    let date = typed_date
        .or(record_date)
        .unwrap_or_else(|| Date::of_utc(&now));
    let visit = Visit::of_intake(atlas, &intake, date);
    let id = store.save_visit(&args.client, &visit, &now.stamp())?;
    out::print(&format!("{id}\n"))?;
    Ok(FOUND)
}

fn no_such_visit(id: i64) -> anyhow::Error {
    anyhow::anyhow!(
        "the client has no visit {id} (`painmap history CLIENT` lists the visits with their ids)"
    )
}

/// The intake of `painmap visit CLIENT REGION... --intensity R=N --quality R=Q`.
fn intake_of(atlas: &Atlas, args: &VisitArgs) -> anyhow::Result<Intake> {
    let mut selection = super::rank::selection(atlas, &args.regions, &args.symptoms)?;
    super::rank::answer_all(atlas, &mut selection, &args.yes, &args.no)?;
    let mut intake = Intake::of(selection);
    for pair in &args.intensity {
        let (region, value) = split_pair(pair, "--intensity", "REGION=N")?;
        let n: u8 = value
            .parse()
            .ok()
            .filter(|n| *n <= crate::intake::MAX_INTENSITY)
            .ok_or_else(|| {
                anyhow::anyhow!("--intensity {pair}: the intensity is a whole number from 0 to 10")
            })?;
        let inst = noted_region(atlas, &intake, region, "--intensity", pair)?;
        intake.set_intensity(inst, n);
    }
    for pair in &args.quality {
        let (region, value) = split_pair(pair, "--quality", "REGION=Q")?;
        let wanted = value.to_ascii_lowercase();
        // The quality's own name, or a word the phrase reader knows for exactly one
        // quality ("stabbing" is sharp, "pins and needles" tingling): one vocabulary.
        let read = || {
            let reading = crate::parse::Lexicon::for_atlas(atlas).ok()?.read(value);
            match reading.qualities.as_slice() {
                [q] if reading.regions.is_empty() && reading.unmatched.is_empty() => Some(*q),
                _ => None,
            }
        };
        let q = Quality::ALL
            .into_iter()
            .find(|q| q.as_str() == wanted)
            .or_else(read)
            .ok_or_else(|| {
                let all: Vec<&str> = Quality::ALL.iter().map(|q| q.as_str()).collect();
                anyhow::anyhow!("--quality {pair}: the quality is one of {}", all.join(", "))
            })?;
        let inst = noted_region(atlas, &intake, region, "--quality", pair)?;
        intake.selection.add(inst.clone());
        intake.notes.entry(inst).or_default().quality = Some(q);
    }
    Ok(intake)
}

/// The region a `--intensity` or `--quality` pair notes. Said without a side, it is the
/// marked region of that name on its side ("right heel" then "heel=7" notes the right
/// heel), not a second, unsided heel that would rank the other side too.
fn noted_region(
    atlas: &Atlas,
    intake: &Intake,
    region: &str,
    flag: &str,
    pair: &str,
) -> anyhow::Result<RegionInstance> {
    let inst = atlas.resolve_region(region)?;
    if inst.side.is_some() {
        return Ok(inst);
    }
    let marked: Vec<&RegionInstance> = intake
        .selection
        .regions
        .iter()
        .filter(|r| r.region == inst.region)
        .collect();
    match marked.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Ok(inst),
        _ => anyhow::bail!(
            "{flag} {pair}: that region is marked on both sides; say which (\"left {region}=...\")"
        ),
    }
}

fn split_pair<'a>(pair: &'a str, flag: &str, form: &str) -> anyhow::Result<(&'a str, &'a str)> {
    pair.rsplit_once('=')
        .map(|(r, v)| (r.trim(), v.trim()))
        .filter(|(r, v)| !r.is_empty() && !v.is_empty())
        .ok_or_else(|| anyhow::anyhow!("{flag} {pair}: write {form}"))
}

/// `painmap clients [--json | --export FILE]`.
pub fn clients(args: &ClientsArgs, at: &RecordsAt) -> anyhow::Result<u8> {
    let store = open_store(at, false)?;
    let list = match &store {
        Some(store) => store.clients()?,
        None => Vec::new(),
    };
    if let Some(file) = &args.export {
        let Some(store) = store else {
            anyhow::bail!("no client records yet: nothing to export");
        };
        return super::history::export(&store, &list, file);
    }
    let text = if args.json {
        out::json(&list)?
    } else if list.is_empty() {
        "No client records yet (`painmap visit CLIENT REGION...` saves one).\n".to_string()
    } else {
        // A name read back is untrusted (another program may have edited the file):
        // escaped, and measured as shown.
        let names: Vec<String> = list.iter().map(|c| crate::escape::line(&c.name)).collect();
        let width = names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0)
            .max("client".len());
        let mut s = format!("{:<width$}  visits  last visit\n", "client");
        for (c, name) in list.iter().zip(&names) {
            let _ = writeln!(
                s,
                "{:<width$}  {:>6}  {}",
                name,
                c.visits,
                c.last_visit.as_deref().unwrap_or("-")
            );
        }
        s
    };
    out::print(&text)?;
    Ok(if list.is_empty() { NOTHING } else { FOUND })
}

/// `painmap forget CLIENT [--visit ID] --yes`.
pub fn forget(args: &ForgetArgs, at: &RecordsAt) -> anyhow::Result<u8> {
    if !args.yes {
        let what = if args.visit.is_some() {
            "forget --visit removes that visit for good"
        } else {
            "forget removes the client and every visit for good"
        };
        eprintln!("painmap: {what}; add --yes to confirm");
        return Ok(ERROR);
    }
    let store = open_store(at, false)?;
    if let Some(id) = args.visit {
        let gone = match store {
            Some(mut store) => store.forget_visit(&args.client, id)?,
            None => false,
        };
        if !gone {
            return Err(no_such_visit(id));
        }
        out::print(&format!("forgotten: visit {id} is removed\n"))?;
        return Ok(FOUND);
    }
    let gone = match store {
        Some(mut store) => store.forget(&args.client)?,
        None => false,
    };
    if gone {
        out::print("forgotten: the client and every visit are removed\n")?;
        Ok(FOUND)
    } else {
        eprintln!("painmap: no client by that name in the records");
        Ok(NOTHING)
    }
}
