//! The module graph of the SDK's hand-written `src/`: which top-level module refers to which
//! (through `crate::...` paths and `use crate::{...}` groups, the names `lib.rs` re-exports
//! resolved to the module that defines them), and the cycles in it.
//!
//! Test modules (`#[cfg(test)] mod tests`) and comments are left out. The generated code
//! (`generated`, `requests`) is a target only: its own references are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the modules it refers to.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ModuleGraph {
    pub edges: BTreeMap<String, BTreeSet<String>>,
}

/// Modules that exist only as generated code included by `lib.rs`.
const GENERATED: [&str; 2] = ["generated", "requests"];

impl ModuleGraph {
    /// The graph of the crate whose root is `root` (its `src/`).
    ///
    /// # Errors
    ///
    /// A file under `src/` that cannot be read.
    pub fn load(root: &Path) -> Result<Self, String> {
        let mut files = Vec::new();
        collect(&root.join("src"), &root.join("src"), &mut files)?;
        Ok(Self::from_sources(&files))
    }

    /// The graph of these files (`path` relative to `src/`, with `/`; `lib.rs` gives the
    /// re-exports).
    pub fn from_sources(files: &[(String, String)]) -> Self {
        let mut aliases = BTreeMap::new();
        if let Some((_, lib)) = files.iter().find(|(p, _)| p == "lib.rs") {
            for (module, names) in reexports(&strip(lib)) {
                for name in names {
                    aliases.insert(name, module.clone());
                }
            }
        }
        let modules: BTreeSet<String> = files
            .iter()
            .filter(|(p, _)| p != "lib.rs")
            .map(|(p, _)| module_of(p))
            .chain(GENERATED.iter().map(|g| (*g).to_owned()))
            .collect();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (path, text) in files.iter().filter(|(p, _)| p != "lib.rs") {
            let from = module_of(path);
            let targets = edges.entry(from.clone()).or_default();
            for name in crate_refs(&strip(text)) {
                let to = aliases.get(&name).cloned().unwrap_or(name);
                if to != from && modules.contains(&to) {
                    targets.insert(to);
                }
            }
        }
        Self { edges }
    }

    /// Every cycle, as the sorted modules of each strongly connected component of more
    /// than one module (or a module that refers to itself).
    pub fn cycles(&self) -> Vec<Vec<String>> {
        // Tarjan's algorithm; the graph has a few dozen nodes.
        struct Walk<'a> {
            graph: &'a ModuleGraph,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on_stack: BTreeSet<&'a str>,
            found: Vec<Vec<String>>,
        }
        fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
            let i = w.index.len();
            w.index.insert(v, i);
            w.low.insert(v, i);
            w.stack.push(v);
            w.on_stack.insert(v);
            for to in w.graph.edges.get(v).into_iter().flatten() {
                let to = to.as_str();
                if !w.index.contains_key(to) {
                    visit(w, to);
                    let low = w.low[v].min(w.low[to]);
                    w.low.insert(v, low);
                } else if w.on_stack.contains(to) {
                    let low = w.low[v].min(w.index[to]);
                    w.low.insert(v, low);
                }
            }
            if w.low[v] == w.index[v] {
                let mut component = Vec::new();
                while let Some(top) = w.stack.pop() {
                    w.on_stack.remove(top);
                    component.push(top.to_owned());
                    if top == v {
                        break;
                    }
                }
                let self_loop = w.graph.edges.get(v).is_some_and(|e| e.contains(v));
                if component.len() > 1 || self_loop {
                    component.sort();
                    w.found.push(component);
                }
            }
        }
        let mut walk = Walk {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on_stack: BTreeSet::new(),
            found: Vec::new(),
        };
        for v in self.edges.keys() {
            if !walk.index.contains_key(v.as_str()) {
                visit(&mut walk, v);
            }
        }
        walk.found.sort();
        walk.found
    }

    /// One line per module: `module -> a b c`.
    pub fn render(&self) -> String {
        self.edges
            .iter()
            .map(|(m, to)| {
                let to: Vec<&str> = to.iter().map(String::as_str).collect();
                format!("{m} -> {}\n", to.join(" "))
            })
            .collect()
    }
}

/// The first names of the `crate::` paths the generated files (`generated/*.rs`) use in code
/// (comments and docs left out): what the generated code reaches in the crate.
///
/// # Errors
///
/// A generated file that cannot be read.
pub fn generated_reaches(root: &Path) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    for file in ["generated/chatwork.rs", "generated/requests.rs"] {
        let path = root.join(file);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.extend(crate_refs(&strip(&text)));
    }
    Ok(out)
}

fn collect(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, src, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let rel = path
                .strip_prefix(src)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, text));
        }
    }
    Ok(())
}

/// `oauth/session.rs` → `oauth`; `policy.rs` → `policy`.
fn module_of(path: &str) -> String {
    let first = path.split('/').next().unwrap_or(path);
    first.trim_end_matches(".rs").to_owned()
}

/// The text without comments and without the trailing `#[cfg(test)] mod tests { .. }`.
fn strip(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The first identifier of each `crate::` path, and the first identifiers of each
/// `use crate::{a::X, b, c::{..}}` group.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(is_ident) {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            out.extend(group_heads(group));
        } else {
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The identifiers at depth 1 of a `{...}` group (its text after the `{`).
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 1usize;
    let mut expect_head = true;
    let mut chars = group.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expect_head = true,
            c if is_ident(c) && depth == 1 && expect_head => {
                let name: String = group[i..].chars().take_while(|c| is_ident(*c)).collect();
                for _ in 1..name.chars().count() {
                    chars.next();
                }
                if name != "self" {
                    heads.push(name);
                }
                expect_head = false;
            }
            _ => {}
        }
    }
    heads
}

/// `pub use module::{A, B};` and `pub use module::A;` of `lib.rs`: module → names.
fn reexports(lib: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for statement in lib.split(';') {
        let Some(at) = statement.find("pub use ") else {
            continue;
        };
        let path = &statement[at + "pub use ".len()..];
        let Some((module, names)) = path.split_once("::") else {
            continue;
        };
        let module = module.trim().to_owned();
        let names: Vec<String> = names
            .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
            .split(',')
            .map(|n| n.trim().rsplit("::").next().unwrap_or_default().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        out.push((module, names));
    }
    out
}
