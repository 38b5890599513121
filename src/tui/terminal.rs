//! Terminal setup and one idempotent restore (raw mode, alternate screen, mouse capture,
//! cursor), called from `Drop`, the panic hook, on SIGTERM, SIGHUP, SIGINT and SIGQUIT,
//! and when the terminal goes away, so the user's shell always comes back usable. A
//! session ended by a signal exits 128 + the signal's number (SIGHUP 129, SIGINT 130,
//! SIGQUIT 131, SIGTERM 143), whichever thread ends it.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor::{Hide, Show},
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Once};

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

/// How often the watchdog checks that the terminal is still there.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// The signals that end a session: hang-up, interrupt, quit and terminate.
const ENDING: [i32; 4] = [
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGTERM,
];

/// The exit status of a session ended by `signal`: 128 + its number, as a shell reports
/// a process killed by it.
pub fn signal_status(signal: i32) -> u8 {
    u8::try_from(128 + signal.clamp(0, 127)).unwrap_or(u8::MAX)
}

/// The event side of a terminal session, shared by the explorer and study mode: the
/// handling of the ending signals, a watchdog on the terminal, and the event source.
///
/// On a signal the loop is asked to stop (it polls at least every 250 ms). When the
/// terminal has gone away crossterm's poll never returns (it keeps reading end of file
/// or the error in a loop), so the signal thread restores the terminal and ends the
/// process after a short grace. A terminal can also go away without a SIGHUP reaching
/// painmap (a wrapper that ignores it, or a terminal painmap is not the session of): the
/// watchdog sees that stdin is no longer a terminal (a hung-up tty fails every query)
/// and ends the session as a hang-up. Otherwise painmap would spin on a dead tty.
pub struct Events {
    /// The signal that ended the session, 0 while none did.
    stop: Arc<AtomicI32>,
    once: bool,
}

/// Records `signal` (the first one wins), gives the loop a moment to exit by itself,
/// then restores the terminal and ends the process with the signal's status.
fn end_on(stop: &AtomicI32, signal: i32) -> ! {
    let _ = stop.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
    std::thread::sleep(GRACE);
    restore();
    std::process::exit(i32::from(signal_status(stop.load(Ordering::SeqCst))));
}

/// Installs the signal handling and the watchdog, and takes over the terminal. With
/// `PAINMAP_EXIT_AFTER_FIRST_FRAME` set, the session ends after one frame.
pub fn start() -> io::Result<(TerminalGuard, Events)> {
    use std::io::IsTerminal;
    let stop = Arc::new(AtomicI32::new(0));
    let mut signals = signal_hook::iterator::Signals::new(ENDING)?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("painmap-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                end_on(&flag, signal);
            }
        })?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("painmap-tty-watch".into())
        .spawn(move || {
            while io::stdin().is_terminal() {
                std::thread::sleep(WATCH_EVERY);
            }
            end_on(&flag, signal_hook::consts::SIGHUP);
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
        self.once || self.stop.load(Ordering::SeqCst) != 0
    }

    /// 128 + the signal after an ending signal (or 129 when the terminal went away),
    /// else success.
    pub fn exit_code(&self) -> std::process::ExitCode {
        match self.stop.load(Ordering::SeqCst) {
            0 => std::process::ExitCode::SUCCESS,
            signal => std::process::ExitCode::from(signal_status(signal)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_exits_128_plus_its_number() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let codes: Vec<u8> = [SIGHUP, SIGINT, SIGQUIT, SIGTERM]
            .into_iter()
            .map(signal_status)
            .collect();
        assert_eq!(codes, [129, 130, 131, 143]);
        assert_eq!(ENDING.map(signal_status), [129, 130, 131, 143]);
        let events = Events {
            stop: Arc::new(AtomicI32::new(SIGHUP)),
            once: false,
        };
        assert!(events.stopped());
        assert_eq!(events.exit_code(), std::process::ExitCode::from(129));
    }
}
