//! `update`: the only place the explorer's state changes. Work outside the state (writing
//! a file) is returned as an [`Effect`] for the loop to run; its outcome comes back as a
//! message.

use super::app::{
    App, ComparePair, Confirm, ExportState, Focus, HistoryState, Overlay, Pinned, SearchRow,
    SearchState,
};
use super::msg::{Effect, Msg, SaveError};
use crate::date::Utc;
use crate::intake::MAX_INTENSITY;
use crate::parse::Reading;
use crate::rank::MAX_AGE;
use crate::record::Record;
use crate::records::Visit;
use crate::report::{By, Report, instance_words};
use crate::search::HitKind;
use std::path::PathBuf;

/// How many candidates an exported note lists.
pub const NOTE_CANDIDATES: usize = 10;

/// Applies one message; returns work for the loop to do, if any. When the muscle the
/// detail shows changes, the one it showed is kept as [`App::previous`] (what `c`
/// compares with); the same muscle shown again another way (from the search, then as a
/// candidate) is no change: a muscle compared with itself shows nothing.
pub fn update(app: &mut App<'_>, msg: Msg) -> Option<Effect> {
    // A key that drops unsaved work asks first; any other message forgets the question.
    let pending = app.confirm.take();
    let asked = match msg {
        Msg::Clear => Some(Confirm::Clear),
        Msg::Quit => Some(Confirm::Quit),
        _ => None,
    };
    if let Some(ask) = asked
        && app.unsaved()
        && pending != Some(ask)
    {
        let (key, what) = match ask {
            Confirm::Clear => ("x", "clears it"),
            Confirm::Quit => ("q", "quits without it"),
        };
        let keep = if app.records.is_some() {
            "s saves, e exports"
        } else {
            "e exports it"
        };
        app.confirm = Some(ask);
        app.status = format!("the intake is not saved: {key} again {what} ({keep})");
        return None;
    }
    let before = app.shown_pick();
    let effect = apply(app, msg);
    let muscle = |p: &Option<crate::tui::app::Pick>| p.as_ref().map(|p| p.muscle.clone());
    if before.is_some() && muscle(&before) != muscle(&app.shown_pick()) {
        app.previous = before;
    }
    effect
}

