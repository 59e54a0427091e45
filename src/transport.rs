//! Runs generated calls and turns their outcome into [`Response`] or [`Error`].

use std::cell::RefCell;
use std::future::Future;

use bytes::Bytes;
use progenitor_client::{ClientHooks, OperationInfo, ResponseValue};
use reqwest::header::{HeaderMap, HeaderName};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, DecodeError, Error, TransportError};
use crate::generated::{self, types::ErrorBody};
use crate::response::Response;

type GeneratedError = progenitor_client::Error<ErrorBody>;

/// Status and headers of the last answer seen by the current call, so that an
/// undecodable body still reports them.
#[derive(Clone, Debug)]
struct Meta {
    status: u16,
    headers: HeaderMap,
}

/// What the hooks learn about the current generated call.
#[derive(Default)]
struct Call {
    /// The last answer's status and headers.
    meta: Option<Meta>,
    /// Whether the request may be sent again ([`crate::policy::may_resend`]).
    resend: bool,
    /// The authenticator could not provide a token: the caller gets this error.
    auth_failure: Option<Error>,
}

// progenitor's `exec` hook must hand back a `reqwest::Response` (or a `reqwest::Error`): it
// cannot carry this crate's errors. When the request loop stops without an answer for a
// reason of its own (`policy::Stop::Refused`: the rate limiter's store is unreachable, no
// valid token), the hook records the error in the call's task-local `CALL` and returns a local
// 401 in its place (`refused`). Every entry point into generated calls (`run`,
// `execute_raw`) runs inside `CALL.scope` and checks the record before it looks at the
// answer, so that 401 never reaches a caller. This file is the only one that knows.

/// Records why the loop stopped without an answer for the current call.
fn record_refusal(error: Error) {
    let _ = CALL.try_with(|c| c.borrow_mut().auth_failure = Some(error));
}

/// The local 401 that stands in for a recorded refusal (never sent by Chatwork).
fn refused() -> reqwest::Response {
    let mut response = http::Response::new(Vec::<u8>::new());
    *response.status_mut() = reqwest::StatusCode::UNAUTHORIZED;
    reqwest::Response::from(response)
}

tokio::task_local! {
    static CALL: RefCell<Call>;
}

impl ClientHooks<crate::policy::Inner> for generated::Client {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let template = match crate::requests::path_template(info.operation_id) {
            Some(template) => std::borrow::Cow::Borrowed(template),
            None => std::borrow::Cow::Owned(request.url().path().to_owned()),
        };
        let resend = crate::policy::may_resend(request.method(), request.url());
        let _ = CALL.try_with(|c| c.borrow_mut().resend = resend);
        // Boxed: the request loop's state (about 2 KB) would otherwise be copied into every
        // future that awaits it. With this and the boxes in `finish`, `finish_list` and for
        // `convert`, the future of `list_messages().send()` is 760 bytes instead of 15.8 KB,
        // and is no longer copied layer by layer (tests/futures.rs holds the bound).
        match Box::pin(crate::policy::send(
            progenitor_client::ClientInfo::client(self),
            progenitor_client::ClientInfo::inner(self),
            request,
            resend,
            info.operation_id,
            &template,
        ))
        .await
        {
            Ok(response) => Ok(response),
            Err(crate::policy::Stop::Transport(e)) => Err(e),
            Err(crate::policy::Stop::Refused(e)) => {
                record_refusal(e);
                Ok(refused())
            }
        }
    }

    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        // progenitor adds `api-version: <info.version>`; Chatwork has no use for it.
        const API_VERSION: HeaderName = HeaderName::from_static("api-version");
        request.headers_mut().remove(API_VERSION);
        Ok(())
    }

    async fn post<E>(
        &self,
        result: &reqwest::Result<reqwest::Response>,
        info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        if let Ok(response) = result {
            let status = response.status().as_u16();
            tracing::debug!(operation = info.operation_id, status, "chatwork answered");
            let _ = CALL.try_with(|c| {
                c.borrow_mut().meta = Some(Meta {
                    status,
                    headers: response.headers().clone(),
                });
            });
        }
        Ok(())
    }
}

async fn run<T>(
    fut: impl Future<Output = Result<ResponseValue<T>, GeneratedError>>,
) -> (Result<ResponseValue<T>, GeneratedError>, Call) {
    CALL.scope(RefCell::new(Call::default()), async {
        let result = fut.await;
        (result, CALL.with(|c| std::mem::take(&mut *c.borrow_mut())))
    })
    .await
}

