//! Output: aligned tables and key/value lists for people, JSON for scripts.

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::failure::Result;
use crate::terminal::{Lines, inert};

/// How results are printed.
#[derive(Clone, Copy, Debug)]
pub struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as one pretty JSON document.
    pub fn json(&self, value: &impl Serialize) -> Result<()> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| crate::failure::Failure::other(e.to_string()))?;
        line(&text)
    }

    /// Prints `value` as one JSON line (streams).
    pub fn json_line(&self, value: &impl Serialize) -> Result<()> {
        let text = serde_json::to_string(value)
            .map_err(|e| crate::failure::Failure::other(e.to_string()))?;
        line(&text)
    }

    /// JSON when asked for, else `human()`.
    pub fn either(&self, value: &impl Serialize, human: impl FnOnce() -> String) -> Result<()> {
        if self.json {
            self.json(value)
        } else {
            human_line(human().trim_end_matches('\n'))
        }
    }
}

/// Writes text for people: whatever came from the server in it is made inert first.
pub fn human_line(text: &str) -> Result<()> {
    line(&inert(text, Lines::Keep))
}

/// Writes one line to stdout; a closed pipe (`| head`) ends quietly.
pub fn line(text: &str) -> Result<()> {
    write_out(&[text.as_bytes(), b"\n"])
}

/// Writes bytes to stdout as they are (a generated file); a closed pipe ends quietly.
pub fn bytes(data: &[u8]) -> Result<()> {
    write_out(&[data])
}

/// Writes the parts to stdout and flushes; a closed pipe (`| head`) is
/// [`Failure::reader_left`](crate::failure::Failure::reader_left), which ends the command
/// quietly with status 0.
fn write_out(parts: &[&[u8]]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    parts
        .iter()
        .try_for_each(|p| out.write_all(p))
        .and_then(|()| out.flush())
        .map_err(Into::into)
}

/// The terminal's width in columns when standard output is a terminal (`COLUMNS` first);
/// `None` for a pipe or a file, whose lines are never cut.
pub fn terminal_width() -> Option<usize> {
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return None;
    }
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(n);
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// An aligned table: a header row and rows of cells, columns padded by display width (CJK
/// characters count two). The last column is not padded; on a terminal it is cut to the
/// terminal's width (at least 20 columns), in a pipe never.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    // Cells are one line each, with nothing a terminal would obey.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| inert(c, Lines::Fold).into_owned())
                .collect()
        })
        .collect();
    let columns = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let rows = match terminal_width() {
        Some(total) if columns > 0 => {
            let before: usize = widths[..columns - 1].iter().map(|w| w + 2).sum();
            let last = total.saturating_sub(before).max(20);
            rows.into_iter()
                .map(|mut r| {
                    if let Some(cell) = r.get_mut(columns - 1) {
                        *cell = one_line(cell, last);
                    }
                    r
                })
                .collect()
        }
        _ => rows,
    };
    let rows = &rows;
    let mut out = String::new();
    let mut push_row = |cells: Vec<&str>| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    push_row(headers.to_vec());
    for row in rows {
        push_row(row.iter().map(String::as_str).collect());
    }
    if rows.is_empty() {
        out.push_str("(none)\n");
    }
    out
}

/// `key: value` lines, keys aligned.
pub fn fields(pairs: &[(&str, String)]) -> String {
    let width = pairs.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    pairs
        .iter()
        .map(|(k, v)| format!("{k}:{} {v}\n", " ".repeat(width - k.width())))
        .collect()
}

/// A message body on one line, shortened to `max` columns.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if flat.width() <= max {
        return flat;
    }
    let mut out = String::new();
    for c in flat.chars() {
        if out.width() + c.to_string().width() > max.saturating_sub(1) {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Bytes for people: `512 B`, `1.5 KiB`, `2.0 MiB`.
pub fn size(bytes: i64) -> String {
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} KiB", b / 1024.0)
    } else {
        format!("{:.1} MiB", b / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_display_width() {
        let t = table(
            &["ID", "NAME", "ROLE"],
            &[
                vec!["101".into(), "プロジェクト".into(), "admin".into()],
                vec!["7".into(), "Ops".into(), "member".into()],
            ],
        );
        assert_eq!(
            t,
            "ID   NAME          ROLE\n101  プロジェクト  admin\n7    Ops           member\n"
        );
        assert_eq!(table(&["ID"], &[]), "ID\n(none)\n");
    }

    #[test]
    fn bodies_are_flattened_and_shortened() {
        assert_eq!(one_line("a\nb", 10), "a b");
        assert_eq!(one_line("abcdefghij", 5), "abcd…");
        assert_eq!(one_line("日本語のテキスト", 7), "日本語…");
    }

    #[test]
    fn sizes() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(5 * 1024 * 1024), "5.0 MiB");
    }
}
