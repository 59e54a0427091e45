//! Contacts and contact requests.

use schemars::JsonSchema;
use serde::Deserialize;

use super::ListArgs;
use crate::mcp::Call;
use crate::mcp::model::{Account, Changed, ContactRequest, Listed};
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "list_contacts",
            "Your contacts, with the ID of your direct chat with each.",
            Effect::Read,
            list_contacts,
        ),
        ToolDef::new(
            "list_incoming_requests",
            "Contact requests sent to you and not yet answered.",
            Effect::Read,
            list_incoming_requests,
        ),
        ToolDef::new(
            "accept_incoming_request",
            "Approves a contact request: the sender becomes your contact.",
            Effect::Create,
            accept_incoming_request,
        ),
        ToolDef::new(
            "decline_incoming_request",
            "Declines a contact request. Cannot be undone.",
            Effect::Destructive,
            decline_incoming_request,
        ),
    ]
}

async fn list_contacts(call: Call, a: ListArgs) -> Result<Done<Listed<Account>>, ToolError> {
    let contacts = call.client().list_contacts().send().await?.into_inner();
    let listed = Listed::cut(contacts.iter().map(Account::from), call.limit(a.limit));
    let summary = listed.summary("contacts");
    Ok(Done::new(listed, summary))
}

async fn list_incoming_requests(
    call: Call,
    a: ListArgs,
) -> Result<Done<Listed<ContactRequest>>, ToolError> {
    let requests = call
        .client()
        .list_incoming_requests()
        .send()
        .await?
        .into_inner();
    let listed = Listed::cut(
        requests.iter().map(ContactRequest::from),
        call.limit(a.limit),
    );
    let summary = listed.summary("contact requests");
    Ok(Done::new(listed, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestArgs {
    /// The request's ID (list_incoming_requests shows them).
    #[schemars(range(min = 1))]
    pub request_id: i64,
}

async fn accept_incoming_request(call: Call, a: RequestArgs) -> Result<Done<Changed>, ToolError> {
    let contact = call
        .client()
        .accept_incoming_request()
        .request_id(a.request_id)
        .send()
        .await?
        .into_inner();
    let mut changed = Changed::new("contact request");
    changed.request_id = Some(a.request_id);
    changed.room_id = Some(contact.room_id.get());
    changed.detail = serde_json::to_value(Account::from(&contact)).ok();
    Ok(Done::new(
        changed,
        format!(
            "{} (account {}) is now a contact; your direct chat is room {}.",
            contact.name, contact.account_id, contact.room_id
        ),
    ))
}

async fn decline_incoming_request(call: Call, a: RequestArgs) -> Result<Done<Changed>, ToolError> {
    call.client()
        .decline_incoming_request()
        .request_id(a.request_id)
        .send()
        .await?;
    let mut changed = Changed::new("contact request");
    changed.request_id = Some(a.request_id);
    Ok(Done::new(
        changed,
        format!("Declined contact request {}.", a.request_id),
    ))
}
