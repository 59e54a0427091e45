//! What a tool is: its name and words for a model, what it does to Chatwork (which decides
//! whether it is offered and its annotations), its argument and result types (which give
//! its input and output schemas), and the call. The tools themselves are in `catalog`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use rmcp::model::{CallToolResult, ContentBlock, JsonObject, Tool, ToolAnnotations};
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Call;

/// What a tool does to Chatwork. One place decides from it whether the tool is offered
/// ([`Effect::offered`]) and what its annotations say ([`Effect::annotations`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Reads only.
    Read,
    /// Creates something new (a message, a task, a room, a link); calling twice creates two.
    Create,
    /// Changes something in place; calling twice with the same arguments changes nothing
    /// more (a room's name, a task's status, the read mark).
    Update,
    /// Removes or replaces something that cannot be restored (a room deleted or left, a
    /// message deleted, members replaced, a request declined, a link deleted). Offered only
    /// when the server is started with `--allow-destructive`.
    Destructive,
    /// The custom API call: what it may do depends on the method, checked per call
    /// ([`Mode::allows_method`]).
    Api,
}

/// What the server was started to allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    /// `--read-only`: reading tools only.
    pub read_only: bool,
    /// `--allow-destructive`: the destructive tools too.
    pub allow_destructive: bool,
}

impl Mode {
    /// Whether a tool with this effect is offered.
    pub fn offers(self, effect: Effect) -> bool {
        match effect {
            Effect::Read | Effect::Api => true,
            Effect::Create | Effect::Update => !self.read_only,
            Effect::Destructive => !self.read_only && self.allow_destructive,
        }
    }

    /// Whether the custom API call may use this HTTP method.
    pub fn allows_method(self, method: &str) -> bool {
        match method {
            "GET" => true,
            "POST" | "PUT" => !self.read_only,
            "DELETE" => !self.read_only && self.allow_destructive,
            _ => false,
        }
    }
}

impl Effect {
    /// The MCP annotations: hints for the client, derived from the effect and the mode.
    pub fn annotations(self, title: &str, mode: Mode) -> ToolAnnotations {
        let (read_only, destructive, idempotent) = match self {
            Effect::Read => (true, false, true),
            Effect::Create => (false, false, false),
            Effect::Update => (false, false, true),
            Effect::Destructive => (false, true, true),
            Effect::Api => (mode.read_only, mode.allows_method("DELETE"), mode.read_only),
        };
        ToolAnnotations::with_title(title)
            .read_only(read_only)
            .destructive(destructive)
            .idempotent(idempotent)
            .open_world(true)
    }
}

/// A successful call: the structured result and a short summary for a model to read.
pub struct Done<O> {
    pub value: O,
    pub summary: String,
}

impl<O> Done<O> {
    pub fn new(value: O, summary: impl Into<String>) -> Self {
        Self {
            value,
            summary: summary.into(),
        }
    }
}

/// A failed call, returned to the client as a tool error (`isError`) with this text: what
/// went wrong and what to do about it. Never a protocol error: a model reads this.
#[derive(Debug)]
pub struct ToolError(pub String);

impl ToolError {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl From<chatwork::Error> for ToolError {
    fn from(e: chatwork::Error) -> Self {
        let failure = crate::failure::Failure::from(e);
        Self::from(failure)
    }
}

impl From<crate::failure::Failure> for ToolError {
    fn from(f: crate::failure::Failure) -> Self {
        match f.hint {
            Some(hint) => Self(format!("{} (hint: {hint})", f.message)),
            None => Self(f.message),
        }
    }
}

type Handler = Arc<
    dyn Fn(Call, serde_json::Value) -> Pin<Box<dyn Future<Output = CallToolResult> + Send>>
        + Send
        + Sync,
>;

/// One tool.
#[derive(Clone)]
pub struct ToolDef {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub effect: Effect,
    pub input_schema: Arc<JsonObject>,
    pub output_schema: Arc<JsonObject>,
    handler: Handler,
}

impl ToolDef {
    /// The tool of an operation of the spec, named by its ID and titled by its summary
    /// (`chatwork::catalog`), taking `A` and answering `O`: both schemas come from the types;
    /// `description` is what an agent needs beyond the spec (names, notation, date forms).
    pub fn new<A, O, F, Fut>(
        name: &'static str,
        description: &'static str,
        effect: Effect,
        call: F,
    ) -> Self
    where
        A: DeserializeOwned + JsonSchema + Send + 'static,
        O: Serialize + JsonSchema + 'static,
        F: Fn(Call, A) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Done<O>, ToolError>> + Send + 'static,
    {
        let title = chatwork::catalog::operation(name).map_or(name, |op| op.summary);
        Self::titled(name, title, description, effect, call)
    }