#[allow(
    clippy::too_many_lines,
    reason = "one short arm per message reads best as one match"
)]
fn apply(app: &mut App<'_>, msg: Msg) -> Option<Effect> {
    match msg {
        Msg::Quit => app.quit = true,
        Msg::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help) => None,
                _ => Some(Overlay::Help),
            };
        }
        Msg::Back => {
            if let Some(Overlay::History(h)) = &mut app.overlay
                && h.comparing
            {
                h.comparing = false;
            } else if app.overlay.is_some() {
                if matches!(app.overlay, Some(Overlay::Compare(_))) {
                    app.detail_scroll = 0;
                }
                app.overlay = None;
            } else if app.pinned.is_some() {
                app.pinned = None;
                app.detail_scroll = 0;
            } else if app.focus == Focus::Detail {
                app.focus = Focus::Candidates;
            }
        }
        Msg::Clients(msg) => return super::clients::update(app, msg),
        Msg::Note(msg) => super::note::update(app, msg),
        Msg::CycleFocus(forward) => app.focus = app.focus.cycle(forward),
        Msg::Focus(focus) => app.focus = focus,
        Msg::CycleMap(forward) => {
            let model = crate::body::shipped();
            let cycle = crate::body::frame::Stop::map_cycle(model);
            app.map = app.map.step(&cycle, if forward { 1 } else { -1 });
            app.status = format!("map: {}", app.map.title(model));
        }
        Msg::Draw(m) => return super::draw::update(app, m),
        Msg::CursorTo(cursor) => {
            app.cursor = Some(cursor);
            app.focus = Focus::Map;
            // The status bar names what is under the cursor itself.
            app.status.clear();
        }
        Msg::Toggle(region) => toggle(app, region),
        Msg::ClickMap(cursor, region) => {
            // The cursor follows the click, so the digits and `p` that follow note the
            // region clicked, not one the cursor was left on.
            app.cursor = Some(cursor);
            app.focus = Focus::Map;
            app.status.clear();
            if let Some(region) = region {
                toggle(app, region);
            }
        }
        Msg::Clear => {
            app.intake.clear();
            // A new intake: the next `s` saves a new visit.
            app.saved = None;
            app.status = "selection cleared".into();
            follow_ranking(app);
        }
        Msg::Move(delta) => move_highlight(app, delta),
        Msg::ScrollList(delta) => {
            let len = app.candidates().len();
            app.highlighted = step(app.highlighted, delta, len);
            app.highlighted_point = 0;
            app.pinned = None;
            app.detail_scroll = 0;
        }
        Msg::OpenCandidate(i) => {
            app.highlighted = i;
            app.highlighted_point = 0;
            app.pinned = None;
            app.detail_scroll = 0;
            app.focus = Focus::Detail;
        }
        Msg::Activate => {
            if app.focus == Focus::Candidates && !app.candidates().is_empty() {
                app.pinned = None;
                app.focus = Focus::Detail;
            }
        }
        Msg::ScrollDetail(delta) => {
            app.detail_scroll = app.detail_scroll.saturating_add_signed(delta as i16);
        }
        Msg::CyclePoint(forward) => cycle_point(app, forward),
        Msg::OpenSearch => app.overlay = Some(Overlay::Search(SearchState::default())),
        Msg::SearchEdit(edit) => {
            if let Some(Overlay::Search(s)) = &mut app.overlay {
                super::edit::apply(&mut s.query, edit);
                s.selected = 0;
            }
            app.refresh_search();
        }
        Msg::SearchAccept(index) => accept_search(app, index),
        Msg::OpenBrowse => {
            let shown = app.shown_point().map(|(m, _, _)| m.id.clone());
            let selected = shown
                .and_then(|id| app.browse_order().iter().position(|m| m.id == id))
                .unwrap_or(0);
            app.overlay = Some(Overlay::Browse { selected });
        }
        Msg::BrowseAccept(index) => {
            let Some(Overlay::Browse { selected }) = app.overlay else {
                return None;
            };
            let order = app.browse_order();
            if let Some(m) = order.get(index.unwrap_or(selected)) {
                pin(app, m.id.clone(), 0);
            }
        }
        Msg::IntensityDigit(region, digit) => {
            let current = app.intake.note(&region).intensity;
            // "1" then "0" is ten; any other digit is itself.
            let value = if digit == 0 && current == Some(1) {
                MAX_INTENSITY
            } else {
                digit
            };
            let words = instance_words(app.atlas, &region);
            let was_selected = app.intake.selection.regions.contains(&region);
            app.intake.set_intensity(region, value);
            if was_selected {
                app.status = format!("{words}: intensity {value}");
            } else {
                // Said, not silent: the key marked a region that was not marked.
                app.status = format!("{words} added with intensity {value}");
                follow_ranking(app);
            }
        }
        Msg::CycleQuality(region) => {
            let words = instance_words(app.atlas, &region);
            let was_selected = app.intake.selection.regions.contains(&region);
            let quality = app.intake.cycle_quality(region);
            let quality = quality.map_or("no quality", crate::intake::Quality::as_str);
            app.status = if was_selected {
                format!("{words}: {quality}")
            } else {
                format!("{words} added: {quality}")
            };
            follow_ranking(app);
        }
        Msg::OpenAge => {
            let current = app.intake.selection.age.map(|a| a.to_string());
            app.overlay = Some(Overlay::Age(current.unwrap_or_default()));
        }
        Msg::AgeInput(c) => {
            if let Some(Overlay::Age(text)) = &mut app.overlay {
                // Three digits hold every accepted age.
                if text.chars().count() < 3 {
                    text.push(c);
                }
            }
        }
        Msg::AgeBackspace => {
            if let Some(Overlay::Age(text)) = &mut app.overlay {
                text.pop();
            }
        }
        Msg::AgeAccept => accept_age(app),
        Msg::OpenScreen => {
            app.overlay = Some(Overlay::Screen { selected: 0 });
            if app.screen_questions().is_empty() {
                app.status = "no screening questions for this selection".into();
            }
        }
        Msg::ScreenMove(d) => {
            let n = app.screen_questions().len();
            if let Some(Overlay::Screen { selected }) = &mut app.overlay {
                *selected = selected.saturating_add_signed(d).min(n.saturating_sub(1));
            }
        }
        Msg::ScreenAnswer(answer) => answer_screen(app, answer),
        Msg::OpenExport(_) if app.intake.selection.is_empty() => {
            app.status = "nothing to export yet: mark where it hurts first".into();
        }
        Msg::OpenExport(now) => {
            app.overlay = Some(Overlay::Export(ExportState {
                path: format!("painmap-{}.md", Utc::from_unix(now).file_stamp()),
                ..ExportState::default()
            }));
        }
        Msg::SearchPaste(text) => {
            if let Some(Overlay::Search(s)) = &mut app.overlay {
                if super::edit::paste(&mut s.query, &text) {
                    app.status = format!(
                        "the paste was cut to {} characters",
                        super::edit::PROMPT_MAX
                    );
                }
                s.selected = 0;
            }
            app.refresh_search();
        }
        Msg::ExportPaste(text) => {
            if let Some(Overlay::Export(e)) = &mut app.overlay {
                super::edit::paste(&mut e.path, &text);
                e.confirm = false;
                e.error = None;
            }
        }
        Msg::CycleLayer => {
            app.layer = next_layer(app.layer);
            app.status = match app.layer {
                Some(kind) => format!("map layer: {} (o: next)", kind.plural()),
                None => "map layer: none".to_owned(),
            };
        }
        Msg::TogglePictures => {
            app.text_pictures = !app.text_pictures;
            let (value, words) = if app.text_pictures {
                ("off", "pictures as text")
            } else {
                ("auto", "pictures as images where the terminal shows them")
            };
            app.status = words.to_string();
            if let Some(path) = app.config.clone() {
                return Some(Effect::SaveSetting {
                    path,
                    key: "graphics",
                    value,
                });
            }
        }
        Msg::SettingSaved(Ok(path)) => {
            app.status = format!("{} (saved in {path})", app.status);
        }
        Msg::SettingSaved(Err(why)) => {
            app.status = format!("{}; not saved: {why}", app.status);
        }
        Msg::ExportEdit(edit) => {
            if let Some(Overlay::Export(e)) = &mut app.overlay {
                super::edit::apply(&mut e.path, edit);
                e.confirm = false;
                e.error = None;
            }
        }
        Msg::ExportAccept(now) => return export(app, now),
        Msg::Saved(result) => saved(app, result),
        Msg::SaveVisit(now) => return save_visit(app, now),
        Msg::VisitSaved(Ok(saved)) => {
            app.status = if saved.amended {
                format!("updated: visit {} (today's visit, not a copy)", saved.id)
            } else {
                format!("saved: visit {}", saved.id)
            };
            app.saved = Some(saved);
            app.kept = Some(app.intake.clone());
        }
        Msg::VisitSaved(Err(why)) => app.status = format!("save failed: {why}"),
        Msg::OpenHistory => {
            let Some(records) = app.records.clone() else {
                app.status = NO_CLIENT.into();
                return None;
            };
            return Some(Effect::LoadHistory { records });
        }
        Msg::HistoryLoaded(Ok(visits)) => {
            if visits.is_empty() {
                app.status = "no visits saved for this client yet (s saves one)".into();
            } else {
                app.overlay = Some(Overlay::History(HistoryState {
                    selected: visits.len() - 1,
                    visits,
                    comparing: false,
                }));
            }
        }
        Msg::HistoryLoaded(Err(why)) => app.status = format!("history failed: {why}"),
        Msg::ToggleCompare => {
            if let Some(Overlay::History(h)) = &mut app.overlay {
                h.comparing = !h.comparing;
            }
        }
        Msg::ComparePrevious => compare_previous(app),
    }
    None
}

