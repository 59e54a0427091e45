//! Code generation from `spec/chatwork.yaml`, shared by `build.rs` and `cargo xtask gen`
//! so that the two can never drift apart.

pub mod wrapper;

use std::collections::BTreeSet;

use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};

/// Hand-written types that replace the spec's component schemas of the same name.
/// Each entry: component name, Rust path, the impls the generated code may rely on.
pub const REPLACEMENTS: &[(&str, &str)] = &[
    ("RoomId", "::chatwork::model::RoomId"),
    ("AccountId", "::chatwork::model::AccountId"),
    ("TaskId", "::chatwork::model::TaskId"),
    ("FileId", "::chatwork::model::FileId"),
    ("RequestId", "::chatwork::model::RequestId"),
    ("MessageId", "::chatwork::model::MessageId"),
    ("AccountIds", "::chatwork::model::AccountIds"),
    ("Flag", "::chatwork::model::Flag"),
    ("UnixTime", "::chatwork::model::UnixTime"),
    ("RoomType", "::chatwork::model::RoomType"),
    ("Role", "::chatwork::model::Role"),
    ("TaskStatus", "::chatwork::model::TaskStatus"),
    ("TaskLimitType", "::chatwork::model::TaskLimitType"),
    ("IconPreset", "::chatwork::model::IconPreset"),
    ("WebhookEventType", "::chatwork::model::WebhookEventType"),
];

/// What the spec says about one operation, as the hand-written layer needs it.
#[derive(Debug, Clone)]
pub struct OperationFacts {
    pub operation_id: String,
    pub method: String,
    pub path: String,
    /// 200 answers with a JSON array: the wrapper applies `limit` and maps 204 to `[]`.
    pub is_list: bool,
    /// The Rust type of the 200 body (`Vec<types::RoomSummary>`, `types::Me`), or `()` when
    /// the operation only answers 204.
    pub response_type: String,
    /// The operation is `multipart/form-data` and is hand-written.
    pub multipart: bool,
    pub summary: String,
    pub description: String,
    /// Descriptions of path, query and form parameters, by wire name.
    pub param_docs: std::collections::BTreeMap<String, String>,
    /// The operation's `x-rust-names`: the Rust setter name of a parameter, by wire name,
    /// where the two differ.
    pub rust_names: std::collections::BTreeMap<String, String>,
}

/// A parameter's description, with Chatwork's documented default (the spec's `default:`).
fn with_default<D: std::fmt::Display>(description: String, default: Option<D>) -> String {
    match default {
        None => description,
        Some(v) => {
            // A JSON value: a string default shows without its quotes.
            let shown = v.to_string().trim_matches('"').to_owned();
            format!("{} Chatwork's default: `{shown}`.", description.trim_end())
                .trim_start()
                .to_owned()
        }
    }
}

/// Parses the spec text into an OpenAPI document.
pub fn parse_spec(text: &str) -> Result<openapiv3::OpenAPI, String> {
    yaml_serde::from_str(text)
        .map_err(|e| format!("spec/chatwork.yaml is not valid OpenAPI 3.0: {e}"))
}

fn operations_mut(
    item: &mut openapiv3::PathItem,
) -> impl Iterator<Item = (&'static str, &mut Option<openapiv3::Operation>)> {
    [
        ("GET", &mut item.get),
        ("PUT", &mut item.put),
        ("POST", &mut item.post),
        ("DELETE", &mut item.delete),
        ("PATCH", &mut item.patch),
    ]
    .into_iter()
}

