//! The operation catalog: every operation's shape (path, method, parameters with their types,
//! limits and enums, scopes, summary, the example answer), written as Rust data by
//! `cargo xtask gen` for the surfaces that derive from the spec: the local Chatwork's routes
//! and validation (`mock/src/operations.rs`), and the SDK's `chatwork::catalog`
//! (`generated/catalog.rs`), which the CLI's commands and the MCP tools read.
//!
//! The two files hold the same text: the types and the table, self-contained, so neither
//! crate depends on the other for them.

use std::fmt::Write as _;

use openapiv3::{
    OpenAPI, Parameter, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaKind, StatusCode, Type,
};

use crate::codegen;

/// The types every copy of the catalog declares.
const TYPES: &str = r#"/// One operation of Chatwork API v2, as the spec declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The operation ID (`list_files`): the SDK's method name.
    pub id: &'static str,
    /// The spec's tag (`files`): the group of the CLI's command.
    pub tag: &'static str,
    /// The verb of the CLI's command (`list`): the ID without the tag's words.
    pub verb: &'static str,
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: &'static str,
    /// The path under `/v2`, with `{name}` for each path parameter.
    pub path: &'static str,
    /// One line.
    pub summary: &'static str,
    /// What it does, in a few lines (Markdown).
    pub description: &'static str,
    /// The OAuth scopes any one of which allows it.
    pub scopes: &'static [&'static str],
    /// Its parameters: path first, then query, then body, each in the spec's order.
    pub params: &'static [Param],
    /// How a body travels, if it has one.
    pub body: Body,
    /// The spec's example of its `200` answer (JSON text), if any.
    pub example: Option<&'static str>,
    /// Whether Chatwork answers `204 No Content` when there is nothing to list.
    pub may_be_empty: bool,
}

/// How an operation's body travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    None,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
}

/// One parameter of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Param {
    /// The wire name (`account_id`).
    pub name: &'static str,
    /// Where it travels.
    pub location: Location,
    /// Whether Chatwork refuses a call without it.
    pub required: bool,
    /// The values it takes.
    pub kind: Kind,
    /// One or two sentences.
    pub description: &'static str,
    /// Chatwork's documented default, if any.
    pub default: Option<&'static str>,
}

/// Where a parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// In the path.
    Path,
    /// In the query string (reads).
    Query,
    /// In the form body (writes).
    Form,
    /// A part of a `multipart/form-data` body.
    Multipart,
}

/// The values a parameter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A whole number (decimal), within the bounds when given.
    Integer {
        /// The least value allowed.
        min: Option<i64>,
        /// The greatest value allowed.
        max: Option<i64>,
    },
    /// One of these values, as written.
    OneOf(&'static [&'static str]),
    /// Text of `min` to `max` characters, of `charset` when given.
    Text {
        /// The fewest characters allowed.
        min: Option<u64>,
        /// The most characters allowed.
        max: Option<u64>,
        /// The characters allowed.
        charset: Option<Charset>,
    },
    /// A file's bytes (a multipart part with a file name).
    File,
}

/// The characters a text parameter allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Charset {
    /// Decimal digits (`^[0-9]+$`): a message ID.
    Digits,
    /// Comma-separated decimal numbers (`^[0-9]+(,[0-9]+)*$`): account IDs.
    DigitList,
    /// Letters, digits, `_` and `-` (`^[A-Za-z0-9_-]+$`).
    Word,
}