/// `c`: compares the muscle shown (1) with the one shown before it (2), or says why not.
fn compare_previous(app: &mut App<'_>) {
    let Some(now) = app.shown_pick() else {
        app.status = "nothing to compare yet: mark where it hurts, or open a muscle".into();
        return;
    };
    let Some(before) = app.previous.clone() else {
        app.status = "c compares with the muscle shown before: highlight another, then c".into();
        return;
    };
    let name = |p: &crate::tui::app::Pick| {
        app.atlas
            .muscle(&p.muscle)
            .map_or_else(|| p.muscle.clone(), |m| m.name.clone())
    };
    app.status = format!(
        "comparing 1 {} with 2 {} (Esc or c: back)",
        name(&now),
        name(&before)
    );
    app.overlay = Some(Overlay::Compare(ComparePair {
        first: now,
        second: before,
    }));
    app.detail_scroll = 0;
}

/// What `s` and `H` say without `--client`.
const NO_CLIENT: &str =
    "no client: press C to pick or start one (or start with `painmap --client CLIENT`)";

/// The intake as a visit of the client, dated by `now`, as an effect.
fn save_visit(app: &mut App<'_>, now: i64) -> Option<Effect> {
    let Some(records) = app.records.clone() else {
        app.status = NO_CLIENT.into();
        return None;
    };
    if app.intake.selection.regions.is_empty() {
        app.status = "nothing to save: select where it hurts first".into();
        return None;
    }
    let now = Utc::from_unix(now);
    let today = crate::records::Date::of_utc(&now);
    // Saved already today for this client: `s` again updates that visit.
    let amend = app
        .saved
        .as_ref()
        .filter(|s| s.client == records.client && s.date == today)
        .map(|s| s.id);
    let visit = Visit::of_intake(app.atlas, &app.intake, today);
    Some(Effect::SaveVisit {
        records,
        visit: Box::new(visit),
        saved_at: now.stamp(),
        amend,
    })
}

