//! Notation parse throughput in MB/s, against a baseline measured in the same run: one pass
//! that only counts the `[` bytes of the same input (the least any tag scanner must do).
//! Measured on a realistic corpus and on hostile ones (deep nesting, thousands of unclosed
//! tags), each printed with its ratio to the realistic throughput.
//! `cargo bench --bench notation`
use std::hint::black_box;
use std::time::Instant;

use chatwork::notation::Document;

fn corpus() -> String {
    let message = "[rp aid=123 to=456-1928374655918273645]Bob\n[To:42]田中さん [To:43]Alice\n\
        [info][title]CI build #42[/title]All 1,234 tests passed in 3m12s ✅\n[hr]\
        [code]cargo test --workspace[/code][/info]\
        [qt][qtmeta aid=9 time=1384242850]Can you check the [b]release[/b] notes?[/qt]\
        Sure, looking at it now 🎉 [dtext:chatroom_added] plain text follows with some [brackets] and more words.\n";
    message.repeat(2_000)
}

fn mb_per_s(bytes: usize, rounds: u32, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed().as_secs_f64());
    }
    bytes as f64 / best / 1e6
}

/// Hostile bodies of about 1 MB each: what a room member could post to stall a parser.
fn worst_cases() -> Vec<(&'static str, String)> {
    const SIZE: usize = 1 << 20;
    let fill = |unit: &str| unit.repeat(SIZE / unit.len());
    let half = SIZE / 2 / "[qt][info]".len();
    vec![
        (
            "deep nesting [qt][info]..[/info][/qt]",
            format!(
                "{}x{}",
                "[qt][info]".repeat(half),
                "[/info][/qt]".repeat(half)
            ),
        ),
        ("unclosed [info]", fill("[info]")),
        ("unclosed [code]", fill("[code]")),
        (
            "unclosed mixed [qt]x[title][code]",
            fill("[qt]x[title][code]"),
        ),
        ("stray closes [/info][/qt]", fill("[/info][/qt]")),
        ("mentions [To:1]", fill("[To:1]")),
        ("brackets without tags [[a", fill("[[a")),
        ("open/close pairs [qt][/qt]", fill("[qt][/qt]")),
    ]
}

fn main() {
    let input = corpus();
    let rounds = 25;
    let baseline = mb_per_s(input.len(), rounds, || {
        black_box(
            black_box(input.as_bytes())
                .iter()
                .filter(|&&b| b == b'[')
                .count(),
        );
    });
    let parse = mb_per_s(input.len(), rounds, || {
        black_box(Document::parse(black_box(&input)));
    });
    let parse_render = mb_per_s(input.len(), rounds, || {
        black_box(Document::parse(black_box(&input)).render());
    });
    println!(
        "realistic corpus: {} bytes (best of {rounds} rounds)",
        input.len()
    );
    println!("baseline (count '[' bytes): {baseline:>9.1} MB/s");
    println!(
        "Document::parse:            {parse:>9.1} MB/s  ratio {:.3} of baseline",
        parse / baseline
    );
    println!(
        "parse + render:             {parse_render:>9.1} MB/s  ratio {:.3} of baseline",
        parse_render / baseline
    );
    println!("worst cases (about 1 MB each, best of 10 rounds), against realistic parse:");
    let mut slowest = f64::MAX;
    for (name, body) in worst_cases() {
        let base = mb_per_s(body.len(), 10, || {
            black_box(
                black_box(body.as_bytes())
                    .iter()
                    .filter(|&&b| b == b'[')
                    .count(),
            );
        });
        let mbs = mb_per_s(body.len(), 10, || {
            black_box(Document::parse(black_box(&body)));
        });
        slowest = slowest.min(mbs);
        println!(
            "  {name:<40} {mbs:>8.1} MB/s  realistic/this {:>5.2}x  baseline {base:>8.1} MB/s",
            parse / mbs
        );
    }
    println!(
        "slowest worst case: {slowest:.1} MB/s, {:.2}x slower than realistic (target <= 4x); realistic target >= 150 MB/s",
        parse / slowest
    );
}