impl Param {
    /// Why `value` is not a value of this parameter, in Chatwork's words
    /// (`Parameter 'limit' must be an integer`), or `None` when it is one.
    pub fn refuse(&self, value: &str) -> Option<String> {
        let name = self.name;
        match self.kind {
            Kind::Integer { min, max } => match value.trim().parse::<i64>() {
                Err(_) => Some(format!("Parameter '{name}' must be an integer")),
                Ok(n) if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) => {
                    Some(format!(
                        "Parameter '{name}' must be {}",
                        range(min.map(|m| m as i128), max.map(|m| m as i128), "")
                    ))
                }
                Ok(_) => None,
            },
            Kind::OneOf(values) => (!values.contains(&value))
                .then(|| format!("Parameter '{name}' must be {}", one_of(values))),
            Kind::Text { min, max, charset } => {
                let len = value.chars().count() as u64;
                if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                    return Some(format!(
                        "Parameter '{name}' must be {}",
                        range(min.map(i128::from), max.map(i128::from), " characters")
                    ));
                }
                let ok = match charset {
                    None => true,
                    Some(Charset::Digits) => {
                        !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
                    }
                    Some(Charset::DigitList) => value
                        .split(',')
                        .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())),
                    Some(Charset::Word) => value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
                };
                (!ok).then(|| {
                    format!(
                        "Parameter '{name}' must be {}",
                        match charset {
                            Some(Charset::Digits) => "a decimal number",
                            Some(Charset::DigitList) => "comma-separated decimal numbers",
                            _ => "letters, digits, '_' or '-'",
                        }
                    )
                })
            }
            Kind::File => None,
        }
    }

    /// The values it takes, in a few words (`an integer`, `open or done`).
    pub fn values(&self) -> String {
        match self.kind {
            Kind::Integer { min, max } if min.is_some() || max.is_some() => format!(
                "an integer, {}",
                range(min.map(|m| m as i128), max.map(|m| m as i128), "")
            ),
            Kind::Integer { .. } => "an integer".into(),
            Kind::OneOf(values) => one_of(values),
            Kind::Text { charset: Some(Charset::Digits), .. } => "a decimal number".into(),
            Kind::Text { charset: Some(Charset::DigitList), .. } => {
                "comma-separated decimal numbers".into()
            }
            Kind::Text { min, max, charset } => {
                let mut s = match charset {
                    Some(_) => "letters, digits, '_' or '-'".to_owned(),
                    None => "text".to_owned(),
                };
                if min.is_some() || max.is_some() {
                    s.push_str(", ");
                    s.push_str(&range(min.map(i128::from), max.map(i128::from), " characters"));
                }
                s
            }
            Kind::File => "a file".into(),
        }
    }
}

fn range(min: Option<i128>, max: Option<i128>, unit: &str) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} to {b}{unit}"),
        (Some(a), None) => format!("at least {a}{unit}"),
        (None, Some(b)) => format!("at most {b}{unit}"),
        (None, None) => String::new(),
    }
}

fn one_of(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] if values.len() <= 3 => format!("{} or {last}", init.join(", ")),
        _ => format!("one of {}", values.join(", ")),
    }
}

impl Operation {
    /// The parameter named `name`.
    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// The operation with ID `id`.
pub fn operation(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.id == id)
}
"#;

