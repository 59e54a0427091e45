//! Invitation links, contact requests, files and OAuth, through the SDK.

use super::*;

#[tokio::test]
async fn invitation_links_and_contact_requests() {
    let mock = MockServer::start().await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let room = project(&alice).await;
    let none = alice
        .get_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap();
    assert!(!none.public);
    let link = alice
        .create_invitation_link()
        .room_id(room)
        .code("release-team")
        .description("Join us")
        .send()
        .await
        .unwrap();
    assert!(
        link.public && link.need_acceptance == Some(true),
        "{link:?}"
    );
    assert!(link.url.as_deref().unwrap().ends_with("/g/release-team"));
    let err = alice
        .create_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "a link already exists");
    let err = bob
        .delete_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403), "members cannot change the link");
    let gone = alice
        .delete_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap();
    assert!(!gone.public);
    // Dave's request: approving it makes a contact and a direct chat.
    let requests = alice.list_incoming_requests().send().await.unwrap();
    assert_eq!(requests.len(), 1);
    let contact = alice
        .accept_incoming_request()
        .request_id(requests[0].request_id)
        .send()
        .await
        .unwrap();
    assert_eq!(contact.name, "Dave");
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 3);
    assert!(
        alice
            .list_incoming_requests()
            .send()
            .await
            .unwrap()
            .is_empty()
    );
    let direct = alice
        .get_room()
        .room_id(contact.room_id)
        .send()
        .await
        .unwrap();
    assert_eq!(direct.type_, chatwork::model::RoomType::Direct);
}

#[tokio::test]
async fn upload_then_download_within_the_url_lifetime() {
    let limits = Limits {
        download_url_lifetime: Duration::from_secs(1),
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let room = project(&alice).await;
    let data = b"date,tests\n2026-11-25,171\n".to_vec();
    let uploaded = alice
        .upload_file()
        .room_id(room)
        .file("report \"ci\".csv", data.clone())
        .content_type("text/csv")
        .message("Today's report")
        .send()
        .await
        .unwrap();
    let files = bob.list_files().room_id(room).send().await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].filesize, data.len() as i64);
    assert!(files[0].download_url.is_none());
    let file = bob
        .get_file()
        .room_id(room)
        .file_id(uploaded.file_id)
        .create_download_url(true)
        .send()
        .await
        .unwrap();
    let url = file.download_url.clone().unwrap();
    let got = reqwest::get(&url).await.unwrap();
    assert_eq!(got.status().as_u16(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), data, "byte for byte");
    // The upload posted a message that names the file.
    let messages = bob.list_messages().room_id(room).send().await.unwrap();
    assert!(
        messages[0].body.contains("Today's report"),
        "{}",
        messages[0].body
    );
    // After its lifetime the URL refuses.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(reqwest::get(&url).await.unwrap().status().as_u16(), 403);
    // Read-only members cannot upload.
    let err = client(&mock, "carol")
        .upload_file()
        .room_id(room)
        .file("x.txt", b"x".to_vec())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
}