/// Lists the operations of the spec with the facts the wrapper layer needs.
pub fn operation_facts(spec: &openapiv3::OpenAPI) -> Vec<OperationFacts> {
    let mut spec = spec.clone();
    let spec_components = spec.components.clone().unwrap_or_default();
    let mut out = Vec::new();
    for (path, item) in spec.paths.paths.iter_mut() {
        let openapiv3::ReferenceOr::Item(item) = item else {
            continue;
        };
        let item_params = item.parameters.clone();
        for (method, slot) in operations_mut(item) {
            let Some(op) = slot.as_ref() else { continue };
            let multipart = op
                .request_body
                .as_ref()
                .and_then(|b| b.as_item())
                .is_some_and(|b| b.content.keys().any(|k| k.starts_with("multipart/")));
            let schema_200 = op
                .responses
                .responses
                .get(&openapiv3::StatusCode::Code(200))
                .and_then(|r| r.as_item())
                .and_then(|r| r.content.get("application/json"))
                .and_then(|m| m.schema.as_ref());
            let is_list = schema_200.and_then(|s| s.as_item()).is_some_and(|s| {
                matches!(
                    s.schema_kind,
                    openapiv3::SchemaKind::Type(openapiv3::Type::Array(_))
                )
            });
            let response_type = match schema_200 {
                None => "()".to_string(),
                Some(openapiv3::ReferenceOr::Reference { reference }) => {
                    format!("types::{}", ref_name(reference))
                }
                Some(openapiv3::ReferenceOr::Item(s)) => match &s.schema_kind {
                    openapiv3::SchemaKind::Type(openapiv3::Type::Array(a)) => match &a.items {
                        Some(openapiv3::ReferenceOr::Reference { reference }) => {
                            format!("Vec<types::{}>", ref_name(reference))
                        }
                        _ => "serde_json::Value".to_string(),
                    },
                    _ => "serde_json::Value".to_string(),
                },
            };
            let mut param_docs = std::collections::BTreeMap::new();
            for p in item_params.iter().chain(op.parameters.iter()) {
                if let Some(p) = resolve_parameter(&spec_components, p) {
                    let data = p.parameter_data_ref();
                    let default = match &data.format {
                        openapiv3::ParameterSchemaOrContent::Schema(s) => {
                            resolve_schema(&spec_components, s)
                                .and_then(|s| s.schema_data.default.clone())
                        }
                        openapiv3::ParameterSchemaOrContent::Content(_) => None,
                    };
                    param_docs.insert(
                        data.name.clone(),
                        with_default(data.description.clone().unwrap_or_default(), default),
                    );
                }
            }
            if let Some(schema) = op
                .request_body
                .as_ref()
                .and_then(|b| b.as_item())
                .and_then(|b| b.content.values().next())
                .and_then(|m| m.schema.as_ref())
                && let Some(openapiv3::SchemaKind::Type(openapiv3::Type::Object(obj))) =
                    resolve_schema(&spec_components, schema).map(|s| &s.schema_kind)
            {
                {
                    for (name, prop) in &obj.properties {
                        let default = prop.as_item().and_then(|s| s.schema_data.default.clone());
                        let doc = match prop {
                            openapiv3::ReferenceOr::Item(s) => s.schema_data.description.clone(),
                            openapiv3::ReferenceOr::Reference { reference } => resolve_schema(
                                &spec_components,
                                &openapiv3::ReferenceOr::Reference {
                                    reference: reference.clone(),
                                },
                            )
                            .and_then(|s| s.schema_data.description.clone()),
                        };
                        param_docs
                            .insert(name.clone(), with_default(doc.unwrap_or_default(), default));
                    }
                }
            }
            let rust_names = op
                .extensions
                .get("x-rust-names")
                .and_then(|v| v.as_object())
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                        .collect()
                })
                .unwrap_or_default();
            out.push(OperationFacts {
                operation_id: op.operation_id.clone().unwrap_or_default(),
                method: method.to_string(),
                path: path.clone(),
                is_list,
                response_type,
                multipart,
                summary: op.summary.clone().unwrap_or_default(),
                description: op.description.clone().unwrap_or_default(),
                param_docs,
                rust_names,
            });
        }
    }
    out
}