/// The catalog's text (the same for every crate that holds a copy).
///
/// # Errors
///
/// When an operation uses a schema the catalog cannot express (a pattern it does not know,
/// a parameter without a type), naming the operation and the parameter.
pub fn render(spec: &OpenAPI) -> Result<String, String> {
    let components = spec.components.clone().unwrap_or_default();
    let mut out = String::from(
        "// Written by `cargo xtask gen` from spec/chatwork.yaml; do not edit.\n\n\
         //! Every operation of Chatwork API v2 as the spec declares it: path, method, parameters\n\
         //! (types, limits, enums, where they travel), scopes, summary and the example answer.\n\
         //! The surfaces derived from the spec read it: the local Chatwork's routes and\n\
         //! validation, the CLI's commands and the MCP tools.\n\n",
    );
    out.push_str(TYPES);
    out.push_str(
        "\n/// Every operation, in the spec's order.\npub const OPERATIONS: &[Operation] = &[\n",
    );
    for facts in codegen::operation_facts(spec) {
        let item = spec
            .paths
            .paths
            .get(&facts.path)
            .and_then(|p| p.as_item())
            .ok_or_else(|| format!("no path {}", facts.path))?;
        let op = item
            .iter()
            .find(|(m, _)| m.eq_ignore_ascii_case(&facts.method))
            .map(|(_, o)| o)
            .ok_or_else(|| format!("no {} {}", facts.method, facts.path))?;
        let id = &facts.operation_id;
        let tag = op
            .tags
            .first()
            .ok_or_else(|| format!("{id} has no tag"))?
            .clone();
        let scopes = scopes(spec, op).ok_or_else(|| format!("{id} has no OAuth scope"))?;
        let mut params = Vec::new();
        let mut by_location: Vec<(&Parameter, &str)> = Vec::new();
        for p in item.parameters.iter().chain(op.parameters.iter()) {
            let p = match p {
                ReferenceOr::Item(p) => p,
                ReferenceOr::Reference { reference } => components
                    .parameters
                    .get(ref_name(reference))
                    .and_then(|p| p.as_item())
                    .ok_or_else(|| format!("{id}: unknown parameter {reference}"))?,
            };
            let location = match p {
                Parameter::Path { .. } => "Path",
                Parameter::Query { .. } => "Query",
                _ => {
                    return Err(format!(
                        "{id}: only path and query parameters are supported"
                    ));
                }
            };
            by_location.push((p, location));
        }
        by_location.sort_by_key(|(_, l)| *l != "Path");
        for (p, location) in by_location {
            let data = p.parameter_data_ref();
            let ParameterSchemaOrContent::Schema(schema) = &data.format else {
                return Err(format!("{id}: parameter {} has no schema", data.name));
            };
            let (kind, default, description) = kind(&components, schema)
                .map_err(|e| format!("{id}: parameter {}: {e}", data.name))?;
            params.push(param(
                &data.name,
                location,
                data.required,
                &kind,
                data.description.as_deref().unwrap_or(&description),
                default,
            ));
        }
        let mut body = "None";
        if let Some(request) = op.request_body.as_ref().and_then(|b| b.as_item()) {
            let (media, content) = request
                .content
                .iter()
                .next()
                .ok_or_else(|| format!("{id}: a request body without content"))?;
            let location = match media.as_str() {
                "application/x-www-form-urlencoded" => "Form",
                "multipart/form-data" => "Multipart",
                other => return Err(format!("{id}: a body of {other} is not supported")),
            };
            body = location;
            let schema = content
                .schema
                .as_ref()
                .and_then(|s| codegen::resolve_schema(&components, s))
                .ok_or_else(|| format!("{id}: a body without a schema"))?;
            let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
                return Err(format!("{id}: a body that is not an object"));
            };
            for (name, prop) in &object.properties {
                let prop = match prop {
                    ReferenceOr::Item(s) => ReferenceOr::Item((**s).clone()),
                    ReferenceOr::Reference { reference } => ReferenceOr::Reference {
                        reference: reference.clone(),
                    },
                };
                let (kind, default, description) =
                    kind(&components, &prop).map_err(|e| format!("{id}: field {name}: {e}"))?;
                params.push(param(
                    name,
                    location,
                    object.required.contains(name),
                    &kind,
                    &description,
                    default,
                ));
            }
        }
        let responses = &op.responses.responses;
        let example = responses
            .get(&StatusCode::Code(200))
            .and_then(|r| r.as_item())
            .and_then(|r| r.content.get("application/json"))
            .and_then(|m| m.example.as_ref())
            .map(|e| e.to_string());
        let may_be_empty = responses.contains_key(&StatusCode::Code(204));
        let verb = verb(id, &tag);
        writeln!(
            out,
            "    Operation {{\n        id: {id:?},\n        tag: {tag:?},\n        verb: {verb:?},\n        method: {:?},\n        path: {:?},\n        summary: {:?},\n        description: {:?},\n        scopes: &[{}],\n        params: &[{}],\n        body: Body::{body},\n        example: {},\n        may_be_empty: {may_be_empty},\n    }},",
            facts.method.to_ascii_uppercase(),
            facts.path,
            facts.summary.trim(),
            facts.description.trim(),
            scopes
                .iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", "),
            params.join(""),
            match example {
                Some(e) => format!("Some({e:?})"),
                None => "None".into(),
            },
        )
        .map_err(|e| e.to_string())?;
    }
    out.push_str("];\n");
    Ok(out)
}

