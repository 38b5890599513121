//! The terminal session: one owner of the terminal's state, the input, and the signals.
//!
//! **One owner.** Every byte of a frame goes through [`Gate`], which sends a frame whole
//! at its flush, and only while the session holds the terminal; [`restore`] takes the
//! same lock, puts the terminal back (raw mode off, alternate screen left, mouse
//! reporting and bracketed paste off, cursor shown) and closes the gate. So a restore is
//! always the last thing written, whichever thread does it: a frame drawn after it is
//! dropped. It is called from `Drop`, the panic hook, the signal thread and the loop.
//!
//! **Signals.** SIGHUP, SIGINT, SIGQUIT and SIGTERM end the session: the loop is woken at
//! once, returns, and the terminal is restored; if the loop does not return within
//! [`GRACE`] (a dead terminal, a frame that takes seconds) the signal thread restores it
//! and ends the process. The status is 128 + the signal's number. Ctrl-Z and SIGTSTP
//! restore the terminal and stop the process; on SIGCONT the loop takes the terminal
//! again (raw mode, alternate screen, mouse) and draws the whole screen anew. A resize
//! (SIGWINCH) is an event.
//!
//! **Input.** Bytes are read here and decoded by [`crate::term::keys`], so an answer to
//! the graphics query that arrives late is dropped, never typed, and a paste is one
//! event.

use crate::term::keys::{Decoder, Input};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor::{Hide, Show},
    event::{
        DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
        Event, KeyCode, KeyModifiers,
    },
    execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read as _, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once};
use std::time::{Duration, Instant};

/// Whether the session holds the terminal; the lock every write and the restore take.
static OWNER: Mutex<bool> = Mutex::new(false);
static HOOK: Once = Once::new();

/// How long a thread waits for the lock before it gives up (a write blocked on a
/// terminal that stopped reading must not keep the process from ending).
const LOCK_WAIT: Duration = Duration::from_secs(1);

/// The lock, waited for at most [`LOCK_WAIT`]; a lock poisoned by a panic is still
/// usable (it guards one flag).
fn owner() -> Option<MutexGuard<'static, bool>> {
    let start = Instant::now();
    loop {
        match OWNER.try_lock() {
            Ok(g) => return Some(g),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// Puts the terminal back as it was. Safe to call any number of times, from any thread;
/// no frame is written after it.
pub fn restore() {
    let Some(mut held) = owner() else { return };
    if *held {
        // Best effort: there is nowhere left to report a failure to.
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
        *held = false;
    }
}

/// Takes the terminal: raw mode, the alternate screen, mouse reporting, bracketed paste,
/// the cursor hidden. On failure the terminal is put back.
fn enter() -> io::Result<()> {
    let mut held = owner().ok_or_else(|| io::Error::other("the terminal is busy"))?;
    *held = true;
    let setup = enable_raw_mode().and_then(|()| {
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            Hide
        )
    });
    drop(held);
    if setup.is_err() {
        restore();
    }
    setup
}

/// The writer frames go through: a frame is kept until its flush, then written whole
/// while the session holds the terminal, and dropped after a restore.
#[derive(Debug, Default)]
pub struct Gate {
    frame: Vec<u8>,
}

impl Write for Gate {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let frame = std::mem::take(&mut self.frame);
        let Some(held) = owner() else {
            return Ok(());
        };
        if !*held {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(&frame)?;
        out.flush()
    }
}

/// Owns the explorer's terminal; restores it when dropped.
pub struct TerminalGuard {
    /// The ratatui terminal over the gate.
    pub terminal: Terminal<CrosstermBackend<Gate>>,
}

impl TerminalGuard {
    /// Takes the terminal and installs the panic hook that restores it before the panic
    /// message is printed.
    pub fn new() -> io::Result<TerminalGuard> {
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        enter()?;
        match Terminal::new(CrosstermBackend::new(Gate::default())) {
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
pub const GRACE: Duration = Duration::from_millis(600);

/// How often the watchdog checks that the terminal is still there.
const WATCH_EVERY: Duration = Duration::from_millis(250);

/// How long the loop waits for input before it looks at the stop flag again.
const TICK: Duration = Duration::from_millis(250);

/// The signals that end a session: hang-up, interrupt, quit and terminate.
const ENDING: [i32; 4] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM];

/// The exit status of a session ended by `signal`: 128 + its number, as a shell reports
/// a process killed by it.
pub fn signal_status(signal: i32) -> u8 {
    u8::try_from(128 + signal.clamp(0, 127)).unwrap_or(u8::MAX)
}

/// The input side of a session: the terminal's bytes decoded, and the signals that
/// reached the process (through a socket the signal thread writes their numbers to).
struct Reader {
    decoder: Decoder,
    queue: VecDeque<Event>,
    signals: UnixStream,
    last_byte: Instant,
}

/// The event side of a terminal session, shared by the explorer and study mode: the
/// signals, a watchdog on the terminal, and the event source.
///
/// A terminal can go away without a SIGHUP reaching painmap (a wrapper that ignores it,
/// or a terminal painmap is not the session of): the watchdog sees that stdin is no
/// longer a terminal and ends the session as a hang-up.
pub struct Events {
    /// The signal that ended the session, 0 while none did.
    stop: Arc<AtomicI32>,
    once: bool,
    reader: RefCell<Reader>,
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
    let mut signals =
        signal_hook::iterator::Signals::new(ENDING.iter().chain(&[SIGTSTP, SIGCONT, SIGWINCH]))?;
    let (wake_read, mut wake_write) = UnixStream::pair()?;
    wake_read.set_nonblocking(true)?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("painmap-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let _ = wake_write.write_all(&[signal as u8]);
                if ENDING.contains(&signal) {
                    end_on(&flag, signal);
                }
            }
        })?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("painmap-tty-watch".into())
        .spawn(move || {
            while io::stdin().is_terminal() {
                std::thread::sleep(WATCH_EVERY);
            }
            end_on(&flag, SIGHUP);
        })?;
    let once = std::env::var_os(super::EXIT_AFTER_FIRST_FRAME).is_some_and(|v| v != "0");
    let reader = Reader {
        decoder: Decoder::new(),
        queue: VecDeque::new(),
        signals: wake_read,
        last_byte: Instant::now(),
    };
    Ok((
        TerminalGuard::new()?,
        Events {
            stop,
            once,
            reader: RefCell::new(reader),
        },
    ))
}

/// Stops the process as Ctrl-Z would, with the terminal put back first; on return (after
/// SIGCONT) the terminal is taken again.
fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter()
}