/// Rewrites the spec into the subset progenitor 0.15 accepts, without changing what the
/// generated code means:
/// - multipart operations are removed (progenitor rejects the whole document on them);
///   the hand-written layer implements them;
/// - a `204` next to a JSON `200` is removed (progenitor asserts one success type); the
///   hand-written layer maps such a 204 to an empty list;
/// - a parameter or form field written `allOf: [$ref]` with a `default:` (how the spec
///   documents Chatwork's default for a replaced type) becomes the plain `$ref`: the default
///   is Chatwork's, applied by the server when the field is left out, so the client must not
///   start sending it.
pub fn prepare_for_progenitor(spec: &openapiv3::OpenAPI) -> openapiv3::OpenAPI {
    let mut spec = spec.clone();
    for (_path, item) in spec.paths.paths.iter_mut() {
        let openapiv3::ReferenceOr::Item(item) = item else {
            continue;
        };
        for (_method, slot) in operations_mut(item) {
            let multipart = slot
                .as_ref()
                .and_then(|op| op.request_body.as_ref())
                .and_then(|b| b.as_item())
                .is_some_and(|b| b.content.keys().any(|k| k.starts_with("multipart/")));
            if multipart {
                *slot = None;
                continue;
            }
            if let Some(op) = slot.as_mut() {
                let responses = &mut op.responses.responses;
                if responses.contains_key(&openapiv3::StatusCode::Code(200)) {
                    responses.shift_remove(&openapiv3::StatusCode::Code(204));
                }
                for p in op.parameters.iter_mut() {
                    let data = match p {
                        openapiv3::ReferenceOr::Item(
                            openapiv3::Parameter::Query { parameter_data, .. }
                            | openapiv3::Parameter::Header { parameter_data, .. }
                            | openapiv3::Parameter::Path { parameter_data, .. }
                            | openapiv3::Parameter::Cookie { parameter_data, .. },
                        ) => parameter_data,
                        openapiv3::ReferenceOr::Reference { .. } => continue,
                    };
                    if let openapiv3::ParameterSchemaOrContent::Schema(schema) = &mut data.format
                        && let Some(plain) = defaulted_ref(schema)
                    {
                        *schema = plain;
                    }
                }
                let bodies = match op.request_body.as_mut() {
                    Some(openapiv3::ReferenceOr::Item(body)) => Some(&mut body.content),
                    _ => None,
                };
                for media in bodies.into_iter().flat_map(|c| c.values_mut()) {
                    if let Some(openapiv3::ReferenceOr::Item(schema)) = media.schema.as_mut() {
                        plain_defaulted_properties(schema);
                    }
                }
            }
        }
    }
    let schemas = spec.components.as_mut().map(|c| c.schemas.values_mut());
    for schema in schemas.into_iter().flatten() {
        if let openapiv3::ReferenceOr::Item(schema) = schema {
            plain_defaulted_properties(schema);
        }
    }
    spec
}

/// Replaces each `allOf: [$ref]` property with a `default` by the plain `$ref`.
fn plain_defaulted_properties(schema: &mut openapiv3::Schema) {
    if let openapiv3::SchemaKind::Type(openapiv3::Type::Object(obj)) = &mut schema.schema_kind {
        for prop in obj.properties.values_mut() {
            if let Some(openapiv3::ReferenceOr::Reference { reference }) =
                defaulted_ref(&prop.clone().unbox())
            {
                *prop = openapiv3::ReferenceOr::Reference { reference };
            }
        }
    }
}

/// `allOf: [$ref]` with a `default`, as the plain `$ref`.
fn defaulted_ref(
    schema: &openapiv3::ReferenceOr<openapiv3::Schema>,
) -> Option<openapiv3::ReferenceOr<openapiv3::Schema>> {
    let openapiv3::ReferenceOr::Item(s) = schema else {
        return None;
    };
    match (&s.schema_kind, &s.schema_data.default) {
        (openapiv3::SchemaKind::AllOf { all_of }, Some(_)) if all_of.len() == 1 => {
            match &all_of[0] {
                r @ openapiv3::ReferenceOr::Reference { .. } => Some(r.clone()),
                openapiv3::ReferenceOr::Item(_) => None,
            }
        }
        _ => None,
    }
}

/// The progenitor settings of this crate.
pub fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_derive("PartialEq")
        .with_inner_type(quote::quote!(crate::contract::Inner));
    for (name, path) in REPLACEMENTS {
        settings.with_replacement(name, path, [TypeImpl::Display].into_iter());
    }
    settings
}