/// The OAuth scopes of an operation (its own `security`, or the document's).
pub fn scopes<'a>(spec: &'a OpenAPI, op: &'a openapiv3::Operation) -> Option<Vec<&'a str>> {
    let security = op.security.as_ref().or(spec.security.as_ref());
    let mut scopes: Vec<&str> = security
        .into_iter()
        .flatten()
        .filter_map(|req| req.get("oauth2"))
        .flatten()
        .map(String::as_str)
        .collect();
    scopes.dedup();
    (!scopes.is_empty()).then_some(scopes)
}

/// The CLI verb of an operation: its ID's words without the tag's (singular or plural), joined
/// by `-` (`update_task_status` in `tasks` is `update-status`).
pub fn verb(id: &str, tag: &str) -> String {
    let tag_words: Vec<String> = tag
        .split('_')
        .flat_map(|w| [w.to_owned(), w.trim_end_matches('s').to_owned()])
        .collect();
    let words: Vec<&str> = id
        .split('_')
        .filter(|w| !tag_words.iter().any(|t| t == w))
        .collect();
    if words.is_empty() {
        id.replace('_', "-")
    } else {
        words.join("-")
    }
}

fn ref_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

fn param(
    name: &str,
    location: &str,
    required: bool,
    kind: &str,
    description: &str,
    default: Option<String>,
) -> String {
    format!(
        "\n            Param {{\n                name: {name:?},\n                location: Location::{location},\n                required: {required},\n                kind: {kind},\n                description: {:?},\n                default: {},\n            }},",
        description.trim(),
        match default {
            Some(d) => format!("Some({d:?})"),
            None => "None".into(),
        }
    )
}

/// A schema as a `Kind` expression, its default and its description (through one `allOf` or
/// `$ref`).
fn kind(
    components: &openapiv3::Components,
    schema: &ReferenceOr<Schema>,
) -> Result<(String, Option<String>, String), String> {
    let resolved =
        codegen::resolve_schema(components, schema).ok_or("an unknown schema reference")?;
    let description = resolved.schema_data.description.clone().unwrap_or_default();
    let default = resolved.schema_data.default.as_ref().map(|d| match d {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let kind = match &resolved.schema_kind {
        SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
            let (kind, inner_default, inner_description) = kind(components, &all_of[0])?;
            let description = if description.is_empty() {
                inner_description
            } else {
                description
            };
            return Ok((kind, default.or(inner_default), description));
        }
        SchemaKind::Type(Type::Integer(i)) if !i.enumeration.is_empty() => format!(
            "Kind::OneOf(&[{}])",
            i.enumeration
                .iter()
                .flatten()
                .map(|v| format!("{:?}", v.to_string()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        SchemaKind::Type(Type::Integer(i)) => format!(
            "Kind::Integer {{ min: {:?}, max: {:?} }}",
            i.minimum.map(|m| m + i64::from(i.exclusive_minimum)),
            i.maximum.map(|m| m - i64::from(i.exclusive_maximum)),
        ),
        SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => format!(
            "Kind::OneOf(&[{}])",
            s.enumeration
                .iter()
                .flatten()
                .map(|v| format!("{v:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        SchemaKind::Type(Type::String(s))
            if matches!(
                s.format,
                openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Binary)
            ) =>
        {
            "Kind::File".into()
        }
        SchemaKind::Type(Type::String(s)) => {
            let charset = match s.pattern.as_deref() {
                None => "None",
                Some("^[0-9]+$") => "Some(Charset::Digits)",
                Some("^[0-9]+(,[0-9]+)*$") => "Some(Charset::DigitList)",
                Some("^[A-Za-z0-9_-]+$") => "Some(Charset::Word)",
                Some(other) => {
                    return Err(format!(
                        "the pattern {other:?} has no Charset in the catalog: add one"
                    ));
                }
            };
            format!(
                "Kind::Text {{ min: {:?}, max: {:?}, charset: {charset} }}",
                s.min_length.map(|n| n as u64),
                s.max_length.map(|n| n as u64)
            )
        }
        SchemaKind::Type(Type::Boolean(_)) => "Kind::OneOf(&[\"0\", \"1\"])".into(),
        _ => return Err("a schema the catalog cannot express".into()),
    };
    Ok((kind, default, description))
}
