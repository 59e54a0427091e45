//! Generates the crate's public request builders from progenitor's output.
//!
//! progenitor's builders return progenitor's own error and response types. This pass reads
//! the generated code back (with `syn`), and for every operation emits a request builder
//! with the same setters (form-body fields flattened next to path and query parameters),
//! whose `send()` returns `chatwork::Response<T>` or `chatwork::Error`. Nothing here is
//! written by hand per operation: a spec edit flows through on the next build.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;

use super::OperationFacts;

mod syntax;

use syntax::*;

/// One setter of a request builder.
struct Setter {
    name: String,
    /// The value type the setter stores.
    target: syn::Type,
    /// The setter belongs to the form body rather than to the path or query.
    body_field: bool,
    /// The parameter or form-body field is optional (its builder stores an `Option`);
    /// `send()` refuses a request whose required ones were not set.
    optional: bool,
}

struct Operation {
    builder: String,
    setters: Vec<Setter>,
    output: syn::Type,
}

fn read_operation(file: &syn::File, facts: &OperationFacts) -> Result<Operation, String> {
    let builder_name = pascal(&facts.operation_id);
    let builder_items =
        find_mod(&file.items, "builder").ok_or("no `builder` module in generated code")?;
    let types_builder = find_mod(&file.items, "types")
        .and_then(|t| find_mod(t, "builder"))
        .ok_or("no `types::builder` module in generated code")?;
    let mut setters = Vec::new();
    let mut output = None;
    for f in impl_fns(builder_items, &builder_name) {
        let name = f.sig.ident.to_string();
        match name.as_str() {
            "new" | "body_map" => {}
            "send" => {
                let syn::ReturnType::Type(_, ty) = &f.sig.output else {
                    return Err(format!("{builder_name}::send has no return type"));
                };
                let response_value = last_generic(ty).ok_or("send() does not return Result<..>")?;
                output = Some(
                    last_generic(response_value)
                        .ok_or("send() does not return ResponseValue<..>")?
                        .clone(),
                );
            }
            "body" => {
                // Flatten the form body: one setter per field of its builder.
                let field = struct_field_type(builder_items, &builder_name, "body")
                    .ok_or_else(|| format!("{builder_name} has no body field"))?;
                let body_builder = last_generic(&field)
                    .and_then(last_ident)
                    .ok_or_else(|| format!("{builder_name}.body is not Result<builder, _>"))?;
                for bf in impl_fns(types_builder, &body_builder) {
                    let mut target = try_into_target(bf).ok_or_else(|| {
                        format!("{body_builder}::{} has no TryInto bound", bf.sig.ident)
                    })?;
                    let optional = last_ident(&target).as_deref() == Some("Option");
                    if optional {
                        target = last_generic(&target)
                            .cloned()
                            .ok_or("Option without argument")?;
                    }
                    RebaseSuper.visit_type_mut(&mut target);
                    setters.push(Setter {
                        name: bf.sig.ident.to_string(),
                        target,
                        body_field: true,
                        optional,
                    });
                }
            }
            _ => {
                let target = try_into_target(f)
                    .ok_or_else(|| format!("{builder_name}::{name} has no TryInto bound"))?;
                // `Result<Option<T>, String>`: optional; `Result<T, String>`: required.
                let field = struct_field_type(builder_items, &builder_name, &name)
                    .ok_or_else(|| format!("{builder_name} has no field {name}"))?;
                let optional = last_generic(&field)
                    .and_then(last_ident)
                    .is_some_and(|i| i == "Option");
                setters.push(Setter {
                    name,
                    target,
                    body_field: false,
                    optional,
                });
            }
        }
    }
    let mut seen = BTreeMap::new();
    for s in &setters {
        if seen.insert(s.name.clone(), ()).is_some() {
            return Err(format!(
                "{}: `{}` is both a parameter and a form field",
                facts.operation_id, s.name
            ));
        }
    }
    if facts.is_list && seen.contains_key("limit") {
        return Err(format!(
            "{}: a parameter named `limit` clashes with the list limit",
            facts.operation_id
        ));
    }
    Ok(Operation {
        builder: builder_name,
        setters,
        output: output.ok_or("no send() found")?,
    })
}

