//! The `C` client picker: the clients in the records, filtered as you type; Enter picks
//! the highlighted one, or starts a client of the name typed when none matches, and the
//! intake then saves (`s`) and shows its history (`H`) for that client, with no restart.

use super::app::{App, ClientRecords, Overlay};
use super::edit::{Edit, apply};
use super::msg::Effect;

/// Where the client database is, as the binary located it (known even when the explorer
/// started without `--client`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordsAt {
    /// The database file.
    pub db: std::path::PathBuf,
    /// Whether its folder is painmap's own.
    pub own_folder: bool,
}

/// The picker's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientPicker {
    /// Every client in the records, by name.
    pub names: Vec<String>,
    /// What was typed.
    pub filter: String,
    /// The highlighted row of [`ClientPicker::shown`].
    pub selected: usize,
    /// Why Enter did nothing (an empty or unusable name).
    pub error: Option<String>,
}

impl ClientPicker {
    /// The clients whose name holds what was typed (case-insensitively), in order.
    pub fn shown(&self) -> Vec<&str> {
        let want = self.filter.trim().to_lowercase();
        self.names
            .iter()
            .filter(|n| n.to_lowercase().contains(&want))
            .map(String::as_str)
            .collect()
    }
}

/// The picker's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientsMsg {
    /// `C`: read the clients, then open the picker.
    Open,
    /// The clients read (names), or why not.
    Loaded(Result<Vec<String>, String>),
    /// Typing in the filter.
    Edit(Edit),
    /// Move the highlight.
    Move(isize),
    /// Enter.
    Accept,
}

/// Reads the client names.
pub fn load(at: &RecordsAt) -> Result<Vec<String>, String> {
    use crate::records::{SqliteStore, Store};
    match SqliteStore::open(&at.db, false, at.own_folder) {
        Ok(Some(store)) => store
            .clients()
            .map(|c| c.into_iter().map(|s| s.name).collect())
            .map_err(|e| e.to_string()),
        // No file yet: no clients yet.
        Ok(None) => Ok(Vec::new()),
        Err(e) => Err(e.to_string()),
    }
}

/// Applies a picker message.
pub fn update(app: &mut App<'_>, msg: ClientsMsg) -> Option<Effect> {
    match msg {
        ClientsMsg::Open => {
            let Some(at) = app.records_at.clone() else {
                app.status = "client records are not available here (see --db)".into();
                return None;
            };
            return Some(Effect::LoadClients { at });
        }
        ClientsMsg::Loaded(Ok(names)) => {
            app.overlay = Some(Overlay::Clients(ClientPicker {
                names,
                ..ClientPicker::default()
            }));
        }
        ClientsMsg::Loaded(Err(why)) => app.status = format!("clients: {why}"),
        ClientsMsg::Edit(edit) => {
            if let Some(Overlay::Clients(p)) = &mut app.overlay {
                apply(&mut p.filter, edit);
                p.selected = 0;
                p.error = None;
            }
        }
        ClientsMsg::Move(d) => {
            if let Some(Overlay::Clients(p)) = &mut app.overlay {
                let n = p.shown().len();
                if n > 0 {
                    p.selected = p.selected.saturating_add_signed(d).min(n - 1);
                }
            }
        }
        ClientsMsg::Accept => accept(app),
    }
    None
}

/// Picks the highlighted client, or starts the one typed.
fn accept(app: &mut App<'_>) {
    let (Some(Overlay::Clients(p)), Some(at)) = (&mut app.overlay, app.records_at.clone()) else {
        return;
    };
    let shown = p.shown();
    let (name, new) = match shown.get(p.selected) {
        Some(name) => ((*name).to_owned(), false),
        None => (p.filter.trim().to_owned(), true),
    };
    if let Err(why) = crate::records::check_client_name(&name) {
        p.error = Some(why);
        return;
    }
    app.overlay = None;
    app.status = if new {
        format!("new client {name}: s saves the intake as their first visit")
    } else {
        format!("client {name}: s saves the intake as their visit, H shows their history")
    };
    app.records = Some(ClientRecords {
        client: name,
        db: at.db,
        own_folder: at.own_folder,
    });
}