/// The note or record for the export prompt's file name, as an effect.
fn export(app: &mut App<'_>, now: i64) -> Option<Effect> {
    let Some(Overlay::Export(e)) = &app.overlay else {
        return None;
    };
    let path = e.path.trim();
    if path.is_empty() {
        if let Some(Overlay::Export(e)) = &mut app.overlay {
            e.error = Some("type a file name".into());
        }
        return None;
    }
    let path = PathBuf::from(path);
    let report = Report::build(app.atlas, &app.intake, NOTE_CANDIDATES, By::Muscle);
    let date = Utc::from_unix(now).stamp();
    let ext = |want: &str| {
        path.extension()
            .is_some_and(|x| x.eq_ignore_ascii_case(want))
    };
    let bytes = if ext("pdf") {
        // The intake note as the practice files it: the visit this intake would save.
        let today = crate::date::Date::of_utc(&Utc::from_unix(now));
        let visit = crate::records::Visit::of_intake(app.atlas, &app.intake, today);
        let client = app.records.as_ref().map(|r| r.client.as_str());
        crate::pdf::intake_note(app.atlas, client, &visit)
    } else if ext("json") {
        let record = Record::new(&app.intake, report, &date);
        match crate::escape::json(&record) {
            Ok(text) => text.into_bytes(),
            Err(err) => {
                app.status = format!("could not encode the record: {err}");
                return None;
            }
        }
    } else {
        report.to_markdown(app.atlas, &date).into_bytes()
    };
    Some(Effect::Write {
        path,
        bytes,
        replace: e.confirm,
    })
}

/// The outcome of a write: close the prompt, or ask to confirm, or show the failure.
fn saved(app: &mut App<'_>, result: Result<String, SaveError>) {
    match result {
        Ok(path) => {
            app.overlay = None;
            app.status = format!("wrote {path}");
            app.kept = Some(app.intake.clone());
        }
        Err(SaveError::Exists) => {
            if let Some(Overlay::Export(e)) = &mut app.overlay {
                e.confirm = true;
                e.error = Some("the file exists: Enter replaces it, Esc keeps it".into());
            }
        }
        Err(SaveError::Failed(why)) => {
            app.status.clone_from(&why);
            if let Some(Overlay::Export(e)) = &mut app.overlay {
                e.confirm = false;
                e.error = Some(why);
            }
        }
    }
}

