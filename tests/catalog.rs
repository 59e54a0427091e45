//! `chatwork::catalog`: the spec's operations as data, for tools that derive surfaces.

use chatwork::catalog::{self, Body, Kind, Location};

#[test]
fn the_catalog_holds_every_operation_with_its_parameters() {
    assert_eq!(catalog::OPERATIONS.len(), 32);
    let files = catalog::operation("list_files").unwrap();
    assert_eq!(
        (files.tag, files.verb, files.method),
        ("files", "list", "GET")
    );
    assert_eq!(files.path, "/rooms/{room_id}/files");
    assert!(files.may_be_empty);
    let account = files.param("account_id").unwrap();
    assert_eq!(account.location, Location::Query);
    assert_eq!(
        account.refuse("bob").as_deref(),
        Some("Parameter 'account_id' must be an integer")
    );
    assert_eq!(account.refuse("1002"), None);
    let task = catalog::operation("create_task").unwrap();
    assert_eq!(task.body, Body::Form);
    let limit_type = task.param("limit_type").unwrap();
    assert_eq!(limit_type.kind, Kind::OneOf(&["none", "date", "time"]));
    assert_eq!(limit_type.values(), "none, date or time");
    assert!(task.param("to_ids").unwrap().required);
    assert_eq!(
        catalog::operation("update_task_status").unwrap().verb,
        "update-status"
    );
    let upload = catalog::operation("upload_file").unwrap();
    assert_eq!(upload.body, Body::Multipart);
    assert_eq!(upload.param("file").unwrap().kind, Kind::File);
    // Every ID is an SDK method's name and unique.
    let mut ids: Vec<_> = catalog::OPERATIONS.iter().map(|o| o.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 32);
}
