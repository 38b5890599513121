//! Terminal setup and one idempotent restore (raw mode, alternate screen, mouse capture,
//! cursor), called from `Drop`, the panic hook and on SIGTERM/SIGHUP, so the user's shell
//! always comes back usable.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor::{Hide, Show},
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};
use std::io::{self, Stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is currently in the explorer's modes.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Puts the terminal back as it was. Safe to call any number of times, from anywhere.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Best effort: there is nowhere left to report a failure to.
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
    }
}

/// Owns the explorer's terminal; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal over stdout.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and mouse capture, and installs the panic
    /// hook that restores the terminal before the panic message is printed.
    pub fn new() -> io::Result<TerminalGuard> {
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        ACTIVE.store(true, Ordering::SeqCst);
        let setup = enable_raw_mode()
            .and_then(|()| execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Hide));
        if let Err(e) = setup {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// How long a signalled loop gets to exit by itself before the process is ended.
const GRACE: std::time::Duration = std::time::Duration::from_millis(600);

/// The event side of a terminal session, shared by the explorer and study mode: the
/// SIGTERM/SIGHUP handling and the event source.
///
/// On a signal the loop is asked to stop (it polls at least every 250 ms). When the
/// terminal has gone away crossterm's poll may never return (it keeps reading end of
/// file), so a signal thread restores the terminal and ends the process after a short
/// grace; otherwise a closed tmux or ssh session would leave painmap spinning.
pub struct Events {
    stop: std::sync::Arc<AtomicBool>,
    once: bool,
}

/// Installs the signal handling and takes over the terminal. With
/// `PAINMAP_EXIT_AFTER_FIRST_FRAME` set, the session ends after one frame.
pub fn start() -> io::Result<(TerminalGuard, Events)> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let flag = std::sync::Arc::clone(&stop);
    std::thread::Builder::new()
        .name("painmap-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                flag.store(true, Ordering::SeqCst);
                std::thread::sleep(GRACE);
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    let once = std::env::var_os(super::EXIT_AFTER_FIRST_FRAME).is_some_and(|v| v != "0");
    Ok((TerminalGuard::new()?, Events { stop, once }))
}

impl Events {
    /// The next event, or `None` when none came within 250 ms (so a stop is noticed).
    pub fn next(&self) -> io::Result<Option<ratatui::crossterm::event::Event>> {
        use ratatui::crossterm::event;
        if self.once {
            return Ok(None);
        }
        if event::poll(std::time::Duration::from_millis(250))? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Whether the loop should end: a signal came, or only one frame was wanted.
    pub fn stopped(&self) -> bool {
        self.once || self.stop.load(Ordering::SeqCst)
    }

    /// 143 after SIGTERM or SIGHUP, else success.
    pub fn exit_code(&self) -> std::process::ExitCode {
        if self.stop.load(Ordering::SeqCst) {
            std::process::ExitCode::from(143)
        } else {
            std::process::ExitCode::SUCCESS
        }
    }
}