/// Answers the highlighted screening question; the red flags follow.
fn answer_screen(app: &mut App<'_>, answer: Option<bool>) {
    let Some(Overlay::Screen { selected }) = app.overlay else {
        return;
    };
    let Some(q) = app.screen_questions().get(selected) else {
        return;
    };
    let concept = q.concept.id.clone();
    app.intake.selection.answer(&concept, answer);
    app.rerank();
    app.status = match answer {
        Some(true) => format!("{concept}: yes"),
        Some(false) => format!("{concept}: no"),
        None => format!("{concept}: not asked"),
    };
    // Step on to the next question, as a form does.
    let n = app.screen_questions().len();
    if let Some(Overlay::Screen { selected }) = &mut app.overlay {
        *selected = (*selected + 1).min(n.saturating_sub(1));
    }
}

/// Sets the age from the prompt: an empty prompt clears it, an age above
/// [`MAX_AGE`] is refused in the prompt's status.
fn accept_age(app: &mut App<'_>) {
    let Some(Overlay::Age(text)) = &app.overlay else {
        return;
    };
    let age = if text.is_empty() {
        None
    } else {
        match text.parse::<u8>() {
            Ok(a) if a <= MAX_AGE => Some(a),
            _ => {
                app.status = format!("an age is 0 to {MAX_AGE}");
                return;
            }
        }
    };
    app.intake.selection.age = age;
    // The age changes the red flags, not the order.
    app.rerank();
    app.overlay = None;
    app.status = age.map_or_else(|| "age cleared".into(), |a| format!("age {a}"));
}

/// Selects the region if absent, else removes it, and says which.
fn toggle(app: &mut App<'_>, region: crate::atlas::RegionInstance) {
    let words = instance_words(app.atlas, &region);
    let added = app.intake.toggle(region);
    app.status = format!("{words} {}", if added { "selected" } else { "removed" });
    follow_ranking(app);
}

/// After the selection changes: rank again, highlight the new best candidate and follow
/// it.
fn follow_ranking(app: &mut App<'_>) {
    app.rerank();
    app.highlighted = 0;
    app.highlighted_point = 0;
    app.pinned = None;
    app.detail_scroll = 0;
}

/// `i` moved by `delta` within `0..len` (saturating at both ends).
fn step(i: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    i.saturating_add_signed(delta).min(len - 1)
}

fn move_highlight(app: &mut App<'_>, delta: isize) {
    match &app.overlay {
        Some(Overlay::Search(_)) => {
            let len = app.search_rows().len();
            if let Some(Overlay::Search(s)) = &mut app.overlay {
                s.selected = step(s.selected, delta, len);
            }
        }
        Some(Overlay::Browse { selected }) => {
            let len = app.atlas.muscles().len();
            app.overlay = Some(Overlay::Browse {
                selected: step(*selected, delta, len),
            });
        }
        Some(Overlay::History(h)) => {
            let len = h.visits.len();
            if let Some(Overlay::History(h)) = &mut app.overlay {
                h.selected = step(h.selected, delta, len);
            }
        }
        Some(
            Overlay::Help
            | Overlay::Export(_)
            | Overlay::Age(_)
            | Overlay::Screen { .. }
            | Overlay::Compare(_)
            | Overlay::Clients(_)
            | Overlay::Note(_),
        ) => {}
        None => {
            let len = app.candidates().len();
            app.highlighted = step(app.highlighted, delta, len);
            app.highlighted_point = 0;
            app.pinned = None;
            app.detail_scroll = 0;
        }
    }
}

/// Shows a muscle's trigger point in the detail, on the side the selection suggests.
fn pin(app: &mut App<'_>, muscle: String, point: usize) {
    let side = app.intake.selection.regions.iter().find_map(|r| r.side);
    app.pinned = Some(Pinned {
        muscle,
        point,
        side,
    });
    app.overlay = None;
    app.focus = Focus::Detail;
    app.detail_scroll = 0;
}

/// Steps through the trigger points of the muscle in the detail: for a ranked muscle,
/// its points that reach the selection (best first); for a pinned one, all its points.
fn cycle_point(app: &mut App<'_>, forward: bool) {
    let next = |i: usize, n: usize| {
        if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }
    };
    if app.pinned.is_none() {
        let Some((name, n)) = app
            .candidates()
            .get(app.highlighted)
            .map(|p| (p.item.muscle.name.clone(), p.item.points.len()))
        else {
            return;
        };
        if n > 0 {
            let i = next(app.highlighted_point.min(n - 1), n);
            app.highlighted_point = i;
            app.detail_scroll = 0;
            app.status = format!("{name}: point {} of the {n} reaching the selection", i + 1);
        }
        return;
    }
    let Some((muscle, tp, side)) = app.shown_point() else {
        return;
    };
    let n = muscle.trigger_points.len();
    let i = next(muscle.point_index(&tp.id), n);
    app.pinned = Some(Pinned {
        muscle: muscle.id.clone(),
        point: i,
        side,
    });
    app.detail_scroll = 0;
    app.status = format!("{}: point {} of {n}", muscle.name, i + 1);
}