/// The generated types users see: every type an answer is made of (the operations' outputs
/// and, transitively, their fields' types) and the enums that setters take. Request-body
/// structs, constrained-string wrappers, builders and the webhook envelope stay private.
pub fn public_types(file: &syn::File, ops: &[OperationFacts]) -> Result<BTreeSet<String>, String> {
    let types = find_mod(&file.items, "types").ok_or("no `types` module")?;
    let defined: BTreeMap<String, &syn::Item> = types
        .iter()
        .filter_map(|i| match i {
            syn::Item::Struct(s) => Some((s.ident.to_string(), i)),
            syn::Item::Enum(e) => Some((e.ident.to_string(), i)),
            _ => None,
        })
        .collect();
    let strings = string_newtypes(types);
    let mut todo: Vec<String> = Vec::new();
    for facts in ops {
        let ty: syn::Type = syn::parse_str(&facts.response_type)
            .map_err(|e| format!("{}: {e}", facts.operation_id))?;
        todo.extend(idents_of(&ty));
    }
    for facts in ops.iter().filter(|o| !o.multipart) {
        for s in read_operation(file, facts)?.setters {
            todo.extend(idents_of(&s.target));
        }
    }
    let mut public = BTreeSet::new();
    while let Some(name) = todo.pop() {
        let Some(item) = defined.get(&name) else {
            continue;
        };
        if strings.contains(&name) || !public.insert(name) {
            continue;
        }
        if let syn::Item::Struct(s) = item {
            for field in &s.fields {
                todo.extend(idents_of(&field.ty));
            }
        }
    }
    Ok(public)
}