fn transport(operation: &'static str, resend: bool, source: reqwest::Error) -> Error {
    let connect = source.is_connect();
    Error::Transport(Box::new(TransportError {
        source,
        operation,
        connect,
        resend,
    }))
}

/// Builds the error for a non-success status from its raw body.
fn api_error(
    operation: &'static str,
    resend: bool,
    status: u16,
    headers: HeaderMap,
    body: Bytes,
) -> Error {
    let (errors, raw) = match serde_json::from_slice::<ErrorBody>(&body) {
        Ok(parsed) => (parsed.errors, None),
        Err(_) => (Vec::new(), Some(body)),
    };
    Error::Api(Box::new(ApiError {
        operation,
        status,
        errors,
        headers,
        raw_body: raw,
        resend,
    }))
}

fn decode_error(
    operation: &'static str,
    status: u16,
    headers: HeaderMap,
    body: Bytes,
    (path, message): (Option<String>, String),
) -> Error {
    Error::Decode(Box::new(DecodeError {
        operation,
        status,
        message,
        path,
        headers,
        body,
    }))
}

/// Decodes JSON into `T`, saying where in the document it failed. The fast path is plain
/// serde; only a body that fails is decoded again with path tracking, for the error.
fn decode_with_path<T: DeserializeOwned>(body: &[u8]) -> Result<T, (Option<String>, String)> {
    let plain = match serde_json::from_slice(body) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => {
            let path = e.path().to_string();
            Err((Some(path), e.into_inner().to_string()))
        }
        // The value itself decodes: what failed is after it (trailing characters).
        Ok(_) => Err((None, plain.to_string())),
    }
}

/// Decodes an answer that the generated code did not handle (an undeclared status, or a
/// hand-written operation).
pub(crate) async fn decode<T: DeserializeOwned>(
    operation: &'static str,
    resend: bool,
    response: reqwest::Response,
) -> Result<Response<T>, Error> {
    let (status, headers, body) = read_body(operation, resend, response).await?;
    let value = decode_json(operation, status, &headers, &body)?;
    Ok(Response::new(value, status, headers))
}

async fn convert<T: DeserializeOwned>(
    operation: &'static str,
    error: GeneratedError,
    call: Call,
) -> Result<Response<T>, Error> {
    let Call { meta, resend, .. } = call;
    Err(match error {
        GeneratedError::InvalidRequest(message) | GeneratedError::Custom(message) => {
            Error::from_builder(message)
        }
        GeneratedError::CommunicationError(e)
        | GeneratedError::InvalidUpgrade(e)
        | GeneratedError::ResponseBodyError(e) => transport(operation, resend, e),
        GeneratedError::ErrorResponse(rv) => {
            let status = rv.status().as_u16();
            let headers = rv.headers().clone();
            Error::Api(Box::new(ApiError {
                operation,
                status,
                errors: rv.into_inner().errors,
                headers,
                raw_body: None,
                resend,
            }))
        }
        GeneratedError::InvalidResponsePayload(body, e) => {
            let Meta { status, headers } = meta.unwrap_or(Meta {
                status: 0,
                headers: HeaderMap::new(),
            });
            if (200..300).contains(&status) {
                // Decode again to learn where it failed; progenitor only says what.
                let failure = decode_with_path::<T>(&body)
                    .err()
                    .unwrap_or((None, e.to_string()));
                decode_error(operation, status, headers, body, failure)
            } else {
                api_error(operation, resend, status, headers, body)
            }
        }
        GeneratedError::UnexpectedResponse(response) => {
            return decode(operation, resend, response).await;
        }
    })
}

/// The status and headers of a decoded answer: the headers the `post` hook kept (moved, not
/// copied a second time), or the value's own when the hook saw none.
fn success_parts<T>(rv: &ResponseValue<T>, call: Call) -> (u16, HeaderMap) {
    let status = rv.status().as_u16();
    match call.meta {
        Some(meta) if meta.status == status => (status, meta.headers),
        _ => (status, rv.headers().clone()),
    }
}

/// Finishes a generated call that answers with one object (or nothing, for 204-only
/// operations).
pub(crate) fn finish<T: DeserializeOwned>(
    operation: &'static str,
    fut: impl Future<Output = Result<ResponseValue<T>, GeneratedError>>,
) -> impl Future<Output = Result<Response<T>, Error>> {
    // Boxed before any future holds it: the generated call's state (several KB) would
    // otherwise be copied into each future that awaits it, up to the caller's.
    let fut = Box::pin(fut);
    async move {
        match run(fut).await {
            (
                _,
                Call {
                    auth_failure: Some(e),
                    ..
                },
            ) => Err(e),
            (Ok(rv), call) => {
                let (status, headers) = success_parts(&rv, call);
                Ok(Response::new(rv.into_inner(), status, headers))
            }
            (Err(e), call) => Box::pin(convert(operation, e, call)).await,
        }
    }
}