fn accept_search(app: &mut App<'_>, index: Option<usize>) {
    let Some(Overlay::Search(search)) = &app.overlay else {
        return;
    };
    let side = search.side_and_terms().0;
    let rows = app.search_rows();
    let Some(row) = rows.into_iter().nth(index.unwrap_or(search.selected)) else {
        return;
    };
    let query = search.query.trim().to_string();
    let hit = match row {
        SearchRow::Phrase(reading) => {
            // The client's words, as typed: the red-flag screen listens to them.
            if !app.intake.selection.said.contains(&query) {
                app.intake.selection.said.push(query);
            }
            return apply_reading(app, &reading);
        }
        SearchRow::Hit(hit) => hit,
    };
    match hit.kind {
        HitKind::Region => {
            let midline = app.atlas.region(&hit.id).is_some_and(|r| r.midline);
            let region = crate::atlas::RegionInstance::new(
                hit.id.clone(),
                if midline { None } else { side },
            );
            app.overlay = None;
            update(app, Msg::Toggle(region));
        }
        HitKind::Muscle => pin(app, hit.id.clone(), 0),
        HitKind::Symptom => {
            let word = hit.id.clone();
            let symptoms = &mut app.intake.selection.symptoms;
            if let Some(i) = symptoms.iter().position(|s| *s == word) {
                symptoms.remove(i);
                app.status = format!("symptom removed: {word}");
            } else {
                app.status = format!("symptom added: {word}");
                symptoms.push(word);
            }
            app.overlay = None;
            follow_ranking(app);
        }
    }
}

/// Applies a phrase: its regions (with sides) are selected, its first quality is noted
/// on each of them (further qualities, and a quality said without a place, count as
/// symptom words), its symptoms are added, and what it negates is taken away.
fn apply_reading(app: &mut App<'_>, reading: &Reading) {
    let intake = &mut app.intake;
    for r in &reading.regions {
        intake.selection.add(r.clone());
    }
    let mut words: Vec<String> = reading.symptoms.clone();
    let mut qualities = reading.qualities.iter();
    if let Some(&q) = qualities.next() {
        if reading.regions.is_empty() {
            words.insert(0, q.as_str().to_string());
        } else {
            for r in &reading.regions {
                intake.notes.entry(r.clone()).or_default().quality = Some(q);
            }
        }
    }
    words.extend(qualities.map(|q| q.as_str().to_string()));
    for w in words {
        if !intake.selection.symptoms.contains(&w) {
            intake.selection.symptoms.push(w);
        }
    }
    for no in &reading.negated {
        intake.selection.symptoms.retain(|s| s != no);
        let gone: Vec<_> = intake
            .selection
            .regions
            .iter()
            .filter(|r| r.region == *no)
            .cloned()
            .collect();
        for r in gone {
            intake.toggle(r);
        }
        for note in intake.notes.values_mut() {
            if note.quality.is_some_and(|q| q.as_str() == no) {
                note.quality = None;
            }
        }
    }
    let caveats = reading.caveats();
    app.status = format!("{} selected", reading.summary(app.atlas));
    if !caveats.is_empty() {
        app.status = format!("{} ({caveats})", app.status);
    }
    app.overlay = None;
    follow_ranking(app);
}

/// The map layer after `layer` in the `o` cycle: none, dermatomes, nerves, organs.
pub fn next_layer(layer: Option<crate::layers::Kind>) -> Option<crate::layers::Kind> {
    let all = crate::layers::Kind::ALL;
    match layer {
        None => all.first().copied(),
        Some(k) => all
            .iter()
            .position(|x| *x == k)
            .and_then(|i| all.get(i + 1))
            .copied(),
    }
}
