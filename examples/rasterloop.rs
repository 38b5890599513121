//! Rasterizes the front view at 200x60 many times (for profiling).
use painmap::atlas::Side;
use painmap::body::ViewId;
use painmap::body::raster::{Raster, Viewport};

fn main() {
    let model = painmap::body::shipped();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let start = std::time::Instant::now();
    let mut cells = 0;
    for _ in 0..n {
        let r = Raster::new(model, Viewport::new(ViewId::Front, Side::Right, 200, 60));
        cells += r.cells().len();
    }
    eprintln!("{:?} per raster ({cells})", start.elapsed() / n as u32);
}