/// The header of every generated file.
pub const HEADER: &str = "// Generated from spec/chatwork.yaml by progenitor 0.15.1 through codegen/ (written here by\n// `cargo xtask gen`; the build script writes the same with the `codegen` feature).\n// Do not edit: change the spec or codegen/, then run `cargo xtask gen`.\n\n";

/// Everything generated from the spec, as formatted Rust source.
pub struct Generated {
    /// progenitor's typed client (`types`, `builder`, `Client`).
    pub client: String,
    /// The crate's request builders over it.
    pub requests: String,
}

/// Generates all code derived from the spec.
pub fn generate(spec: &openapiv3::OpenAPI) -> Result<Generated, String> {
    let prepared = prepare_for_progenitor(spec);
    let mut generator = Generator::new(&settings());
    let tokens = generator
        .generate_tokens(&prepared)
        .map_err(|e| format!("progenitor: {e}"))?;
    let mut file = syn::parse2::<syn::File>(tokens)
        .map_err(|e| format!("generated code does not parse: {e}"))?;
    drop_client_method_docs(&mut file);
    let facts = operation_facts(spec);
    let public = wrapper::public_types(&file, &facts)?;
    mark_non_exhaustive(&mut file, &public);
    let requests = wrapper::generate(&file, &facts)?;
    let requests = syn::parse2::<syn::File>(requests)
        .map_err(|e| format!("generated request builders do not parse: {e}"))?;
    Ok(Generated {
        client: format!("{HEADER}{}", prettyplease::unparse(&file)),
        requests: format!("{HEADER}{}", prettyplease::unparse(&requests)),
    })
}

/// Adds `#[non_exhaustive]` to the public structs that mirror an answer, so that a field
/// Chatwork starts sending is a minor release of this crate. Code in this crate (progenitor's
/// own conversions) still builds them; users decode them or use their builders.
fn mark_non_exhaustive(file: &mut syn::File, public: &BTreeSet<String>) {
    let Some(types) = file.items.iter_mut().find_map(|i| match i {
        syn::Item::Mod(m) if m.ident == "types" => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    }) else {
        return;
    };
    for item in types.iter_mut() {
        if let syn::Item::Struct(s) = item
            && public.contains(&s.ident.to_string())
            && matches!(s.fields, syn::Fields::Named(_))
        {
            s.attrs.push(syn::parse_quote!(#[non_exhaustive]));
        }
    }
}

/// Names of all operations, sorted.
pub fn operation_ids(spec: &openapiv3::OpenAPI) -> BTreeSet<String> {
    operation_facts(spec)
        .into_iter()
        .map(|o| o.operation_id)
        .collect()
}

fn ref_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

fn resolve_parameter<'a>(
    components: &'a openapiv3::Components,
    p: &'a openapiv3::ReferenceOr<openapiv3::Parameter>,
) -> Option<&'a openapiv3::Parameter> {
    match p {
        openapiv3::ReferenceOr::Item(p) => Some(p),
        openapiv3::ReferenceOr::Reference { reference } => {
            components.parameters.get(ref_name(reference))?.as_item()
        }
    }
}

/// Resolves a schema reference (one level of `$ref`) against the components.
pub fn resolve_schema<'a>(
    components: &'a openapiv3::Components,
    s: &'a openapiv3::ReferenceOr<openapiv3::Schema>,
) -> Option<&'a openapiv3::Schema> {
    match s {
        openapiv3::ReferenceOr::Item(s) => Some(s),
        openapiv3::ReferenceOr::Reference { reference } => {
            components.schemas.get(ref_name(reference))?.as_item()
        }
    }
}

/// progenitor documents its own `Client` methods with `ignore`d examples of its builder
/// API. That `Client` is private here (the crate's request builders carry the docs), so
/// those examples would only show up as ignored doctests: drop them.
fn drop_client_method_docs(file: &mut syn::File) {
    for item in &mut file.items {
        let syn::Item::Impl(im) = item else { continue };
        let is_client = matches!(&*im.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
        if !is_client || im.trait_.is_some() {
            continue;
        }
        for it in &mut im.items {
            if let syn::ImplItem::Fn(f) = it {
                f.attrs.retain(|a| !a.path().is_ident("doc"));
            }
        }
    }
}
