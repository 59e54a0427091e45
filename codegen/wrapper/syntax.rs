//! Reading progenitor's generated code back with `syn`: the small lookups the wrapper pass
//! makes (a module's items, a type's impl functions, a struct field's type, a type's last
//! identifier or generic argument) and the rewrites it applies.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;

/// Rewrites `super::X` (paths relative to `types::builder`) into `types::X`.
pub(super) struct RebaseSuper;

impl VisitMut for RebaseSuper {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        if path.leading_colon.is_none() && path.segments.first().is_some_and(|s| s.ident == "super")
        {
            path.segments[0].ident = format_ident!("types");
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}

pub(super) fn last_generic(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let syn::PathArguments::AngleBracketed(args) = &p.path.segments.last()?.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

pub(super) fn last_ident(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(p) = ty else { return None };
    Some(p.path.segments.last()?.ident.to_string())
}

/// The `X` of a `where V: TryInto<X>` clause.
pub(super) fn try_into_target(f: &syn::ImplItemFn) -> Option<syn::Type> {
    let where_clause = f.sig.generics.where_clause.as_ref()?;
    for pred in &where_clause.predicates {
        let syn::WherePredicate::Type(pt) = pred else {
            continue;
        };
        for bound in &pt.bounds {
            let syn::TypeParamBound::Trait(tb) = bound else {
                continue;
            };
            let seg = tb.path.segments.last()?;
            if seg.ident != "TryInto" {
                continue;
            }
            if let syn::PathArguments::AngleBracketed(args) = &seg.arguments
                && let Some(syn::GenericArgument::Type(t)) = args.args.first()
            {
                return Some(t.clone());
            }
        }
    }
    None
}

pub(super) fn find_mod<'a>(items: &'a [syn::Item], name: &str) -> Option<&'a [syn::Item]> {
    items.iter().find_map(|i| match i {
        syn::Item::Mod(m) if m.ident == name => {
            m.content.as_ref().map(|(_, items)| items.as_slice())
        }
        _ => None,
    })
}

pub(super) fn impl_fns<'a>(items: &'a [syn::Item], type_name: &str) -> Vec<&'a syn::ImplItemFn> {
    items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Impl(im)
                if im.trait_.is_none() && last_ident(&im.self_ty).as_deref() == Some(type_name) =>
            {
                Some(im)
            }
            _ => None,
        })
        .flat_map(|im| {
            im.items.iter().filter_map(|it| match it {
                syn::ImplItem::Fn(f) => Some(f),
                _ => None,
            })
        })
        .collect()
}

pub(super) fn struct_field_type(
    items: &[syn::Item],
    type_name: &str,
    field: &str,
) -> Option<syn::Type> {
    items.iter().find_map(|i| match i {
        syn::Item::Struct(s) if s.ident == type_name => s
            .fields
            .iter()
            .find_map(|f| (f.ident.as_ref().is_some_and(|id| id == field)).then(|| f.ty.clone())),
        _ => None,
    })
}

pub(super) fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

pub(super) fn doc_lines(text: &str) -> Vec<TokenStream> {
    text.lines()
        .map(|l| {
            let l = format!(" {l}");
            quote!(#[doc = #l])
        })
        .collect()
}

/// Collects every identifier in a type (`Vec<Member>` gives `Vec`, `Member`).
pub(super) struct Idents(BTreeSet<String>);

impl VisitMut for Idents {
    fn visit_path_segment_mut(&mut self, seg: &mut syn::PathSegment) {
        self.0.insert(seg.ident.to_string());
        syn::visit_mut::visit_path_segment_mut(self, seg);
    }
}

pub(super) fn idents_of(ty: &syn::Type) -> BTreeSet<String> {
    let mut v = Idents(BTreeSet::new());
    v.visit_type_mut(&mut ty.clone());
    v.0
}

/// The `types` items that wrap a `String` (constrained strings of request bodies): their
/// setters take `impl Into<String>` and check it, so the wrapper types stay private.
pub(super) fn string_newtypes(types: &[syn::Item]) -> BTreeSet<String> {
    types
        .iter()
        .filter_map(|i| match i {
            syn::Item::Struct(s) => match &s.fields {
                syn::Fields::Unnamed(f)
                    if f.unnamed.len() == 1
                        && last_ident(&f.unnamed[0].ty).as_deref() == Some("String") =>
                {
                    Some(s.ident.to_string())
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}
