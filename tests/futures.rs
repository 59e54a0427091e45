//! The futures of calls stay small and `Send`: a call's state is boxed where it is large
//! (the request loop, the generated call, the error path), so it is not copied into every
//! future that awaits it, nor kept on a 2 MiB worker stack many times over. Unboxed, the
//! future of `list_messages().send()` was 15.8 KB; boxed, 760 bytes (the largest, an upload,
//! 1.9 KB with its own builder).

use std::future::Future;

/// Debug builds lay futures out larger than release builds; the bound holds for both.
const BOUND: usize = 2048;

fn check<F: Future + Send>(name: &str, future: F) -> usize {
    let size = std::mem::size_of_val(&future);
    assert!(
        size <= BOUND,
        "the future of {name} is {size} bytes (bound {BOUND})"
    );
    size
}

#[test]
fn call_futures_are_small_and_send() {
    let client = chatwork::Client::builder(chatwork::Credentials::api_token("t"))
        .base_url("http://127.0.0.1:9/v2")
        .build()
        .unwrap();
    let sizes = [
        check("list_messages", client.list_messages().room_id(1).send()),
        check("get_me", client.get_me().send()),
        check(
            "post_message",
            client.post_message().room_id(1).body("hi").send(),
        ),
        check(
            "create_task",
            client
                .create_task()
                .room_id(1)
                .body("do it")
                .to_ids([1i64])
                .send(),
        ),
        check(
            "upload_file",
            client
                .upload_file()
                .room_id(1)
                .file("a.txt", b"a".to_vec())
                .send(),
        ),
        check("raw", client.raw(chatwork::Method::GET, "/me").send()),
    ];
    eprintln!("future sizes: {sizes:?}");
}