/// Emits the request builders and the `Client` methods that create them.
pub fn generate(file: &syn::File, ops: &[OperationFacts]) -> Result<TokenStream, String> {
    let mut builders = Vec::new();
    let mut methods = Vec::new();
    let types_items = find_mod(&file.items, "types").ok_or("no `types` module")?;
    let strings = string_newtypes(types_items);
    let public: Vec<syn::Ident> = public_types(file, ops)?
        .iter()
        .map(|n| format_ident!("{}", n))
        .collect();
    for facts in ops.iter().filter(|o| o.multipart) {
        // Hand-written in src/upload.rs; re-exported next to the generated builders.
        let builder = format_ident!("{}", pascal(&facts.operation_id));
        builders.push(quote!(pub use crate::contract::#builder;));
    }
    for facts in ops.iter().filter(|o| !o.multipart) {
        let op = read_operation(file, facts)?;
        let method_name = format_ident!("{}", facts.operation_id);
        let builder = format_ident!("{}", op.builder);
        let output = &op.output;
        let operation_id = &facts.operation_id;

        let mut setters = Vec::new();
        let mut setter_docs = String::new();
        let mut required_names: Vec<(u32, String)> = Vec::new();
        for s in &op.setters {
            // The wire name reaches progenitor's builder; the Rust name (`x-rust-names`) is
            // the public setter's.
            let name = format_ident!("{}", s.name);
            let rust_name = facts
                .rust_names
                .get(&s.name)
                .cloned()
                .unwrap_or_else(|| s.name.clone());
            let setter = format_ident!("{}", rust_name);
            let target = &s.target;
            let desc = facts.param_docs.get(&s.name).cloned().unwrap_or_default();
            let place = if s.body_field {
                "form field"
            } else if facts.path.contains(&format!("{{{}}}", s.name)) {
                "path parameter"
            } else {
                "query parameter"
            };
            let required = if s.optional { "optional" } else { "required" };
            let wire_note = if rust_name == s.name {
                String::new()
            } else {
                format!(", sent as `{}`", s.name)
            };
            setter_docs.push_str(&format!(
                "- [`{}`](request::{}::{}): {} ({place}{wire_note}, {required})\n",
                rust_name,
                op.builder,
                rust_name,
                desc.trim()
            ));
            let doc = doc_lines(&format!(
                "{}\n\nThe `{}` {place} ({required}). A value that does not convert makes `send()` fail\nwith [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.",
                if desc.trim().is_empty() {
                    format!("Sets `{rust_name}`.")
                } else {
                    desc.trim().to_string()
                },
                s.name
            ));
            // A constrained string (`types::PostMessageBodyBody`) stays private: the setter
            // takes any string and checks it here.
            let string_newtype = last_ident(target).is_some_and(|n| strings.contains(&n));
            let apply = if !s.body_field {
                quote!(self.inner = self.inner.#name(value))
            } else if s.optional {
                quote!(self.inner = self.inner.body_map(move |b| b.#name(::std::option::Option::Some(value))))
            } else {
                quote!(self.inner = self.inner.body_map(move |b| b.#name(value)))
            };
            let field_name = &rust_name;
            // A required parameter that was set: one bit of `set`, checked by `send()`.
            let mark = if s.optional {
                quote!()
            } else {
                let bit = u32::try_from(required_names.len()).unwrap_or(u32::MAX);
                if bit >= 64 {
                    return Err(format!(
                        "{}: more than 64 required parameters",
                        facts.operation_id
                    ));
                }
                required_names.push((bit, rust_name.clone()));
                quote!(self.set |= 1u64 << #bit;)
            };
            let apply = quote!(#apply; #mark);
            if string_newtype {
                setters.push(quote! {
                    #(#doc)*
                    pub fn #setter(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                        match <#target as ::std::convert::TryFrom<::std::string::String>>::try_from(value.into()) {
                            Ok(value) => { #apply; }
                            Err(e) => self.invalid(#field_name, e),
                        }
                        self
                    }
                });
                continue;
            }
            setters.push(quote! {
                #(#doc)*
                pub fn #setter<V>(mut self, value: V) -> Self
                where
                    V: ::std::convert::TryInto<#target>,
                    <V as ::std::convert::TryInto<#target>>::Error: ::std::fmt::Display,
                {
                    match value.try_into() {
                        Ok(value) => { #apply; }
                        Err(e) => self.invalid(#field_name, e),
                    }
                    self
                }
            });
        }

        let (limit_field, limit_init, limit_setter, finish) = if facts.is_list {
            let item = last_generic(output).ok_or("list output is not Vec<T>")?;
            (
                quote!(pub(crate) limit: ::std::option::Option<usize>,),
                quote!(limit: ::std::option::Option::None,),
                quote! {
                    /// Keeps at most `n` items of the answer (the integration "limit").
                    ///
                    /// Chatwork has no paging, so this is applied on the client: the request
                    /// is made and answered in full either way, and it does not save a
                    /// request or a rate-limit unit. Items beyond `n` are dropped from the
                    /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
                    ///
                    /// For `list_messages` without `force`, Chatwork counts every message of
                    /// the answer as delivered, including the dropped ones: they will not be
                    /// returned again by a later call without `force`.
                    pub fn limit(mut self, n: usize) -> Self {
                        self.limit = ::std::option::Option::Some(n);
                        self
                    }
                },
                quote!(crate::contract::finish_list::<#item, _>(#operation_id, self.limit, self.inner.send()).await),
            )
        } else {
            (
                quote!(),
                quote!(),
                quote!(),
                quote!(crate::contract::finish(#operation_id, self.inner.send()).await),
            )
        };

        let list_note = if facts.is_list {
            "\n\nA `204 No Content` answer is an empty list, never an error. Use\n[`limit`](request::{B}::limit) to keep at most N items (applied on the client)."
                .replace("{B}", &op.builder)
        } else {
            String::new()
        };
        let method_doc = doc_lines(&format!(
            "{}\n\n{}\n\nSends `{} {}`.{}\n\nSetters:\n{}",
            facts.summary.trim(),
            facts.description.trim(),
            facts.method,
            facts.path,
            list_note,
            if setter_docs.is_empty() {
                "- none\n".to_string()
            } else {
                setter_docs.clone()
            },
        ));
        let builder_doc = doc_lines(&format!(
            "Request builder for [`Client::{}`](crate::Client::{}): {}.\n\nSet the parameters, then call [`send`]({}::send).",
            facts.operation_id,
            facts.operation_id,
            facts.summary.trim(),
            op.builder
        ));
        let send_doc = doc_lines(&format!(
            "Sends `{} {}` and decodes the answer.\n\n# Errors\n\n[`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),\nand otherwise the transport, API and decoding errors described on [`Error`](crate::Error).",
            facts.method, facts.path
        ));

        let (set_field, set_init) = if required_names.is_empty() {
            (quote!(), quote!())
        } else {
            (
                quote! {
                    /// The required parameters set so far, one bit each.
                    pub(crate) set: u64,
                },
                quote!(set: 0,),
            )
        };
        let check_required = if required_names.is_empty() {
            quote!()
        } else {
            let bits = required_names.iter().map(|(b, _)| *b);
            let names = required_names.iter().map(|(_, n)| n.as_str());
            quote! {
                for (bit, field) in [#((#bits, #names)),*] {
                    if self.set & (1u64 << bit) == 0 {
                        return ::std::result::Result::Err(crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ));
                    }
                }
            }
        };
        methods.push(quote! {
            #(#method_doc)*
            pub fn #method_name(&self) -> request::#builder<'_> {
                request::#builder {
                    inner: self.generated().#method_name(),
                    error: ::std::option::Option::None,
                    #set_init
                    #limit_init
                }
            }
        });
        builders.push(quote! {
            #(#builder_doc)*
            #[derive(Debug, Clone)]
            #[must_use = "a request does nothing until `send()` is awaited"]
            pub struct #builder<'a> {
                pub(crate) inner: crate::generated::builder::#builder<'a>,
                pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
                #set_field
                #limit_field
            }

            impl<'a> #builder<'a> {
                #[allow(dead_code)]
                fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
                    if self.error.is_none() {
                        self.error = ::std::option::Option::Some((field, ::std::format!("invalid value for `{field}`: {e}")));
                    }
                }

                #(#setters)*

                #limit_setter

                #(#send_doc)*
                pub async fn send(self) -> ::std::result::Result<crate::contract::Response<#output>, crate::contract::Error> {
                    if let ::std::option::Option::Some((field, message)) = self.error {
                        return ::std::result::Result::Err(crate::contract::Error::invalid(crate::contract::InvalidKind::Value, ::std::option::Option::Some(field), message));
                    }
                    #check_required
                    #finish
                }
            }
        });
    }
    let templates = ops.iter().map(|o| {
        let id = &o.operation_id;
        let path = &o.path;
        quote!(#id => #path)
    });
    let mut arms = Vec::new();
    for facts in ops {
        let id = &facts.operation_id;
        let ty: syn::Type = syn::parse_str(&facts.response_type)
            .map_err(|e| format!("{id}: bad response type {}: {e}", facts.response_type))?;
        let name = &facts.response_type;
        let status = if facts.response_type == "()" {
            204u16
        } else {
            200u16
        };
        if status == 200 {
            arms.push(quote!((#id, 200) => Some((#name, roundtrip_as::<#ty>(body)))));
        }
    }
    Ok(quote! {
        /// The spec's path template of an operation (`/rooms/{room_id}/messages`), for logs.
        pub(crate) fn path_template(operation_id: &str) -> ::std::option::Option<&'static str> {
            ::std::option::Option::Some(match operation_id {
                #(#templates,)*
                _ => return ::std::option::Option::None,
            })
        }

        /// Decodes fixtures into the generated types, for `cargo xtask check`.
        #[cfg(feature = "spec-tools")]
        #[doc(hidden)]
        pub mod spec_tools {
            #[allow(unused_imports)]
            use crate::generated::types;

            fn roundtrip_as<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(
                body: &[u8],
            ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
                let value: T = ::serde_json::from_slice(body).map_err(|e| e.to_string())?;
                ::serde_json::to_value(&value).map_err(|e| e.to_string())
            }

            /// Deserializes `body` into the Rust type of `operation_id`'s answer with `status`,
            /// re-serializes it, and names the type. `None` when the status has no body type.
            pub fn roundtrip(
                operation_id: &str,
                status: u16,
                body: &[u8],
            ) -> ::std::option::Option<(&'static str, ::std::result::Result<::serde_json::Value, ::std::string::String>)> {
                match (operation_id, status) {
                    #(#arms,)*
                    (_, 400..=599) => Some(("types::ErrorBody", roundtrip_as::<types::ErrorBody>(body))),
                    _ => None,
                }
            }
        }

        impl crate::contract::Client {
            #(#methods)*
        }

        /// The types of Chatwork's answers (and the enums some setters take), generated from
        /// the spec. Structs that mirror an answer are `#[non_exhaustive]`: a field Chatwork
        /// adds is a minor release. Read them from answers; to make one in a test, decode its
        /// JSON (`serde_json::from_str`) or start from `Type::builder()`.
        pub mod types {
            pub use crate::generated::types::{#(#public),*};
        }

        /// Request builders, one per operation, created by the [`Client`](crate::Client) methods.
        pub mod request {
            #[allow(unused_imports)]
            use crate::generated::types;
            #[allow(unused_imports)]
            use crate::contract::Response;

            #(#builders)*
        }
    })
}
