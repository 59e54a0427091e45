//! Uploads are read as RFC 7578 says, and a file name keeps no path.

use super::*;

/// Uploads `body` (a hand-written multipart body with the boundary `XyZ`) as Alice into
/// Project and answers the status and the stored file names.
async fn upload_raw(mock: &MockServer, body: &str) -> (u16, String, Vec<String>) {
    let room = project(mock).await;
    let sent = reqwest::Client::new()
        .post(format!("{}/rooms/{room}/files", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .header("content-type", "multipart/form-data; boundary=XyZ")
        .body(body.replace('\n', "\r\n"))
        .send()
        .await
        .unwrap();
    let status = sent.status().as_u16();
    let answer = sent.text().await.unwrap();
    // Chatwork answers an empty list with 204 and no body.
    let files = send(
        mock,
        Method::GET,
        &format!("/rooms/{room}/files"),
        "alice",
        &[],
    )
    .await;
    let files = match files.status {
        204 => json!([]),
        _ => files.json(),
    };
    let names = files
        .as_array()
        .map(|files| {
            files
                .iter()
                .map(|f| f["filename"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default();
    (status, answer, names)
}

fn file_part(disposition: &str) -> String {
    format!(
        "--XyZ\nContent-Disposition: form-data; name=\"file\"; {disposition}\nContent-Type: text/plain\n\nminutes\n--XyZ--\n"
    )
}

#[tokio::test]
async fn a_quoted_file_name_keeps_its_semicolons_and_spaces() {
    let mock = MockServer::start().await;
    let (status, answer, names) =
        upload_raw(&mock, &file_part("filename=\"minutes; final.txt\"")).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(names, ["minutes; final.txt"]);
}

#[tokio::test]
async fn a_file_name_with_a_path_keeps_only_its_base_name() {
    let mock = MockServer::start().await;
    for (sent, kept) in [
        ("../../etc/passwd", "passwd"),
        ("C:\\\\x\\\\y.txt", "y.txt"),
        ("/abs/report.pdf", "report.pdf"),
    ] {
        let (status, answer, names) =
            upload_raw(&mock, &file_part(&format!("filename=\"{sent}\""))).await;
        assert_eq!(status, 200, "{sent}: {answer}");
        assert_eq!(names.last().map(String::as_str), Some(kept), "{sent}");
    }
    // A name that is only a path leaves no file name: refused, and nothing is stored.
    let before = upload_raw(&mock, "--XyZ--\n").await.2.len();
    for sent in ["../", "a/..", "dir\\\\"] {
        let (status, answer, names) =
            upload_raw(&mock, &file_part(&format!("filename=\"{sent}\""))).await;
        assert_eq!(status, 400, "{sent}: {answer}");
        assert_eq!(names.len(), before, "{sent}");
    }
}

#[tokio::test]
async fn a_body_that_is_not_well_formed_multipart_is_refused_and_stores_nothing() {
    let mock = MockServer::start().await;
    for body in [
        // No closing delimiter.
        "--XyZ\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\n\nabc",
        // No headers at all.
        "garbage",
    ] {
        let (status, answer, names) = upload_raw(&mock, body).await;
        assert_eq!(status, 400, "{body:?}: {answer}");
        assert!(names.is_empty(), "{body:?}: {names:?}");
    }
}