impl Events {
    /// The next event, or `None` when none came within 250 ms (so a stop is noticed).
    pub fn next(&self) -> io::Result<Option<Event>> {
        if self.once {
            return Ok(None);
        }
        let mut reader = self.reader.borrow_mut();
        if let Some(e) = reader.queue.pop_front() {
            return Ok(Some(e));
        }
        reader.fill(&self.stop)?;
        Ok(reader.queue.pop_front())
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

/// A resize event of the terminal's size now (after a resize or a return from a
/// suspend, so the loop draws everything anew).
fn resized() -> Option<Event> {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, h)| Event::Resize(w, h))
}

impl Reader {
    /// Waits up to a tick for input or a signal, and queues what came.
    fn fill(&mut self, stop: &AtomicI32) -> io::Result<()> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let wait = self.decoder.waiting().unwrap_or(TICK).min(TICK);
        let stdin = io::stdin();
        let mut fds = [
            PollFd::new(&stdin, PollFlags::IN),
            PollFd::new(&self.signals, PollFlags::IN),
        ];
        let ts = Timespec {
            tv_sec: 0,
            tv_nsec: i64::from(wait.subsec_nanos()),
        };
        match poll(&mut fds, Some(&ts)) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
        let input_ready = !fds[0].revents().is_empty();
        let signal_ready = !fds[1].revents().is_empty();
        let mut inputs = Vec::new();
        if input_ready {
            let mut buf = [0u8; 8192];
            let n = rustix::io::read(&stdin, &mut buf)?;
            if n == 0 {
                // End of input: the terminal is gone.
                let _ = stop.compare_exchange(0, SIGHUP, Ordering::SeqCst, Ordering::SeqCst);
                return Ok(());
            }
            self.decoder.push(&buf[..n], &mut inputs);
            self.last_byte = Instant::now();
        } else {
            self.decoder.idle(self.last_byte.elapsed(), &mut inputs);
        }
        for input in inputs {
            match input {
                Input::Event(Event::Key(k))
                    if k.code == KeyCode::Char('z') && k.modifiers == KeyModifiers::CONTROL =>
                {
                    suspend()?;
                    self.queue.extend(resized());
                }
                Input::Event(e) => self.queue.push_back(e),
                Input::Reply(_) => {}
            }
        }
        if signal_ready {
            let mut got = [0u8; 64];
            let n = (&self.signals).read(&mut got).unwrap_or(0);
            for &signal in &got[..n] {
                match i32::from(signal) {
                    SIGTSTP => {
                        suspend()?;
                        self.queue.extend(resized());
                    }
                    SIGCONT => {
                        // Continued without our own stop (SIGSTOP, a debugger): take the
                        // terminal again, whatever state it was left in.
                        enter()?;
                        self.queue.extend(resized());
                    }
                    SIGWINCH => self.queue.extend(resized()),
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_exits_128_plus_its_number() {
        let codes: Vec<u8> = [SIGHUP, SIGINT, SIGQUIT, SIGTERM]
            .into_iter()
            .map(signal_status)
            .collect();
        assert_eq!(codes, [129, 130, 131, 143]);
        assert_eq!(ENDING.map(signal_status), [129, 130, 131, 143]);
    }

    #[test]
    fn no_frame_is_written_after_a_restore() {
        // The gate writes only while the session holds the terminal: with the flag down
        // (as after a restore) a frame is dropped, not sent.
        let mut gate = Gate::default();
        gate.write_all(b"\x1b[?25l").unwrap();
        {
            let held = owner().unwrap();
            assert!(!*held, "no session in unit tests");
        }
        gate.flush().unwrap();
        assert!(gate.frame.is_empty(), "the frame is consumed, and dropped");
    }
}
