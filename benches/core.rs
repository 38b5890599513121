//! The pure core at the shipped atlas (1x) and a 100x synthetic one (see
//! `examples/gen_atlas.rs`): parse + validate, building the search index, ranking a
//! selection, and one search per keystroke.
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use painmap::atlas::{Atlas, SHIPPED_ATLAS, synth};
use painmap::rank::{Selection, rank, rank_points, red_flags};
use painmap::search::SearchIndex;
use std::hint::black_box;
use std::time::Duration;

/// The atlases benched: name, text.
fn atlases() -> Vec<(&'static str, String)> {
    let big = synth::synthetic_text(100).expect("the synthetic atlas serializes");
    vec![("1x", SHIPPED_ATLAS.to_owned()), ("100x", big)]
}

fn selection(atlas: &Atlas) -> Selection {
    let mut s = Selection::default();
    for token in ["left temple", "left neck-side", "left shoulder-top"] {
        s.add(atlas.resolve_region(token).expect("a shipped region"));
    }
    s
}

fn bench(c: &mut Criterion) {
    let atlases = atlases();
    let mut group = c.benchmark_group("parse+validate");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, text) in &atlases {
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| Atlas::from_text(black_box(text), "bench.ron").expect("valid"));
        });
    }
    group.finish();

    let loaded: Vec<(&str, Atlas)> = atlases
        .iter()
        .map(|(name, text)| (*name, Atlas::from_text(text, "bench.ron").expect("valid")))
        .collect();

    let mut group = c.benchmark_group("search index build");
    group.sample_size(10);
    for (name, atlas) in &loaded {
        group.bench_with_input(BenchmarkId::from_parameter(name), atlas, |b, atlas| {
            b.iter(|| SearchIndex::new(black_box(atlas)));
        });
    }
    group.finish();

    // What `painmap rank` does: the best ten muscles (a partial selection), and the flags.
    let mut group = c.benchmark_group("rank 3 regions");
    for (name, atlas) in &loaded {
        let sel = selection(atlas);
        group.bench_with_input(BenchmarkId::from_parameter(name), atlas, |b, atlas| {
            b.iter(|| {
                let ranked = rank(atlas, black_box(&sel), 10);
                (ranked.total, red_flags(atlas, &sel).len())
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("rank 3 regions by point");
    for (name, atlas) in &loaded {
        let sel = selection(atlas);
        group.bench_with_input(BenchmarkId::from_parameter(name), atlas, |b, atlas| {
            b.iter(|| rank_points(atlas, black_box(&sel), 10).total);
        });
    }
    group.finish();

    // What the search box does on each keystroke: the whole query, searched afresh.
    let mut group = c.benchmark_group("search keystroke");
    for (name, atlas) in &loaded {
        let index = SearchIndex::new(atlas);
        for query in ["s", "st", "stern", "left side of neck"] {
            let id = BenchmarkId::new(*name, query);
            group.bench_with_input(id, &index, |b, index| {
                b.iter(|| index.search(black_box(query), 40));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
