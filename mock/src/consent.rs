//! The consent screen as a page: plain HTML with its style inline, no script at all and
//! nothing from another site, so that it renders the same offline and in any browser. It
//! names the app (its client ID) and where it sends you back, says in words what each scope
//! allows, lets you choose the account, and posts "Allow" or "Deny" back to the same route
//! with the request's parameters.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// What the page forbids itself: every script, every other site, being framed.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/// Text made safe inside HTML text and quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The consent page for a checked request, given as its parameters (carried in the form as
/// they came): `people` to choose from (the first chosen), `scopes` with their words (the
/// spec's descriptions).
pub(crate) fn page(
    asked: &[(&str, &str)],
    people: &[(i64, String)],
    scopes: &[(&str, &str)],
) -> Response {
    let get = |name: &str| {
        asked
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| *v)
    };
    let words: String = get("scope")
        .split_ascii_whitespace()
        .map(|s| {
            let said = scopes
                .iter()
                .find(|(name, _)| *name == s)
                .map_or("", |(_, words)| *words);
            format!(
                "<li><strong>{}</strong> <code>{}</code></li>",
                escape(said),
                escape(s)
            )
        })
        .collect();
    let chooser: String = people
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            format!(
                "<label><input type=\"radio\" name=\"account\" value=\"{id}\" id=\"account-{id}\"{}> {} ({id})</label>",
                if i == 0 { " checked" } else { "" },
                escape(name)
            )
        })
        .collect();
    let hidden: String = asked
        .iter()
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{k}\" value=\"{}\">",
                escape(v)
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>Allow access to your Chatwork account? (local Chatwork)</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #222; margin: 0; }}
main {{ max-width: 34rem; margin: 3rem auto; background: #fff; border-radius: 8px; padding: 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.15); }}
h1 {{ font-size: 1.3rem; margin-top: 0; }}
code {{ background: #eef; padding: 0 .3em; border-radius: 3px; font-size: .85em; }}
fieldset {{ border: 1px solid #ccd; border-radius: 6px; }}
label {{ display: block; margin: .3rem 0; }}
.buttons {{ display: flex; gap: 1rem; margin-top: 1.5rem; }}
button {{ font-size: 1rem; padding: .6rem 1.6rem; border-radius: 6px; border: 1px solid #888; background: #fff; cursor: pointer; }}
button[value=allow] {{ background: #d62f32; border-color: #d62f32; color: #fff; }}
.note {{ color: #666; font-size: .85rem; }}
</style>
</head>
<body>
<main>
<h1>Allow <code id=\"client-id\">{client}</code> to use your Chatwork account?</h1>
<p>The app asks to:</p>
<ul id=\"scopes\">{words}</ul>
<p class=\"note\">Then you are sent back to <code id=\"redirect-uri\">{redirect}</code>.</p>
<form method=\"post\" action=\"/mock/oauth/authorize\">
{hidden}
<fieldset id=\"accounts\"><legend>Sign in as</legend>{chooser}</fieldset>
<div class=\"buttons\">
<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>
<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>
</div>
</form>
<p class=\"note\">This is the local Chatwork (chatwork-mock): no password is asked.</p>
</main>
</body>
</html>
",
        client = escape(get("client_id")),
        redirect = escape(get("redirect_uri")),
    );
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_request_says_is_text_on_the_page() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
