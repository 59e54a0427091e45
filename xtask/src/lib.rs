//! Maintainer tasks for the Chatwork SDK.
//!
//! - `cargo xtask gen` regenerates everything derived from `spec/chatwork.yaml`: the
//!   checked-in snapshot of the generated code (`generated/`), the operation table in the
//!   README and `.gitattributes`.
//! - `cargo xtask check` validates the spec against the recorded fixtures in
//!   `spec/fixtures/` and fails when anything is stale.
//!
//! Everything works on an in-memory [`Project`], so the tests can break a copy of the real
//! spec or fixtures and watch a rule fail.
//!
//! Where each decision lives: what `gen` writes and whether it is stale, [`generate`] (the
//! catalog's text, [`catalog`]; the typed client, `codegen`); what `check` finds in the spec
//! and fixtures, [`mod@check`]; in the hand-written surfaces (the local Chatwork's behaviour, the
//! CLI's and the MCP server's hand-written commands and tools), [`surfaces`]; the module graph
//! and its cycles, [`modules`]; the fleet soak, [`fleet`].

#[path = "../../codegen/mod.rs"]
#[allow(dead_code, clippy::all)]
pub mod codegen;

pub mod catalog;
pub mod check;
pub mod fixture;
pub mod fleet;
pub mod generate;
pub mod modules;
pub mod surfaces;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use check::{Report, check};
pub use fixture::{Fixture, WebhookFixture};
pub use modules::ModuleGraph;

/// The spec, the fixtures and the files `gen` writes, as read from the repository.
#[derive(Clone, Debug)]
pub struct Project {
    /// The repository root.
    pub root: PathBuf,
    /// The text of `spec/chatwork.yaml`.
    pub spec_text: String,
    /// Recorded responses, from `spec/fixtures/<operation_id>/<status>[.<variant>].http`.
    pub fixtures: Vec<Fixture>,
    /// Recorded webhook deliveries, from `spec/fixtures/webhooks/*.http`.
    pub webhooks: Vec<WebhookFixture>,
    /// The webhook token that signed the deliveries (`spec/fixtures/webhooks/TOKEN`).
    pub webhook_token: String,
    /// The current contents of every file `gen` writes (absent files are missing here).
    pub generated_files: BTreeMap<String, String>,
    /// Problems found while reading the fixtures.
    pub load_errors: Vec<String>,
    /// The hand-written surfaces `check` looks into, by path ([`SURFACE_FILES`]).
    pub surfaces: BTreeMap<String, String>,
}

/// The hand-written files that give an operation its behaviour: `check` names every operation
/// of the spec one of them lacks.
pub const SURFACE_FILES: &[&str] = &["mock/src/handlers.rs", surfaces::CLI_COMMANDS];

/// The MCP server's tool definitions (every `.rs` file here): a tool is named by its
/// operation's ID.
pub const MCP_TOOLS: &str = "cli/src/mcp/catalog";

/// The files `cargo xtask gen` writes, relative to the repository root.
pub const GENERATED_FILES: &[&str] = &[
    "generated/chatwork.rs",
    "generated/requests.rs",
    "README.md",
    ".gitattributes",
    "mock/src/operations.rs",
    "generated/catalog.rs",
];

impl Project {
    /// Reads the project rooted at `root`.
    ///
    /// # Errors
    ///
    /// When the spec cannot be read.
    pub fn load(root: &Path) -> Result<Self, String> {
        let spec_path = root.join("spec/chatwork.yaml");
        let spec_text = fs::read_to_string(&spec_path)
            .map_err(|e| format!("reading {}: {e}", spec_path.display()))?;
        let mut project = Project {
            root: root.to_owned(),
            spec_text,
            fixtures: Vec::new(),
            webhooks: Vec::new(),
            webhook_token: String::new(),
            generated_files: BTreeMap::new(),
            load_errors: Vec::new(),
            surfaces: BTreeMap::new(),
        };
        let fixtures = root.join("spec/fixtures");
        let mut dirs: Vec<_> = fs::read_dir(&fixtures)
            .map_err(|e| format!("reading {}: {e}", fixtures.display()))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect();
        dirs.sort_by_key(|e| e.file_name());
        for dir in dirs {
            let name = dir.file_name().to_string_lossy().into_owned();
            let mut files: Vec<_> = fs::read_dir(dir.path())
                .map_err(|e| format!("reading {}: {e}", dir.path().display()))?
                .filter_map(Result::ok)
                .collect();
            files.sort_by_key(|e| e.file_name());
            for file in files {
                let file_name = file.file_name().to_string_lossy().into_owned();
                let rel = format!("spec/fixtures/{name}/{file_name}");
                let bytes = fs::read(file.path()).map_err(|e| format!("reading {rel}: {e}"))?;
                if name == "webhooks" && file_name == "TOKEN" {
                    project.webhook_token = String::from_utf8_lossy(&bytes).trim().to_owned();
                    continue;
                }
                if !file_name.ends_with(".http") {
                    project
                        .load_errors
                        .push(format!("{rel}: not a fixture (fixtures end in .http)"));
                    continue;
                }
                let parsed = if name == "webhooks" {
                    WebhookFixture::parse(&rel, &bytes).map(|w| project.webhooks.push(w))
                } else {
                    Fixture::parse(&name, &rel, &bytes).map(|f| project.fixtures.push(f))
                };
                if let Err(e) = parsed {
                    project.load_errors.push(e);
                }
            }
        }
        for file in GENERATED_FILES {
            if let Ok(text) = fs::read_to_string(root.join(file)) {
                project.generated_files.insert((*file).to_owned(), text);
            }
        }
        let mut surfaces: Vec<String> = SURFACE_FILES.iter().map(|f| (*f).to_owned()).collect();
        if let Ok(dir) = fs::read_dir(root.join(MCP_TOOLS)) {
            let mut tools: Vec<String> = dir
                .filter_map(Result::ok)
                .map(|e| format!("{MCP_TOOLS}/{}", e.file_name().to_string_lossy()))
                .filter(|p| p.ends_with(".rs"))
                .collect();
            tools.sort();
            surfaces.extend(tools);
        }
        for file in surfaces {
            if let Ok(text) = fs::read_to_string(root.join(&file)) {
                project.surfaces.insert(file, text);
            }
        }
        Ok(project)
    }

    /// The repository root of this checkout (the parent of `xtask/`).
    pub fn default_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_owned)
            .unwrap_or_else(|| PathBuf::from("."))
    }
}
