//! `painmap visit`, `clients` and `forget`: saving visits to the client records and
//! managing the clients. (`history` is in `history.rs`.)

use super::args::{ForgetArgs, ListArgs, VisitArgs};
use super::{ERROR, FOUND, NOTHING, RecordsAt, out};
use crate::atlas::Atlas;
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

/// Builds the visit from the arguments (or the imported record), saves it, prints its id.
/// `now` (seconds since the Unix epoch) dates a visit given no `--date` and stamps its
/// saving.
pub fn visit(atlas: &Atlas, args: &VisitArgs, at: &RecordsAt, now: i64) -> anyhow::Result<u8> {
    let now = Utc::from_unix(now);
    records::check_client_name(&args.client).map_err(anyhow::Error::msg)?;
    let (intake, record_date) = match &args.from {
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
    let date = match &args.date {
        Some(d) => Date::parse(d).map_err(|e| anyhow::anyhow!("--date: {e}"))?,
        None => record_date.unwrap_or_else(|| Date::of_utc(&now)),
    };
    let mut visit = Visit::of_intake(atlas, &intake, date);
    visit.age = args.age;
    visit.note = args
        .note
        .as_ref()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    // Checked on the way in, before the file is opened: no escape sequence is stored.
    visit.check().map_err(anyhow::Error::msg)?;
    let Some(mut store) = open_store(at, true)? else {
        anyhow::bail!("the client records could not be created");
    };
    let id = store.save_visit(&args.client, &visit, &now.stamp())?;
    out::print(&format!("{id}\n"))?;
    Ok(FOUND)
}

/// The intake of `painmap visit CLIENT REGION... --intensity R=N --quality R=Q`.
fn intake_of(atlas: &Atlas, args: &VisitArgs) -> anyhow::Result<Intake> {
    let selection = super::rank::selection(atlas, &args.regions, &args.symptoms)?;
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
        intake.set_intensity(atlas.resolve_region(region)?, n);
    }
    for pair in &args.quality {
        let (region, value) = split_pair(pair, "--quality", "REGION=Q")?;
        let wanted = value.to_ascii_lowercase();
        let q = Quality::ALL
            .into_iter()
            .find(|q| q.as_str() == wanted)
            .ok_or_else(|| {
                let all: Vec<&str> = Quality::ALL.iter().map(|q| q.as_str()).collect();
                anyhow::anyhow!("--quality {pair}: the quality is one of {}", all.join(", "))
            })?;
        let inst = atlas.resolve_region(region)?;
        intake.selection.add(inst.clone());
        intake.notes.entry(inst).or_default().quality = Some(q);
    }
    Ok(intake)
}

fn split_pair<'a>(pair: &'a str, flag: &str, form: &str) -> anyhow::Result<(&'a str, &'a str)> {
    pair.rsplit_once('=')
        .map(|(r, v)| (r.trim(), v.trim()))
        .filter(|(r, v)| !r.is_empty() && !v.is_empty())
        .ok_or_else(|| anyhow::anyhow!("{flag} {pair}: write {form}"))
}

/// `painmap clients [--json]`.
pub fn clients(args: &ListArgs, at: &RecordsAt) -> anyhow::Result<u8> {
    let list = match open_store(at, false)? {
        Some(store) => store.clients()?,
        None => Vec::new(),
    };
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

/// `painmap forget CLIENT --yes`.
pub fn forget(args: &ForgetArgs, at: &RecordsAt) -> anyhow::Result<u8> {
    if !args.yes {
        eprintln!(
            "painmap: forget removes the client and every visit for good; add --yes to confirm"
        );
        return Ok(ERROR);
    }
    // Waits for other programs up to the busy timeout; when one still holds the log,
    // the error says which and the exit is 2 (the client is out of the tables already).
    let gone = match open_store(at, false)? {
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
