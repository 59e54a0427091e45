//! The custom call: `api METHOD PATH`.

use clap::Args;

use crate::context::Ctx;
use crate::failure::{Failure, Result};
use crate::input;

#[derive(Args, Debug)]
pub struct Api {
    /// GET, POST, PUT, PATCH or DELETE.
    pub method: String,
    /// A path under the base URL, as pasted: /rooms/101/messages, /v2/rooms/101/messages?force=1,
    /// or a full URL under the base URL.
    pub path: String,
    /// A query parameter k=v; repeatable.
    #[arg(long, value_name = "K=V")]
    pub query: Vec<String>,
    /// A form field k=v; repeatable.
    #[arg(long, value_name = "K=V")]
    pub form: Vec<String>,
    /// A header k:v; repeatable.
    #[arg(long, value_name = "K:V")]
    pub header: Vec<String>,
    /// A raw body (`@FILE` reads a file, `-` standard input); JSON if it parses as JSON.
    #[arg(long, value_name = "BODY", conflicts_with = "form")]
    pub data: Option<String>,
}

fn pair<'a>(text: &'a str, sep: char, what: &str) -> Result<(&'a str, &'a str)> {
    text.split_once(sep)
        .ok_or_else(|| Failure::usage(format!("{what} {text:?} is not of the form k{sep}v")))
}

/// What users paste as the `api` path: `/rooms/1`, `/v2/rooms/1`, `rooms/1`, with a query
/// (`?force=1`), or a full URL under the base URL. Returns the path under the base URL and the
/// query's pairs; a URL elsewhere is refused (the token goes to the base URL's host only).
pub fn api_path(base_url: &str, given: &str) -> Result<(String, Vec<(String, String)>)> {
    let base = reqwest::Url::parse(base_url)
        .map_err(|e| Failure::usage(format!("the base URL {base_url:?} does not parse: {e}")))?;
    let base_path = base.path().trim_end_matches('/').to_owned();
    let relative = if given.starts_with("http://") || given.starts_with("https://") {
        let url = reqwest::Url::parse(given)
            .map_err(|e| Failure::usage(format!("{given:?} is not a URL: {e}")))?;
        let under_base = url.origin() == base.origin()
            && (url.path() == base_path || url.path().starts_with(&format!("{base_path}/")));
        if !under_base {
            return Err(Failure::usage(format!(
                "{given} is not under the base URL {base_url}; the token is sent there only"
            ))
            .hint("give a path such as /rooms, or set --base-url"));
        }
        let mut rest = url.path()[base_path.len()..].to_owned();
        if let Some(q) = url.query() {
            rest.push('?');
            rest.push_str(q);
        }
        rest
    } else {
        let path = if given.starts_with('/') {
            given.to_owned()
        } else {
            format!("/{given}")
        };
        // `/v2/rooms` pasted from the docs, with the base URL ending in `/v2`.
        match path.strip_prefix(&base_path) {
            Some(rest)
                if !base_path.is_empty() && (rest.is_empty() || rest.starts_with(['/', '?'])) =>
            {
                rest.to_owned()
            }
            _ => path,
        }
    };
    let (path, query) = relative.split_once('?').unwrap_or((&relative, ""));
    let path = match path.trim_end_matches('/') {
        "" => "/".to_owned(),
        p if p.starts_with('/') => p.to_owned(),
        p => format!("/{p}"),
    };
    let pairs = reqwest::Url::parse(&format!("http://query.invalid/?{query}"))
        .map(|u| {
            u.query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    Ok((path, pairs))
}

pub async fn api(ctx: &Ctx, a: Api) -> Result<()> {
    let (path, pasted_query) = api_path(ctx.client.base_url(), &a.path)?;
    let mut req = ctx
        .client
        .raw(a.method.to_uppercase().as_str(), path.as_str());
    for (k, v) in &pasted_query {
        req = req.query(k, v);
    }
    for q in &a.query {
        let (k, v) = pair(q, '=', "--query")?;
        req = req.query(k, v);
    }
    for f in &a.form {
        let (k, v) = pair(f, '=', "--form")?;
        req = req.form(k, v);
    }
    for h in &a.header {
        let (k, v) = pair(h, ':', "--header")?;
        req = req.header(k.trim(), v.trim());
    }
    if let Some(data) = &a.data {
        let bytes = if data == "-" {
            input::read_stdin()?.into_bytes()
        } else if let Some(path) = data.strip_prefix('@') {
            std::fs::read(path).map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?
        } else {
            data.clone().into_bytes()
        };
        let content_type = if serde_json::from_slice::<serde_json::Value>(&bytes).is_ok() {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        req = req.body(bytes, content_type);
    }
    let response = req.send().await?;
    eprintln!("HTTP {}", response.status());
    print_body(response.bytes())
}

/// An answer's body on standard output: JSON pretty-printed, other text as it came; exact
/// bytes for a pipe, nothing a terminal would obey on a terminal.
pub fn print_body(body: &[u8]) -> Result<()> {
    let printed = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(v) if !body.is_empty() => serde_json::to_string_pretty(&v).unwrap_or_default(),
        _ => String::from_utf8_lossy(body).into_owned(),
    };
    if !printed.is_empty() {
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            crate::output::human_line(&printed)?;
        } else {
            crate::output::line(&printed)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths_are_taken_as_pasted() {
        let base = "https://api.chatwork.com/v2";
        let ok = |given: &str| api_path(base, given).unwrap();
        let q = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ok("/rooms/106/messages"),
            ("/rooms/106/messages".into(), vec![])
        );
        assert_eq!(
            ok("/v2/rooms/106/messages/?force=1"),
            ("/rooms/106/messages".into(), q(&[("force", "1")]))
        );
        assert_eq!(ok("rooms"), ("/rooms".into(), vec![]));
        assert_eq!(
            ok("https://api.chatwork.com/v2/rooms/106/files?account_id=1&x=a%20b"),
            (
                "/rooms/106/files".into(),
                q(&[("account_id", "1"), ("x", "a b")])
            )
        );
        for elsewhere in [
            "https://evil.example/v2/rooms",
            "http://api.chatwork.com/v2/rooms",
            "https://api.chatwork.com/v3/rooms",
            "https://api.chatwork.com/v2x/rooms",
        ] {
            assert!(api_path(base, elsewhere).is_err(), "{elsewhere}");
        }
    }
}