/// Finishes a generated call that answers with a list: a 204 is an empty list, and
/// `limit` keeps at most that many items.
pub(crate) fn finish_list<T: DeserializeOwned, F>(
    operation: &'static str,
    limit: Option<usize>,
    fut: F,
) -> impl Future<Output = Result<Response<Vec<T>>, Error>>
where
    F: Future<Output = Result<ResponseValue<Vec<T>>, GeneratedError>>,
{
    // Boxed as in `finish`.
    let fut = Box::pin(fut);
    async move {
        let response = match run(fut).await {
            (
                _,
                Call {
                    auth_failure: Some(e),
                    ..
                },
            ) => return Err(e),
            (Ok(rv), call) => {
                let (status, headers) = success_parts(&rv, call);
                Response::new(rv.into_inner(), status, headers)
            }
            (Err(GeneratedError::UnexpectedResponse(r)), _) if r.status().as_u16() == 204 => {
                Response::new(Vec::new(), 204, r.headers().clone())
            }
            (Err(e), call) => Box::pin(convert(operation, e, call)).await?,
        };
        Ok(apply_limit(response, limit))
    }
}

fn apply_limit<T>(response: Response<Vec<T>>, limit: Option<usize>) -> Response<Vec<T>> {
    match limit {
        Some(n) if response.len() > n => {
            let omitted = response.len() - n;
            let status = response.status();
            let headers = response.headers().clone();
            let mut items = response.into_inner();
            items.truncate(n);
            Response::new(items, status, headers).with_omitted(omitted)
        }
        _ => response,
    }
}

/// Sends a hand-built request through the same hooks (rate limits, retries) as the
/// generated calls, and returns the answer whatever its status, with whether the request may
/// be sent again ([`crate::policy::may_resend`], for the errors built from the answer).
pub(crate) async fn execute_raw(
    client: &generated::Client,
    operation: &'static str,
    request: reqwest::Request,
) -> Result<(reqwest::Response, bool), Error> {
    let info = OperationInfo {
        operation_id: operation,
    };
    let mut request = request;
    client
        .pre::<ErrorBody>(&mut request, &info)
        .await
        .map_err(|e| Error::config(e.to_string()))?;
    // `exec` decides `resend` (once) and records it with any refusal.
    // Boxed, as the generated calls' are in `finish`.
    let (result, auth_failure, resend) =
        Box::pin(CALL.scope(RefCell::new(Call::default()), async {
            let result = client.exec(request, &info).await;
            let (failure, resend) = CALL.with(|c| {
                let mut c = c.borrow_mut();
                (c.auth_failure.take(), c.resend)
            });
            (result, failure, resend)
        }))
        .await;
    if let Some(e) = auth_failure {
        return Err(e);
    }
    client
        .post::<ErrorBody>(&result, &info)
        .await
        .map_err(|e| Error::config(e.to_string()))?;
    result
        .map(|r| (r, resend))
        .map_err(|e| transport(operation, resend, e))
}

/// Reads a whole answer; a non-success status becomes [`Error::Api`].
pub(crate) async fn read_body(
    operation: &'static str,
    resend: bool,
    response: reqwest::Response,
) -> Result<(u16, HeaderMap, Bytes), Error> {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .bytes()
        .await
        .map_err(|e| transport(operation, resend, e))?;
    if !(200..300).contains(&status) {
        return Err(api_error(operation, resend, status, headers, body));
    }
    Ok((status, headers, body))
}

/// Sends a hand-built request and decodes its JSON answer.
pub(crate) async fn execute<T: DeserializeOwned>(
    client: &generated::Client,
    operation: &'static str,
    request: reqwest::Request,
) -> Result<Response<T>, Error> {
    let (response, resend) = execute_raw(client, operation, request).await?;
    decode(operation, resend, response).await
}

/// Decodes a JSON body read by [`read_body`].
pub(crate) fn decode_json<T: DeserializeOwned>(
    operation: &'static str,
    status: u16,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<T, Error> {
    decode_with_path(body)
        .map_err(|failure| decode_error(operation, status, headers.clone(), body.clone(), failure))
}
