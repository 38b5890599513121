//! The printable pages: `painmap handout` and `history --pdf` write PDFs that a real
//! reader (poppler's pdftotext and pdftoppm) opens, whose words are the atlas's and the
//! visit's, and whose page renders with the picture's colours. The poppler tests are
//! `#[ignore = "needs poppler"]`; `.ci/run` installs poppler-utils and runs them.

use crate::util::{code, painmap, scratch, stderr, stdout};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

fn on(db: &Path, args: &[&str]) -> Output {
    painmap().arg("--db").arg(db).args(args).output().unwrap()
}

/// The text poppler reads from the PDF, its blanks collapsed (a reader breaks lines
/// where the layout does).
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "pdftotext reads {}", path.display());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first page rendered by pdftoppm: (width, height, RGB bytes).
fn render(path: &Path, dir: &Path) -> (usize, usize, Vec<u8>) {
    let stem = dir.join("page");
    let ok = Command::new("pdftoppm")
        .args(["-r", "40", "-f", "1", "-l", "1", "-singlefile"])
        .arg(path)
        .arg(&stem)
        .status()
        .expect("pdftoppm runs (poppler-utils)");
    assert!(ok.success());
    let ppm = fs::read(stem.with_extension("ppm")).unwrap();
    // P6 <w> <h> <max>\n then the pixels.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = ppm[i + 1..].to_vec();
    assert_eq!(pixels.len(), w * h * 3);
    (w, h, pixels)
}

/// How many pixels are close to `rgb`.
fn count_near(pixels: &[u8], rgb: (u8, u8, u8)) -> usize {
    pixels
        .chunks_exact(3)
        .filter(|p| {
            p[0].abs_diff(rgb.0) < 28 && p[1].abs_diff(rgb.1) < 28 && p[2].abs_diff(rgb.2) < 28
        })
        .count()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_handout_is_a_pdf_written_owner_only() {
    let dir = scratch("pdf-plain");
    let path = dir.path().join("masseter.pdf");
    let out = painmap()
        .args(["handout", "masseter", "--out"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let bytes = fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    assert_eq!(mode(&path), 0o600);
    // An unknown muscle is one line and exit 2, and writes nothing.
    let bad = dir.path().join("bad.pdf");
    let out = painmap()
        .args(["handout", "no-such-muscle", "--out"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(!bad.exists());
}

#[test]
#[ignore = "needs poppler"]
fn the_handout_reads_as_the_atlas_says_and_its_picture_renders() {
    let dir = scratch("pdf-handout");
    let path = dir.path().join("masseter.pdf");
    let out = painmap()
        .args(["handout", "masseter", "--side", "left", "--out"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = pdf_text(&path);
    for words in [
        "Masseter",
        "left side shown",
        "Superficial layer, upper part",
        "Where to press",
        "Just under the cheekbone in the front of the muscle",
        "Self-care",
        // The atlas's own self-care text, whole.
        "Hold a warm cloth over the cheeks, then let the jaw drop open slowly a few times",
        "What can make it worse",
        "clenching or grinding (bruxism)",
        "Travell & Simons vol. 1 (2nd ed.), ch. 8; Davies ch. 4",
        "not a diagnosis",
    ] {
        assert!(text.contains(words), "{words:?} missing from: {text}");
    }
    let (w, h, pixels) = render(&path, dir.path());
    assert!(w > 200 && h > 300, "an A4 page: {w}x{h}");
    // The essential zone's red and the body's tone are on the page.
    assert!(count_near(&pixels, (200, 16, 46)) > 200, "red zones drawn");
    assert!(
        count_near(&pixels, (241, 220, 203)) > 2000,
        "the body drawn"
    );
}

#[test]
#[ignore = "needs poppler"]
fn the_intake_note_carries_the_whole_visit_and_renders() {
    let dir = scratch("pdf-note");
    let db = dir.path().join("clients.sqlite3");
    let out = on(
        &db,
        &[
            "visit",
            "MK-58",
            "left temple",
            "left jaw",
            "--intensity",
            "left temple=7",
            "--intensity",
            "left jaw=5",
            "--quality",
            "left temple=aching",
            "--symptom",
            "headache",
            "--age",
            "58",
            "--yes",
            "jaw-claudication",
            "--note",
            "Worse when chewing (two weeks)",
            "--date",
            "2026-11-03",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let path = dir.path().join("note.pdf");
    let out = on(&db, &["history", "MK-58", "--pdf", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("visit 1"));
    assert_eq!(mode(&path), 0o600);
    let text = pdf_text(&path);
    for words in [
        "Intake note: MK-58",
        "Date 2026-11-03",
        "Age 58",
        "RED FLAGS: refer to a physician",
        "giant-cell-arteritis",
        "See a physician the same day",
        "left temple: intensity 7/10, aching",
        "left jaw: intensity 5/10",
        "headache",
        "Does the jaw ache or tire when chewing, easing when they stop? yes",
        "Worse when chewing (two weeks)",
        "Candidates as ranked at the visit",
        "not a diagnosis",
    ] {
        assert!(text.contains(words), "{words:?} missing from: {text}");
    }
    let (_, _, pixels) = render(&path, dir.path());
    // The marked regions' blue over the body.
    assert!(
        count_near(&pixels, (141, 178, 207)) > 100,
        "marked regions drawn"
    );
    // Never replaced: a second note to the same file is refused, the first kept.
    let before = fs::read(&path).unwrap();
    let out = on(&db, &["history", "MK-58", "--pdf", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), before);
    // An unknown visit id is one line, exit 2.
    let other = dir.path().join("other.pdf");
    let out = on(
        &db,
        &[
            "history",
            "MK-58",
            "--pdf",
            other.to_str().unwrap(),
            "--visit",
            "9",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no visit 9"), "{}", stderr(&out));
    assert!(!other.exists());
}