    /// A tool that is not one operation of the spec (its title given), taking `A` and
    /// answering `O`: both schemas come from the types.
    pub fn titled<A, O, F, Fut>(
        name: &'static str,
        title: &'static str,
        description: &'static str,
        effect: Effect,
        call: F,
    ) -> Self
    where
        A: DeserializeOwned + JsonSchema + Send + 'static,
        O: Serialize + JsonSchema + 'static,
        F: Fn(Call, A) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Done<O>, ToolError>> + Send + 'static,
    {
        let call = Arc::new(call);
        let handler: Handler = Arc::new(move |ctx: Call, args: serde_json::Value| {
            let call = call.clone();
            Box::pin(async move {
                match serde_json::from_value::<A>(args) {
                    Ok(args) => finish(name, call(ctx, args).await),
                    Err(e) => error_result(format!(
                        "invalid arguments for {name}: {e} (hint: the tool's input schema lists what it takes)"
                    )),
                }
            })
        });
        Self::with_handler::<O>(name, title, description, effect, schema::<A>(), handler)
    }

    /// A tool whose input schema is given (derived from the spec's catalog) and whose
    /// arguments reach `call` as JSON; its output schema comes from `O`.
    pub fn from_schema<O, F, Fut>(
        name: &'static str,
        title: &'static str,
        description: &'static str,
        effect: Effect,
        input_schema: JsonObject,
        call: F,
    ) -> Self
    where
        O: Serialize + JsonSchema + 'static,
        F: Fn(Call, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Done<O>, ToolError>> + Send + 'static,
    {
        let call = Arc::new(call);
        let handler: Handler = Arc::new(move |ctx: Call, args: serde_json::Value| {
            let call = call.clone();
            Box::pin(async move { finish(name, call(ctx, args).await) })
        });
        Self::with_handler::<O>(
            name,
            title,
            description,
            effect,
            Arc::new(input_schema),
            handler,
        )
    }

    /// The tool of these parts; its output schema comes from `O`.
    fn with_handler<O: JsonSchema + 'static>(
        name: &'static str,
        title: &'static str,
        description: &'static str,
        effect: Effect,
        input_schema: Arc<JsonObject>,
        handler: Handler,
    ) -> Self {
        Self {
            name,
            title,
            description,
            effect,
            input_schema,
            output_schema: schema::<O>(),
            handler,
        }
    }

    /// The tool as listed to a client under `mode`.
    pub fn tool(&self, mode: Mode) -> Tool {
        Tool::new(self.name, self.description, self.input_schema.clone())
            .with_title(self.title)
            .with_raw_output_schema(self.output_schema.clone())
            .with_annotations(self.effect.annotations(self.title, mode))
    }

    /// Runs the tool.
    pub async fn call(&self, ctx: Call, args: serde_json::Value) -> CallToolResult {
        (self.handler)(ctx, args).await
    }
}

/// The JSON Schema (2020-12) of a type, as a tool's input or output schema.
fn schema<T: JsonSchema>() -> Arc<JsonObject> {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let schema = settings.into_generator().into_root_schema_for::<T>();
    match serde_json::to_value(schema) {
        Ok(serde_json::Value::Object(mut map)) => {
            // The tool's own title and description say it; the type's name would not. The
            // dialect is MCP's default (2020-12), and Rust's integer widths mean nothing to a
            // client: left out, `tools/list` is 15% shorter (52 KB to 44 KB with 29 tools).
            map.remove("title");
            map.remove("description");
            map.remove("$schema");
            let mut value = serde_json::Value::Object(map);
            strip_integer_formats(&mut value);
            match value {
                serde_json::Value::Object(map) => Arc::new(map),
                _ => Arc::new(JsonObject::new()),
            }
        }
        _ => Arc::new(JsonObject::new()),
    }
}

/// Removes `"format": "int64"` and the like (schemars' names of Rust integer types).
fn strip_integer_formats(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            let integer = map.get("format").and_then(|f| f.as_str()).is_some_and(|f| {
                matches!(
                    f,
                    "int8"
                        | "int16"
                        | "int32"
                        | "int64"
                        | "uint"
                        | "uint8"
                        | "uint16"
                        | "uint32"
                        | "uint64"
                )
            });
            if integer {
                map.remove("format");
            }
            map.values_mut().for_each(strip_integer_formats);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_integer_formats),
        _ => {}
    }
}

/// A call's outcome as a result: a failure's message after the tool's name.
fn finish<O: Serialize>(name: &str, outcome: Result<Done<O>, ToolError>) -> CallToolResult {
    match outcome {
        Ok(done) => success_result(done),
        Err(ToolError(message)) => error_result(format!("{name}: {message}")),
    }
}

/// A result: the summary, the structured value, and the same value as JSON text for clients
/// that read only text content.
fn success_result<O: Serialize>(done: Done<O>) -> CallToolResult {
    let value = match serde_json::to_value(&done.value) {
        Ok(v) => v,
        Err(e) => return error_result(format!("cannot encode the result: {e}")),
    };
    let json = value.to_string();
    // Summaries name rooms and people: made inert like every text from other people.
    let mut result = CallToolResult::success(vec![
        ContentBlock::text(super::render::inert(&done.summary)),
        ContentBlock::text(json),
    ]);
    result.structured_content = Some(value);
    result
}

fn error_result(message: String) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(super::render::inert(&message))])
}