#[tokio::test]
async fn an_oauth_bearer_token_works_and_writes_are_validated() {
    let mock = MockServer::start().await;
    // An API token is not an OAuth access token: `Authorization: Bearer <API token>` is
    // refused, as on Chatwork (OAuth sign-in itself is in tests/fidelity.rs).
    let oauth = Client::builder(Credentials::oauth_access_token(mock.token("bob")))
        .base_url(mock.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(oauth.get_me().send().await.unwrap_err().status(), Some(401));
    let wrong = Client::builder(Credentials::oauth_access_token("not-a-token"))
        .base_url(mock.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(wrong.get_me().send().await.unwrap_err().status(), Some(401));

    // Values outside Chatwork's enums are refused with its error body; a parameter in the
    // query of a write is ignored.
    let room = project(&client(&mock, "alice")).await;
    let http = reqwest::Client::new();
    let put = |form: &'static str| {
        http.put(format!("{}/rooms/{room}", mock.base_url()))
            .header("x-chatworktoken", mock.token("alice"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
    };
    let refused = put("icon_preset=unicorn").await.unwrap();
    assert_eq!(refused.status(), 400);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(
        body["errors"][0]
            .as_str()
            .unwrap()
            .starts_with("Parameter 'icon_preset' must be one of group, check"),
        "{body}"
    );
    assert_eq!(put("icon_preset=beer").await.unwrap().status(), 200);
    let ignored = http
        .put(format!("{}/rooms/{room}?name=FromQuery", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("description=from+the+form")
        .send()
        .await
        .unwrap();
    assert_eq!(ignored.status(), 200);
    let r = client(&mock, "alice")
        .get_room()
        .room_id(room)
        .send()
        .await
        .unwrap();
    assert_eq!(r.name, "Project");
    assert_eq!(r.description, "from the form");
    assert!(r.icon_path.ends_with("/beer.png"), "{}", r.icon_path);
}

#[tokio::test]
async fn oauth_sign_in_with_pkce_and_refresh() {
    use chatwork::oauth::{OAuthConfig, OAuthError, Scope, Secret};
    let mock = MockServer::start().await;
    let origin = mock.origin();
    let config = OAuthConfig::public("cli-app", "https://example.invalid/callback")
        .endpoints(
            format!("{origin}/mock/oauth/authorize"),
            format!("{origin}/mock/oauth/token"),
        )
        .unwrap();
    let pending = config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ]);
    // The consent screen with "Allow" clicked, as Bob: a redirect carrying the code and state.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let allowed = http
        .get(format!("{}&mock_user=bob", pending.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 302);
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("https://example.invalid/callback?code=code-"),
        "{location}"
    );
    assert!(location.contains(&format!("state={}", pending.state())));
    let tokens = pending.exchange(&config, &location).await.unwrap();
    assert_eq!(
        tokens.scopes,
        [Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ]
    );
    // Chatwork's access tokens live 15 minutes.
    assert!(!tokens.expires_within(std::time::Duration::from_secs(890)));
    assert!(tokens.expires_within(std::time::Duration::from_secs(901)));
    let as_bob = |token: &str| {
        Client::builder(Credentials::oauth_access_token(token))
            .base_url(mock.base_url())
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap()
    };
    let me = as_bob(tokens.access_token.expose())
        .get_me()
        .send()
        .await
        .unwrap();
    assert_eq!(me.account_id.get(), 1002);
    // The code works once.
    let code = pending.code_from_callback(&location).unwrap();
    let again = config
        .exchange_code(&code, pending.verifier())
        .await
        .unwrap_err();
    assert!(
        matches!(again, OAuthError::Endpoint { ref error, .. } if error == "invalid_grant"),
        "{again:?}"
    );
    // A refresh gives a new access token; the used refresh token is refused afterwards.
    let renewed = config.refresh(&tokens).await.unwrap();
    assert_ne!(renewed.access_token.expose(), tokens.access_token.expose());
    let me = as_bob(renewed.access_token.expose())
        .get_me()
        .send()
        .await
        .unwrap();
    assert_eq!(me.account_id.get(), 1002);
    let reused = config.refresh(&tokens).await.unwrap_err();
    assert!(
        matches!(reused, OAuthError::ReauthorizationRequired { .. }),
        "{reused:?}"
    );
    // A wrong PKCE verifier is refused.
    let pending = config.authorize([Scope::ROOMS_ALL_READ]);
    let location = http
        .get(format!("{}&mock_user=alice", pending.url()))
        .send()
        .await
        .unwrap()
        .headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    let code = pending.code_from_callback(&location).unwrap();
    let wrong = config
        .exchange_code(
            &code,
            &Secret::new("not-the-verifier-0123456789012345678901234"),
        )
        .await
        .unwrap_err();
    assert!(matches!(wrong, OAuthError::Endpoint { ref error, .. } if error == "invalid_grant"));
    // An unknown bearer token is a 401.
    let err = as_bob("access-made-up").get_me().send().await.unwrap_err();
    assert_eq!(err.status(), Some(401));
}

#[tokio::test]
async fn uploads_up_to_5_mib_are_kept_and_one_byte_more_is_refused_as_chatwork_does() {
    let mock = MockServer::start().await;
    let alice = client(&mock, "alice");
    let room = project(&alice).await;
    // Exactly the limit, well over the web framework's 2 MiB default.
    let data = vec![b'x'; chatwork::MAX_UPLOAD_BYTES];
    assert_eq!(chatwork::MAX_UPLOAD_BYTES, chatwork_mock::MAX_UPLOAD_BYTES);
    let uploaded = alice
        .upload_file()
        .room_id(room)
        .file("big.bin", data)
        .send()
        .await
        .unwrap();
    let file = alice
        .get_file()
        .room_id(room)
        .file_id(uploaded.file_id)
        .send()
        .await
        .unwrap();
    assert_eq!(file.filesize as usize, chatwork_mock::MAX_UPLOAD_BYTES);
    // One byte more (the SDK refuses it before sending; a hand-made request reaches the
    // local Chatwork, which answers like Chatwork: JSON errors).
    let boundary = "b0undary";
    let mut body = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\ncontent-type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend(std::iter::repeat_n(
        b'y',
        chatwork_mock::MAX_UPLOAD_BYTES + 1,
    ));
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    let answer = reqwest::Client::new()
        .post(format!("{}/rooms/{room}/files", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let json: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(
        json,
        serde_json::json!({"errors": ["The file is larger than 5 MB"]})
    );
}
