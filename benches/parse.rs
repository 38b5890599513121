//! Free text: building the lexicon for the shipped atlas (once per process, on the first
//! phrase), and reading one phrase, for a short, a typical and a long phrase with typos,
//! and over the whole corpus (`tests/phrases.txt`, reported per phrase).
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use painmap::atlas::Atlas;
use painmap::parse::Lexicon;
use std::hint::black_box;
use std::time::Duration;

const PHRASES: [(&str, &str); 3] = [
    ("short", "L temple"),
    (
        "typical",
        "pain behind my left knee and in the calf, burning",
    ),
    (
        "long+typos",
        "client reports a dull ache in the rt shouldr blade and between the shoulder blades, \
         shooting down the back of the arm to the pinky, pins and needles, no numbness, \
         worse at night and when sitting at the computer",
    ),
];

fn corpus() -> Vec<String> {
    include_str!("../tests/phrases.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('|').next().map(|t| t.trim().to_string()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let atlas = Atlas::shipped().expect("the shipped atlas");
    let mut group = c.benchmark_group("lexicon");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("build", |b| {
        b.iter(|| Lexicon::for_atlas(black_box(&atlas)).expect("the shipped lexicon"));
    });
    group.finish();

    let lexicon = Lexicon::for_atlas(&atlas).expect("the shipped lexicon");
    let mut group = c.benchmark_group("parse");
    for (name, text) in PHRASES {
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| lexicon.read(black_box(text)));
        });
    }
    let corpus = corpus();
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for text in &corpus {
                black_box(lexicon.read(black_box(text)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
