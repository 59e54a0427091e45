//! Text from other people made inert before it reaches a terminal: every C0 and C1 control
//! character (escape sequences start with one), DEL and the bidirectional-text controls are
//! shown as visible stand-ins instead of being obeyed. `--json` output needs none of this:
//! JSON escapes control characters itself.

use std::borrow::Cow;

/// What to do with line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// Keep `\n` (multi-line output of our own); a tab stays a tab.
    Keep,
    /// Fold `\n`, `\r` and tabs into spaces (a table cell, a one-line message).
    Fold,
}

/// `text` with nothing a terminal would act on.
pub fn inert(text: &str, lines: Lines) -> Cow<'_, str> {
    if !text.chars().any(|c| needs(c, lines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' if lines == Lines::Keep => out.push(c),
            '\n' | '\r' | '\t' if lines == Lines::Fold => out.push(' '),
            // C0 controls and DEL: their Unicode control pictures (ESC shows as ␛).
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('\u{2421}'),
            // C1 controls and the bidirectional controls: their code point, visibly.
            c if is_c1(c) || is_bidi(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs(c: char, lines: Lines) -> bool {
    match c {
        '\n' | '\t' => lines == Lines::Fold,
        c => c.is_control() || is_bidi(c),
    }
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// The controls that reorder how text is displayed (as in "Trojan Source").
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_shown_not_obeyed() {
        let attack = "ok\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}31m\u{202e}gnp.exe\u{7f}";
        assert_eq!(
            inert(attack, Lines::Keep),
            "ok␛]0;pwned␇␛[2J␍<U+009B>31m<U+202E>gnp.exe␡"
        );
        assert_eq!(inert("a\nb\tc\rd", Lines::Fold), "a b c d");
        assert_eq!(inert("a\nb\tc", Lines::Keep), "a\nb\tc");
        assert!(matches!(
            inert("日本語 plain", Lines::Fold),
            Cow::Borrowed(_)
        ));
    }
}
