// Generated from spec/chatwork.yaml by progenitor 0.15.1 through codegen/ (written here by
// `cargo xtask gen`; the build script writes the same with the `codegen` feature).
// Do not edit: change the spec or codegen/, then run `cargo xtask gen`.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///A short reference to an account.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AccountRef {
        pub account_id: ::chatwork::model::AccountId,
        pub avatar_image_url: ::std::string::String,
        pub name: ::std::string::String,
    }
    impl AccountRef {
        pub fn builder() -> builder::AccountRef {
            Default::default()
        }
    }
    ///A contact, with the direct chat shared with them.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Contact {
        pub account_id: ::chatwork::model::AccountId,
        pub avatar_image_url: ::std::string::String,
        pub chatwork_id: ::std::string::String,
        pub department: ::std::string::String,
        pub name: ::std::string::String,
        pub organization_id: i64,
        pub organization_name: ::std::string::String,
        pub room_id: ::chatwork::model::RoomId,
    }
    impl Contact {
        pub fn builder() -> builder::Contact {
            Default::default()
        }
    }
    ///`CreateRoomBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateRoomBody {
        ///The group chat's description (may contain message notation).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub icon_preset: ::std::option::Option<::chatwork::model::IconPreset>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub link: ::std::option::Option<::chatwork::model::Flag>,
        ///The invitation link's path; random when omitted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub link_code: ::std::option::Option<CreateRoomBodyLinkCode>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub link_need_acceptance: ::std::option::Option<::chatwork::model::Flag>,
        pub members_admin_ids: ::chatwork::model::AccountIds,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub members_member_ids: ::std::option::Option<::chatwork::model::AccountIds>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub members_readonly_ids: ::std::option::Option<::chatwork::model::AccountIds>,
        ///The group chat's name.
        pub name: CreateRoomBodyName,
    }
    impl CreateRoomBody {
        pub fn builder() -> builder::CreateRoomBody {
            Default::default()
        }
    }
    ///The invitation link's path; random when omitted.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct CreateRoomBodyLinkCode(::std::string::String);
    impl ::std::ops::Deref for CreateRoomBodyLinkCode {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateRoomBodyLinkCode> for ::std::string::String {
        fn from(value: CreateRoomBodyLinkCode) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateRoomBodyLinkCode {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 50usize {
                return Err("longer than 50 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[A-Za-z0-9_-]+$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^[A-Za-z0-9_-]+$\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateRoomBodyLinkCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CreateRoomBodyLinkCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateRoomBodyLinkCode {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///The group chat's name.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct CreateRoomBodyName(::std::string::String);
    impl ::std::ops::Deref for CreateRoomBodyName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateRoomBodyName> for ::std::string::String {
        fn from(value: CreateRoomBodyName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateRoomBodyName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 255usize {
                return Err("longer than 255 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateRoomBodyName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CreateRoomBodyName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateRoomBodyName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`CreateTaskBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct CreateTaskBody {
        ///The task text.
        pub body: CreateTaskBodyBody,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub limit: ::std::option::Option<::chatwork::model::UnixTime>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub limit_type: ::std::option::Option<::chatwork::model::TaskLimitType>,
        pub to_ids: ::chatwork::model::AccountIds,
    }
    impl CreateTaskBody {
        pub fn builder() -> builder::CreateTaskBody {
            Default::default()
        }
    }
    ///The task text.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct CreateTaskBodyBody(::std::string::String);
    impl ::std::ops::Deref for CreateTaskBodyBody {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateTaskBodyBody> for ::std::string::String {
        fn from(value: CreateTaskBodyBody) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateTaskBodyBody {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 65535usize {
                return Err("longer than 65535 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateTaskBodyBody {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CreateTaskBodyBody {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateTaskBodyBody {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`DeleteRoomBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct DeleteRoomBody {
        pub action_type: RoomActionType,
    }
    impl DeleteRoomBody {
        pub fn builder() -> builder::DeleteRoomBody {
            Default::default()
        }
    }
    ///Chatwork's error body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct ErrorBody {
        pub errors: ::std::vec::Vec<::std::string::String>,
    }
    impl ErrorBody {
        pub fn builder() -> builder::ErrorBody {
            Default::default()
        }
    }
    ///A file's metadata. `download_url` is present only when requested, and works for 30 seconds.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct File {
        ///The uploader.
        pub account: AccountRef,
        ///A download URL valid for 30 seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub download_url: ::std::option::Option<::std::string::String>,
        pub file_id: ::chatwork::model::FileId,
        pub filename: ::std::string::String,
        ///Size in bytes.
        pub filesize: i64,
        pub message_id: ::chatwork::model::MessageId,
        ///Unix seconds.
        pub upload_time: i64,
    }
    impl File {
        pub fn builder() -> builder::File {
            Default::default()
        }
    }
    /**The uploaded file. The old docs show only `file_id`; an independent client's recorded
answer carries the whole file object. Both shapes decode: the other fields are optional.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FileIdResponse {
        ///The uploader.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub account: ::std::option::Option<AccountRef>,
        pub file_id: ::chatwork::model::FileId,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub filename: ::std::option::Option<::std::string::String>,
        ///Size in bytes.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub filesize: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message_id: ::std::option::Option<::chatwork::model::MessageId>,
        ///Unix seconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub upload_time: ::std::option::Option<i64>,
    }
    impl FileIdResponse {
        pub fn builder() -> builder::FileIdResponse {
            Default::default()
        }
    }
    ///A contact request received by the authenticated account.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct IncomingRequest {
        pub account_id: ::chatwork::model::AccountId,
        pub avatar_image_url: ::std::string::String,
        pub chatwork_id: ::std::string::String,
        pub department: ::std::string::String,
        ///The requester's note.
        pub message: ::std::string::String,
        pub name: ::std::string::String,
        pub organization_id: i64,
        pub organization_name: ::std::string::String,
        pub request_id: ::chatwork::model::RequestId,
    }
    impl IncomingRequest {
        pub fn builder() -> builder::IncomingRequest {
            Default::default()
        }
    }
    ///A chat's invitation link. Without a link only `public` (false) is present.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct InvitationLink {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///Whether joining needs an admin's approval.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub need_acceptance: ::std::option::Option<bool>,
        ///Whether the chat has an invitation link.
        pub public: bool,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
    }
    impl InvitationLink {
        pub fn builder() -> builder::InvitationLink {
            Default::default()
        }
    }
    ///The settings of an invitation link being created or changed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct InvitationLinkForm {
        ///The link's path; random when omitted at creation.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<InvitationLinkFormCode>,
        ///The text shown on the link's page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub need_acceptance: ::std::option::Option<::chatwork::model::Flag>,
    }
    impl InvitationLinkForm {
        pub fn builder() -> builder::InvitationLinkForm {
            Default::default()
        }
    }
    ///The link's path; random when omitted at creation.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct InvitationLinkFormCode(::std::string::String);
    impl ::std::ops::Deref for InvitationLinkFormCode {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<InvitationLinkFormCode> for ::std::string::String {
        fn from(value: InvitationLinkFormCode) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for InvitationLinkFormCode {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 50usize {
                return Err("longer than 50 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[A-Za-z0-9_-]+$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^[A-Za-z0-9_-]+$\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for InvitationLinkFormCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InvitationLinkFormCode {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for InvitationLinkFormCode {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`MarkMessagesReadBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct MarkMessagesReadBody {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message_id: ::std::option::Option<::chatwork::model::MessageId>,
    }
    impl MarkMessagesReadBody {
        pub fn builder() -> builder::MarkMessagesReadBody {
            Default::default()
        }
    }
    ///`MarkMessagesUnreadBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct MarkMessagesUnreadBody {
        pub message_id: ::chatwork::model::MessageId,
    }
    impl MarkMessagesUnreadBody {
        pub fn builder() -> builder::MarkMessagesUnreadBody {
            Default::default()
        }
    }
    ///The authenticated account's profile. Unset profile fields are empty strings.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Me {
        pub account_id: ::chatwork::model::AccountId,
        pub avatar_image_url: ::std::string::String,
        pub chatwork_id: ::std::string::String,
        pub department: ::std::string::String,
        pub facebook: ::std::string::String,
        pub introduction: ::std::string::String,
        pub login_mail: ::std::string::String,
        pub mail: ::std::string::String,
        pub name: ::std::string::String,
        pub organization_id: i64,
        pub organization_name: ::std::string::String,
        ///The account's own "my chat".
        pub room_id: ::chatwork::model::RoomId,
        pub skype: ::std::string::String,
        pub tel_extension: ::std::string::String,
        pub tel_mobile: ::std::string::String,
        pub tel_organization: ::std::string::String,
        pub title: ::std::string::String,
        pub twitter: ::std::string::String,
        pub url: ::std::string::String,
    }
    impl Me {
        pub fn builder() -> builder::Me {
            Default::default()
        }
    }
    ///A chat member.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Member {
        pub account_id: ::chatwork::model::AccountId,
        pub avatar_image_url: ::std::string::String,
        pub chatwork_id: ::std::string::String,
        pub department: ::std::string::String,
        pub name: ::std::string::String,
        pub organization_id: i64,
        pub organization_name: ::std::string::String,
        pub role: ::chatwork::model::Role,
    }
    impl Member {
        pub fn builder() -> builder::Member {
            Default::default()
        }
    }
    ///A chat's member list after an update, by role.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct MembersByRole {
        pub admin: ::std::vec::Vec<::chatwork::model::AccountId>,
        pub member: ::std::vec::Vec<::chatwork::model::AccountId>,
        pub readonly: ::std::vec::Vec<::chatwork::model::AccountId>,
    }
    impl MembersByRole {
        pub fn builder() -> builder::MembersByRole {
            Default::default()
        }
    }
    ///A message.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Message {
        pub account: AccountRef,
        ///The text
        pub body: ::std::string::String,
        pub message_id: ::chatwork::model::MessageId,
        ///Unix seconds.
        pub send_time: i64,
        ///Unix seconds of the last edit; 0 if never edited.
        pub update_time: i64,
    }
    impl Message {
        pub fn builder() -> builder::Message {
            Default::default()
        }
    }
    ///The ID of the message that was posted, edited or deleted.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct MessageIdResponse {
        pub message_id: ::chatwork::model::MessageId,
    }
    impl MessageIdResponse {
        pub fn builder() -> builder::MessageIdResponse {
            Default::default()
        }
    }
    ///Unread, mention and task counters of the authenticated account.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct MyStatus {
        pub mention_num: i64,
        pub mention_room_num: i64,
        pub mytask_num: i64,
        pub mytask_room_num: i64,
        pub unread_num: i64,
        pub unread_room_num: i64,
    }
    impl MyStatus {
        pub fn builder() -> builder::MyStatus {
            Default::default()
        }
    }
    ///A task assigned to the authenticated account.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct MyTask {
        pub assigned_by_account: AccountRef,
        pub body: ::std::string::String,
        ///The deadline as Unix seconds (presumably 0 without one).
        pub limit_time: i64,
        pub limit_type: ::chatwork::model::TaskLimitType,
        pub message_id: ::chatwork::model::MessageId,
        pub room: MyTaskRoom,
        pub status: ::chatwork::model::TaskStatus,
        pub task_id: ::chatwork::model::TaskId,
    }
    impl MyTask {
        pub fn builder() -> builder::MyTask {
            Default::default()
        }
    }
    ///The chat a task belongs to.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct MyTaskRoom {
        pub icon_path: ::std::string::String,
        pub name: ::std::string::String,
        pub room_id: ::chatwork::model::RoomId,
    }
    impl MyTaskRoom {
        pub fn builder() -> builder::MyTaskRoom {
            Default::default()
        }
    }
    ///`PostMessageBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct PostMessageBody {
        ///The message text, in Chatwork message notation.
        pub body: PostMessageBodyBody,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub self_unread: ::std::option::Option<::chatwork::model::Flag>,
    }
    impl PostMessageBody {
        pub fn builder() -> builder::PostMessageBody {
            Default::default()
        }
    }
    ///The message text, in Chatwork message notation.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct PostMessageBodyBody(::std::string::String);
    impl ::std::ops::Deref for PostMessageBodyBody {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<PostMessageBodyBody> for ::std::string::String {
        fn from(value: PostMessageBodyBody) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for PostMessageBodyBody {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 65535usize {
                return Err("longer than 65535 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for PostMessageBodyBody {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for PostMessageBodyBody {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PostMessageBodyBody {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///A chat's details, as returned by `GET /rooms/{room_id}`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Room {
        pub description: ::std::string::String,
        pub file_num: i64,
        pub icon_path: ::std::string::String,
        ///Unix seconds.
        pub last_update_time: i64,
        pub mention_num: i64,
        pub message_num: i64,
        pub mytask_num: i64,
        pub name: ::std::string::String,
        pub role: ::chatwork::model::Role,
        pub room_id: ::chatwork::model::RoomId,
        pub sticky: bool,
        pub task_num: i64,
        #[serde(rename = "type")]
        pub type_: ::chatwork::model::RoomType,
        pub unread_num: i64,
    }
    impl Room {
        pub fn builder() -> builder::Room {
            Default::default()
        }
    }
    ///`leave` leaves the chat; `delete` destroys it for everyone.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    pub enum RoomActionType {
        #[serde(rename = "leave")]
        Leave,
        #[serde(rename = "delete")]
        Delete,
    }
    impl ::std::fmt::Display for RoomActionType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Leave => f.write_str("leave"),
                Self::Delete => f.write_str("delete"),
            }
        }
    }
    impl ::std::str::FromStr for RoomActionType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "leave" => Ok(Self::Leave),
                "delete" => Ok(Self::Delete),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for RoomActionType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for RoomActionType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///The ID of the chat that was created or changed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct RoomIdResponse {
        pub room_id: ::chatwork::model::RoomId,
    }
    impl RoomIdResponse {
        pub fn builder() -> builder::RoomIdResponse {
            Default::default()
        }
    }
    ///A chat as listed by `GET /rooms`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct RoomSummary {
        pub file_num: i64,
        pub icon_path: ::std::string::String,
        ///Unix seconds.
        pub last_update_time: i64,
        pub mention_num: i64,
        pub message_num: i64,
        pub mytask_num: i64,
        pub name: ::std::string::String,
        pub role: ::chatwork::model::Role,
        pub room_id: ::chatwork::model::RoomId,
        pub sticky: bool,
        pub task_num: i64,
        #[serde(rename = "type")]
        pub type_: ::chatwork::model::RoomType,
        pub unread_num: i64,
    }
    impl RoomSummary {
        pub fn builder() -> builder::RoomSummary {
            Default::default()
        }
    }
    ///A task in a chat.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct RoomTask {
        ///The assignee.
        pub account: AccountRef,
        pub assigned_by_account: AccountRef,
        pub body: ::std::string::String,
        ///The deadline as Unix seconds (presumably 0 without one).
        pub limit_time: i64,
        pub limit_type: ::chatwork::model::TaskLimitType,
        pub message_id: ::chatwork::model::MessageId,
        pub status: ::chatwork::model::TaskStatus,
        pub task_id: ::chatwork::model::TaskId,
    }
    impl RoomTask {
        pub fn builder() -> builder::RoomTask {
            Default::default()
        }
    }
    ///The ID of the task that was changed.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TaskIdResponse {
        pub task_id: ::chatwork::model::TaskId,
    }
    impl TaskIdResponse {
        pub fn builder() -> builder::TaskIdResponse {
            Default::default()
        }
    }
    ///The IDs of the tasks that were created.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TaskIdsResponse {
        pub task_ids: ::std::vec::Vec<::chatwork::model::TaskId>,
    }
    impl TaskIdsResponse {
        pub fn builder() -> builder::TaskIdsResponse {
            Default::default()
        }
    }
    ///A chat's unread and mention counts after marking messages.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UnreadCounts {
        pub mention_num: i64,
        pub unread_num: i64,
    }
    impl UnreadCounts {
        pub fn builder() -> builder::UnreadCounts {
            Default::default()
        }
    }
    ///`UpdateMembersBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct UpdateMembersBody {
        pub members_admin_ids: ::chatwork::model::AccountIds,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub members_member_ids: ::std::option::Option<::chatwork::model::AccountIds>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub members_readonly_ids: ::std::option::Option<::chatwork::model::AccountIds>,
    }
    impl UpdateMembersBody {
        pub fn builder() -> builder::UpdateMembersBody {
            Default::default()
        }
    }
    ///`UpdateMessageBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct UpdateMessageBody {
        ///The new message text, in Chatwork message notation.
        pub body: UpdateMessageBodyBody,
    }
    impl UpdateMessageBody {
        pub fn builder() -> builder::UpdateMessageBody {
            Default::default()
        }
    }
    ///The new message text, in Chatwork message notation.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct UpdateMessageBodyBody(::std::string::String);
    impl ::std::ops::Deref for UpdateMessageBodyBody {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<UpdateMessageBodyBody> for ::std::string::String {
        fn from(value: UpdateMessageBodyBody) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for UpdateMessageBodyBody {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 65535usize {
                return Err("longer than 65535 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for UpdateMessageBodyBody {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for UpdateMessageBodyBody {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for UpdateMessageBodyBody {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`UpdateRoomBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct UpdateRoomBody {
        ///The new description.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub icon_preset: ::std::option::Option<::chatwork::model::IconPreset>,
        ///The new name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<UpdateRoomBodyName>,
    }
    impl UpdateRoomBody {
        pub fn builder() -> builder::UpdateRoomBody {
            Default::default()
        }
    }
    ///The new name.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct UpdateRoomBodyName(::std::string::String);
    impl ::std::ops::Deref for UpdateRoomBodyName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<UpdateRoomBodyName> for ::std::string::String {
        fn from(value: UpdateRoomBodyName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for UpdateRoomBodyName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 255usize {
                return Err("longer than 255 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for UpdateRoomBodyName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for UpdateRoomBodyName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for UpdateRoomBodyName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`UpdateTaskStatusBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct UpdateTaskStatusBody {
        pub body: ::chatwork::model::TaskStatus,
    }
    impl UpdateTaskStatusBody {
        pub fn builder() -> builder::UpdateTaskStatusBody {
            Default::default()
        }
    }
    /**The JSON body of a webhook delivery, POSTed by Chatwork to the webhook URL and
signed with `x-chatworkwebhooksignature` (HMAC-SHA256 of the raw body, keyed with
the Base64-decoded webhook token).
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookEnvelope {
        pub webhook_event: WebhookEnvelopeWebhookEvent,
        ///Unix seconds.
        pub webhook_event_time: i64,
        pub webhook_event_type: ::chatwork::model::WebhookEventType,
        pub webhook_setting_id: ::std::string::String,
    }
    impl WebhookEnvelope {
        pub fn builder() -> builder::WebhookEnvelope {
            Default::default()
        }
    }
    ///`WebhookEnvelopeWebhookEvent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    pub enum WebhookEnvelopeWebhookEvent {
        MessageEvent(WebhookMessageEvent),
        MentionEvent(WebhookMentionEvent),
    }
    impl ::std::convert::From<WebhookMessageEvent> for WebhookEnvelopeWebhookEvent {
        fn from(value: WebhookMessageEvent) -> Self {
            Self::MessageEvent(value)
        }
    }
    impl ::std::convert::From<WebhookMentionEvent> for WebhookEnvelopeWebhookEvent {
        fn from(value: WebhookMentionEvent) -> Self {
            Self::MentionEvent(value)
        }
    }
    ///The event of `mention_to_me`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookMentionEvent {
        pub body: ::std::string::String,
        pub from_account_id: ::chatwork::model::AccountId,
        pub message_id: ::chatwork::model::MessageId,
        pub room_id: ::chatwork::model::RoomId,
        pub send_time: i64,
        pub to_account_id: ::chatwork::model::AccountId,
        pub update_time: i64,
    }
    impl WebhookMentionEvent {
        pub fn builder() -> builder::WebhookMentionEvent {
            Default::default()
        }
    }
    ///The event of `message_created` and `message_updated`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct WebhookMessageEvent {
        pub account_id: ::chatwork::model::AccountId,
        pub body: ::std::string::String,
        pub message_id: ::chatwork::model::MessageId,
        pub room_id: ::chatwork::model::RoomId,
        pub send_time: i64,
        pub update_time: i64,
    }
    impl WebhookMessageEvent {
        pub fn builder() -> builder::WebhookMessageEvent {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AccountRef {
            account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            avatar_image_url: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for AccountRef {
            fn default() -> Self {
                Self {
                    account_id: Err("no value supplied for account_id".to_string()),
                    avatar_image_url: Err(
                        "no value supplied for avatar_image_url".to_string(),
                    ),
                    name: Err("no value supplied for name".to_string()),
                }
            }
        }
        impl AccountRef {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn avatar_image_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_image_url = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for avatar_image_url: {e}"
                        )
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AccountRef> for super::AccountRef {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AccountRef,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    avatar_image_url: value.avatar_image_url?,
                    name: value.name?,
                })
            }
        }
        impl ::std::convert::From<super::AccountRef> for AccountRef {
            fn from(value: super::AccountRef) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    avatar_image_url: Ok(value.avatar_image_url),
                    name: Ok(value.name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Contact {
            account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            avatar_image_url: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            chatwork_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            department: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            organization_id: ::std::result::Result<i64, ::std::string::String>,
            organization_name: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Contact {
            fn default() -> Self {
                Self {
                    account_id: Err("no value supplied for account_id".to_string()),
                    avatar_image_url: Err(
                        "no value supplied for avatar_image_url".to_string(),
                    ),
                    chatwork_id: Err("no value supplied for chatwork_id".to_string()),
                    department: Err("no value supplied for department".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    organization_id: Err(
                        "no value supplied for organization_id".to_string(),
                    ),
                    organization_name: Err(
                        "no value supplied for organization_name".to_string(),
                    ),
                    room_id: Err("no value supplied for room_id".to_string()),
                }
            }
        }
        impl Contact {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn avatar_image_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_image_url = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for avatar_image_url: {e}"
                        )
                    });
                self
            }
            pub fn chatwork_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.chatwork_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for chatwork_id: {e}")
                    });
                self
            }
            pub fn department<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.department = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for department: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn organization_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_id: {e}"
                        )
                    });
                self
            }
            pub fn organization_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_name = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_name: {e}"
                        )
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Contact> for super::Contact {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Contact,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    avatar_image_url: value.avatar_image_url?,
                    chatwork_id: value.chatwork_id?,
                    department: value.department?,
                    name: value.name?,
                    organization_id: value.organization_id?,
                    organization_name: value.organization_name?,
                    room_id: value.room_id?,
                })
            }
        }
        impl ::std::convert::From<super::Contact> for Contact {
            fn from(value: super::Contact) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    avatar_image_url: Ok(value.avatar_image_url),
                    chatwork_id: Ok(value.chatwork_id),
                    department: Ok(value.department),
                    name: Ok(value.name),
                    organization_id: Ok(value.organization_id),
                    organization_name: Ok(value.organization_name),
                    room_id: Ok(value.room_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateRoomBody {
            description: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            icon_preset: ::std::result::Result<
                ::std::option::Option<::chatwork::model::IconPreset>,
                ::std::string::String,
            >,
            link: ::std::result::Result<
                ::std::option::Option<::chatwork::model::Flag>,
                ::std::string::String,
            >,
            link_code: ::std::result::Result<
                ::std::option::Option<super::CreateRoomBodyLinkCode>,
                ::std::string::String,
            >,
            link_need_acceptance: ::std::result::Result<
                ::std::option::Option<::chatwork::model::Flag>,
                ::std::string::String,
            >,
            members_admin_ids: ::std::result::Result<
                ::chatwork::model::AccountIds,
                ::std::string::String,
            >,
            members_member_ids: ::std::result::Result<
                ::std::option::Option<::chatwork::model::AccountIds>,
                ::std::string::String,
            >,
            members_readonly_ids: ::std::result::Result<
                ::std::option::Option<::chatwork::model::AccountIds>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                super::CreateRoomBodyName,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateRoomBody {
            fn default() -> Self {
                Self {
                    description: Ok(Default::default()),
                    icon_preset: Ok(Default::default()),
                    link: Ok(Default::default()),
                    link_code: Ok(Default::default()),
                    link_need_acceptance: Ok(Default::default()),
                    members_admin_ids: Err(
                        "no value supplied for members_admin_ids".to_string(),
                    ),
                    members_member_ids: Ok(Default::default()),
                    members_readonly_ids: Ok(Default::default()),
                    name: Err("no value supplied for name".to_string()),
                }
            }
        }
        impl CreateRoomBody {
            pub fn description<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.description = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for description: {e}")
                    });
                self
            }
            pub fn icon_preset<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::IconPreset>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.icon_preset = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for icon_preset: {e}")
                    });
                self
            }
            pub fn link<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::Flag>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.link = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for link: {e}")
                    });
                self
            }
            pub fn link_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CreateRoomBodyLinkCode>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.link_code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for link_code: {e}")
                    });
                self
            }
            pub fn link_need_acceptance<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::Flag>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.link_need_acceptance = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for link_need_acceptance: {e}"
                        )
                    });
                self
            }
            pub fn members_admin_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountIds>,
                T::Error: ::std::fmt::Display,
            {
                self.members_admin_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for members_admin_ids: {e}"
                        )
                    });
                self
            }
            pub fn members_member_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::AccountIds>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.members_member_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for members_member_ids: {e}"
                        )
                    });
                self
            }
            pub fn members_readonly_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::AccountIds>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.members_readonly_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for members_readonly_ids: {e}"
                        )
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CreateRoomBodyName>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateRoomBody> for super::CreateRoomBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateRoomBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    description: value.description?,
                    icon_preset: value.icon_preset?,
                    link: value.link?,
                    link_code: value.link_code?,
                    link_need_acceptance: value.link_need_acceptance?,
                    members_admin_ids: value.members_admin_ids?,
                    members_member_ids: value.members_member_ids?,
                    members_readonly_ids: value.members_readonly_ids?,
                    name: value.name?,
                })
            }
        }
        impl ::std::convert::From<super::CreateRoomBody> for CreateRoomBody {
            fn from(value: super::CreateRoomBody) -> Self {
                Self {
                    description: Ok(value.description),
                    icon_preset: Ok(value.icon_preset),
                    link: Ok(value.link),
                    link_code: Ok(value.link_code),
                    link_need_acceptance: Ok(value.link_need_acceptance),
                    members_admin_ids: Ok(value.members_admin_ids),
                    members_member_ids: Ok(value.members_member_ids),
                    members_readonly_ids: Ok(value.members_readonly_ids),
                    name: Ok(value.name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateTaskBody {
            body: ::std::result::Result<
                super::CreateTaskBodyBody,
                ::std::string::String,
            >,
            limit: ::std::result::Result<
                ::std::option::Option<::chatwork::model::UnixTime>,
                ::std::string::String,
            >,
            limit_type: ::std::result::Result<
                ::std::option::Option<::chatwork::model::TaskLimitType>,
                ::std::string::String,
            >,
            to_ids: ::std::result::Result<
                ::chatwork::model::AccountIds,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateTaskBody {
            fn default() -> Self {
                Self {
                    body: Err("no value supplied for body".to_string()),
                    limit: Ok(Default::default()),
                    limit_type: Ok(Default::default()),
                    to_ids: Err("no value supplied for to_ids".to_string()),
                }
            }
        }
        impl CreateTaskBody {
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CreateTaskBodyBody>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn limit<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::UnixTime>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.limit = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for limit: {e}")
                    });
                self
            }
            pub fn limit_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::TaskLimitType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.limit_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for limit_type: {e}")
                    });
                self
            }
            pub fn to_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountIds>,
                T::Error: ::std::fmt::Display,
            {
                self.to_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for to_ids: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateTaskBody> for super::CreateTaskBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateTaskBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    body: value.body?,
                    limit: value.limit?,
                    limit_type: value.limit_type?,
                    to_ids: value.to_ids?,
                })
            }
        }
        impl ::std::convert::From<super::CreateTaskBody> for CreateTaskBody {
            fn from(value: super::CreateTaskBody) -> Self {
                Self {
                    body: Ok(value.body),
                    limit: Ok(value.limit),
                    limit_type: Ok(value.limit_type),
                    to_ids: Ok(value.to_ids),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct DeleteRoomBody {
            action_type: ::std::result::Result<
                super::RoomActionType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for DeleteRoomBody {
            fn default() -> Self {
                Self {
                    action_type: Err("no value supplied for action_type".to_string()),
                }
            }
        }
        impl DeleteRoomBody {
            pub fn action_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::RoomActionType>,
                T::Error: ::std::fmt::Display,
            {
                self.action_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for action_type: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<DeleteRoomBody> for super::DeleteRoomBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: DeleteRoomBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    action_type: value.action_type?,
                })
            }
        }
        impl ::std::convert::From<super::DeleteRoomBody> for DeleteRoomBody {
            fn from(value: super::DeleteRoomBody) -> Self {
                Self {
                    action_type: Ok(value.action_type),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorBody {
            errors: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ErrorBody {
            fn default() -> Self {
                Self {
                    errors: Err("no value supplied for errors".to_string()),
                }
            }
        }
        impl ErrorBody {
            pub fn errors<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.errors = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for errors: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorBody> for super::ErrorBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { errors: value.errors? })
            }
        }
        impl ::std::convert::From<super::ErrorBody> for ErrorBody {
            fn from(value: super::ErrorBody) -> Self {
                Self { errors: Ok(value.errors) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct File {
            account: ::std::result::Result<super::AccountRef, ::std::string::String>,
            download_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            file_id: ::std::result::Result<
                ::chatwork::model::FileId,
                ::std::string::String,
            >,
            filename: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            filesize: ::std::result::Result<i64, ::std::string::String>,
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
            upload_time: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for File {
            fn default() -> Self {
                Self {
                    account: Err("no value supplied for account".to_string()),
                    download_url: Ok(Default::default()),
                    file_id: Err("no value supplied for file_id".to_string()),
                    filename: Err("no value supplied for filename".to_string()),
                    filesize: Err("no value supplied for filesize".to_string()),
                    message_id: Err("no value supplied for message_id".to_string()),
                    upload_time: Err("no value supplied for upload_time".to_string()),
                }
            }
        }
        impl File {
            pub fn account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AccountRef>,
                T::Error: ::std::fmt::Display,
            {
                self.account = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account: {e}")
                    });
                self
            }
            pub fn download_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.download_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for download_url: {e}")
                    });
                self
            }
            pub fn file_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::FileId>,
                T::Error: ::std::fmt::Display,
            {
                self.file_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for file_id: {e}")
                    });
                self
            }
            pub fn filename<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.filename = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for filename: {e}")
                    });
                self
            }
            pub fn filesize<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.filesize = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for filesize: {e}")
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn upload_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.upload_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for upload_time: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<File> for super::File {
            type Error = super::error::ConversionError;
            fn try_from(
                value: File,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account: value.account?,
                    download_url: value.download_url?,
                    file_id: value.file_id?,
                    filename: value.filename?,
                    filesize: value.filesize?,
                    message_id: value.message_id?,
                    upload_time: value.upload_time?,
                })
            }
        }
        impl ::std::convert::From<super::File> for File {
            fn from(value: super::File) -> Self {
                Self {
                    account: Ok(value.account),
                    download_url: Ok(value.download_url),
                    file_id: Ok(value.file_id),
                    filename: Ok(value.filename),
                    filesize: Ok(value.filesize),
                    message_id: Ok(value.message_id),
                    upload_time: Ok(value.upload_time),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct FileIdResponse {
            account: ::std::result::Result<
                ::std::option::Option<super::AccountRef>,
                ::std::string::String,
            >,
            file_id: ::std::result::Result<
                ::chatwork::model::FileId,
                ::std::string::String,
            >,
            filename: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            filesize: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            message_id: ::std::result::Result<
                ::std::option::Option<::chatwork::model::MessageId>,
                ::std::string::String,
            >,
            upload_time: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for FileIdResponse {
            fn default() -> Self {
                Self {
                    account: Ok(Default::default()),
                    file_id: Err("no value supplied for file_id".to_string()),
                    filename: Ok(Default::default()),
                    filesize: Ok(Default::default()),
                    message_id: Ok(Default::default()),
                    upload_time: Ok(Default::default()),
                }
            }
        }
        impl FileIdResponse {
            pub fn account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::AccountRef>>,
                T::Error: ::std::fmt::Display,
            {
                self.account = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account: {e}")
                    });
                self
            }
            pub fn file_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::FileId>,
                T::Error: ::std::fmt::Display,
            {
                self.file_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for file_id: {e}")
                    });
                self
            }
            pub fn filename<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.filename = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for filename: {e}")
                    });
                self
            }
            pub fn filesize<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.filesize = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for filesize: {e}")
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::MessageId>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn upload_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.upload_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for upload_time: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<FileIdResponse> for super::FileIdResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: FileIdResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account: value.account?,
                    file_id: value.file_id?,
                    filename: value.filename?,
                    filesize: value.filesize?,
                    message_id: value.message_id?,
                    upload_time: value.upload_time?,
                })
            }
        }
        impl ::std::convert::From<super::FileIdResponse> for FileIdResponse {
            fn from(value: super::FileIdResponse) -> Self {
                Self {
                    account: Ok(value.account),
                    file_id: Ok(value.file_id),
                    filename: Ok(value.filename),
                    filesize: Ok(value.filesize),
                    message_id: Ok(value.message_id),
                    upload_time: Ok(value.upload_time),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct IncomingRequest {
            account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            avatar_image_url: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            chatwork_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            department: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            message: ::std::result::Result<::std::string::String, ::std::string::String>,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            organization_id: ::std::result::Result<i64, ::std::string::String>,
            organization_name: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            request_id: ::std::result::Result<
                ::chatwork::model::RequestId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for IncomingRequest {
            fn default() -> Self {
                Self {
                    account_id: Err("no value supplied for account_id".to_string()),
                    avatar_image_url: Err(
                        "no value supplied for avatar_image_url".to_string(),
                    ),
                    chatwork_id: Err("no value supplied for chatwork_id".to_string()),
                    department: Err("no value supplied for department".to_string()),
                    message: Err("no value supplied for message".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    organization_id: Err(
                        "no value supplied for organization_id".to_string(),
                    ),
                    organization_name: Err(
                        "no value supplied for organization_name".to_string(),
                    ),
                    request_id: Err("no value supplied for request_id".to_string()),
                }
            }
        }
        impl IncomingRequest {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn avatar_image_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_image_url = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for avatar_image_url: {e}"
                        )
                    });
                self
            }
            pub fn chatwork_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.chatwork_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for chatwork_id: {e}")
                    });
                self
            }
            pub fn department<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.department = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for department: {e}")
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn organization_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_id: {e}"
                        )
                    });
                self
            }
            pub fn organization_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_name = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_name: {e}"
                        )
                    });
                self
            }
            pub fn request_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RequestId>,
                T::Error: ::std::fmt::Display,
            {
                self.request_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for request_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<IncomingRequest> for super::IncomingRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: IncomingRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    avatar_image_url: value.avatar_image_url?,
                    chatwork_id: value.chatwork_id?,
                    department: value.department?,
                    message: value.message?,
                    name: value.name?,
                    organization_id: value.organization_id?,
                    organization_name: value.organization_name?,
                    request_id: value.request_id?,
                })
            }
        }
        impl ::std::convert::From<super::IncomingRequest> for IncomingRequest {
            fn from(value: super::IncomingRequest) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    avatar_image_url: Ok(value.avatar_image_url),
                    chatwork_id: Ok(value.chatwork_id),
                    department: Ok(value.department),
                    message: Ok(value.message),
                    name: Ok(value.name),
                    organization_id: Ok(value.organization_id),
                    organization_name: Ok(value.organization_name),
                    request_id: Ok(value.request_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct InvitationLink {
            description: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            need_acceptance: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            public: ::std::result::Result<bool, ::std::string::String>,
            url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for InvitationLink {
            fn default() -> Self {
                Self {
                    description: Ok(Default::default()),
                    need_acceptance: Ok(Default::default()),
                    public: Err("no value supplied for public".to_string()),
                    url: Ok(Default::default()),
                }
            }
        }
        impl InvitationLink {
            pub fn description<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.description = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for description: {e}")
                    });
                self
            }
            pub fn need_acceptance<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.need_acceptance = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for need_acceptance: {e}"
                        )
                    });
                self
            }
            pub fn public<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.public = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for public: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<InvitationLink> for super::InvitationLink {
            type Error = super::error::ConversionError;
            fn try_from(
                value: InvitationLink,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    description: value.description?,
                    need_acceptance: value.need_acceptance?,
                    public: value.public?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::InvitationLink> for InvitationLink {
            fn from(value: super::InvitationLink) -> Self {
                Self {
                    description: Ok(value.description),
                    need_acceptance: Ok(value.need_acceptance),
                    public: Ok(value.public),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct InvitationLinkForm {
            code: ::std::result::Result<
                ::std::option::Option<super::InvitationLinkFormCode>,
                ::std::string::String,
            >,
            description: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            need_acceptance: ::std::result::Result<
                ::std::option::Option<::chatwork::model::Flag>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for InvitationLinkForm {
            fn default() -> Self {
                Self {
                    code: Ok(Default::default()),
                    description: Ok(Default::default()),
                    need_acceptance: Ok(Default::default()),
                }
            }
        }
        impl InvitationLinkForm {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::InvitationLinkFormCode>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    });
                self
            }
            pub fn description<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.description = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for description: {e}")
                    });
                self
            }
            pub fn need_acceptance<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::Flag>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.need_acceptance = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for need_acceptance: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<InvitationLinkForm> for super::InvitationLinkForm {
            type Error = super::error::ConversionError;
            fn try_from(
                value: InvitationLinkForm,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    description: value.description?,
                    need_acceptance: value.need_acceptance?,
                })
            }
        }
        impl ::std::convert::From<super::InvitationLinkForm> for InvitationLinkForm {
            fn from(value: super::InvitationLinkForm) -> Self {
                Self {
                    code: Ok(value.code),
                    description: Ok(value.description),
                    need_acceptance: Ok(value.need_acceptance),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MarkMessagesReadBody {
            message_id: ::std::result::Result<
                ::std::option::Option<::chatwork::model::MessageId>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MarkMessagesReadBody {
            fn default() -> Self {
                Self {
                    message_id: Ok(Default::default()),
                }
            }
        }
        impl MarkMessagesReadBody {
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::MessageId>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MarkMessagesReadBody>
        for super::MarkMessagesReadBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MarkMessagesReadBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    message_id: value.message_id?,
                })
            }
        }
        impl ::std::convert::From<super::MarkMessagesReadBody> for MarkMessagesReadBody {
            fn from(value: super::MarkMessagesReadBody) -> Self {
                Self {
                    message_id: Ok(value.message_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MarkMessagesUnreadBody {
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MarkMessagesUnreadBody {
            fn default() -> Self {
                Self {
                    message_id: Err("no value supplied for message_id".to_string()),
                }
            }
        }
        impl MarkMessagesUnreadBody {
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MarkMessagesUnreadBody>
        for super::MarkMessagesUnreadBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MarkMessagesUnreadBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    message_id: value.message_id?,
                })
            }
        }
        impl ::std::convert::From<super::MarkMessagesUnreadBody>
        for MarkMessagesUnreadBody {
            fn from(value: super::MarkMessagesUnreadBody) -> Self {
                Self {
                    message_id: Ok(value.message_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Me {
            account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            avatar_image_url: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            chatwork_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            department: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            facebook: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            introduction: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            login_mail: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            mail: ::std::result::Result<::std::string::String, ::std::string::String>,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            organization_id: ::std::result::Result<i64, ::std::string::String>,
            organization_name: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
            skype: ::std::result::Result<::std::string::String, ::std::string::String>,
            tel_extension: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            tel_mobile: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            tel_organization: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            title: ::std::result::Result<::std::string::String, ::std::string::String>,
            twitter: ::std::result::Result<::std::string::String, ::std::string::String>,
            url: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for Me {
            fn default() -> Self {
                Self {
                    account_id: Err("no value supplied for account_id".to_string()),
                    avatar_image_url: Err(
                        "no value supplied for avatar_image_url".to_string(),
                    ),
                    chatwork_id: Err("no value supplied for chatwork_id".to_string()),
                    department: Err("no value supplied for department".to_string()),
                    facebook: Err("no value supplied for facebook".to_string()),
                    introduction: Err("no value supplied for introduction".to_string()),
                    login_mail: Err("no value supplied for login_mail".to_string()),
                    mail: Err("no value supplied for mail".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    organization_id: Err(
                        "no value supplied for organization_id".to_string(),
                    ),
                    organization_name: Err(
                        "no value supplied for organization_name".to_string(),
                    ),
                    room_id: Err("no value supplied for room_id".to_string()),
                    skype: Err("no value supplied for skype".to_string()),
                    tel_extension: Err(
                        "no value supplied for tel_extension".to_string(),
                    ),
                    tel_mobile: Err("no value supplied for tel_mobile".to_string()),
                    tel_organization: Err(
                        "no value supplied for tel_organization".to_string(),
                    ),
                    title: Err("no value supplied for title".to_string()),
                    twitter: Err("no value supplied for twitter".to_string()),
                    url: Err("no value supplied for url".to_string()),
                }
            }
        }
        impl Me {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn avatar_image_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_image_url = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for avatar_image_url: {e}"
                        )
                    });
                self
            }
            pub fn chatwork_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.chatwork_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for chatwork_id: {e}")
                    });
                self
            }
            pub fn department<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.department = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for department: {e}")
                    });
                self
            }
            pub fn facebook<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.facebook = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for facebook: {e}")
                    });
                self
            }
            pub fn introduction<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.introduction = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for introduction: {e}")
                    });
                self
            }
            pub fn login_mail<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.login_mail = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for login_mail: {e}")
                    });
                self
            }
            pub fn mail<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.mail = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mail: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn organization_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_id: {e}"
                        )
                    });
                self
            }
            pub fn organization_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_name = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_name: {e}"
                        )
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
            pub fn skype<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.skype = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for skype: {e}")
                    });
                self
            }
            pub fn tel_extension<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.tel_extension = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for tel_extension: {e}")
                    });
                self
            }
            pub fn tel_mobile<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.tel_mobile = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for tel_mobile: {e}")
                    });
                self
            }
            pub fn tel_organization<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.tel_organization = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for tel_organization: {e}"
                        )
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
            pub fn twitter<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.twitter = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for twitter: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Me> for super::Me {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Me,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    avatar_image_url: value.avatar_image_url?,
                    chatwork_id: value.chatwork_id?,
                    department: value.department?,
                    facebook: value.facebook?,
                    introduction: value.introduction?,
                    login_mail: value.login_mail?,
                    mail: value.mail?,
                    name: value.name?,
                    organization_id: value.organization_id?,
                    organization_name: value.organization_name?,
                    room_id: value.room_id?,
                    skype: value.skype?,
                    tel_extension: value.tel_extension?,
                    tel_mobile: value.tel_mobile?,
                    tel_organization: value.tel_organization?,
                    title: value.title?,
                    twitter: value.twitter?,
                    url: value.url?,
                })
            }
        }
        impl ::std::convert::From<super::Me> for Me {
            fn from(value: super::Me) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    avatar_image_url: Ok(value.avatar_image_url),
                    chatwork_id: Ok(value.chatwork_id),
                    department: Ok(value.department),
                    facebook: Ok(value.facebook),
                    introduction: Ok(value.introduction),
                    login_mail: Ok(value.login_mail),
                    mail: Ok(value.mail),
                    name: Ok(value.name),
                    organization_id: Ok(value.organization_id),
                    organization_name: Ok(value.organization_name),
                    room_id: Ok(value.room_id),
                    skype: Ok(value.skype),
                    tel_extension: Ok(value.tel_extension),
                    tel_mobile: Ok(value.tel_mobile),
                    tel_organization: Ok(value.tel_organization),
                    title: Ok(value.title),
                    twitter: Ok(value.twitter),
                    url: Ok(value.url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Member {
            account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            avatar_image_url: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            chatwork_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            department: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            organization_id: ::std::result::Result<i64, ::std::string::String>,
            organization_name: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            role: ::std::result::Result<::chatwork::model::Role, ::std::string::String>,
        }
        impl ::std::default::Default for Member {
            fn default() -> Self {
                Self {
                    account_id: Err("no value supplied for account_id".to_string()),
                    avatar_image_url: Err(
                        "no value supplied for avatar_image_url".to_string(),
                    ),
                    chatwork_id: Err("no value supplied for chatwork_id".to_string()),
                    department: Err("no value supplied for department".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    organization_id: Err(
                        "no value supplied for organization_id".to_string(),
                    ),
                    organization_name: Err(
                        "no value supplied for organization_name".to_string(),
                    ),
                    role: Err("no value supplied for role".to_string()),
                }
            }
        }
        impl Member {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn avatar_image_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_image_url = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for avatar_image_url: {e}"
                        )
                    });
                self
            }
            pub fn chatwork_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.chatwork_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for chatwork_id: {e}")
                    });
                self
            }
            pub fn department<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.department = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for department: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn organization_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_id: {e}"
                        )
                    });
                self
            }
            pub fn organization_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.organization_name = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for organization_name: {e}"
                        )
                    });
                self
            }
            pub fn role<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::Role>,
                T::Error: ::std::fmt::Display,
            {
                self.role = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Member> for super::Member {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Member,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    avatar_image_url: value.avatar_image_url?,
                    chatwork_id: value.chatwork_id?,
                    department: value.department?,
                    name: value.name?,
                    organization_id: value.organization_id?,
                    organization_name: value.organization_name?,
                    role: value.role?,
                })
            }
        }
        impl ::std::convert::From<super::Member> for Member {
            fn from(value: super::Member) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    avatar_image_url: Ok(value.avatar_image_url),
                    chatwork_id: Ok(value.chatwork_id),
                    department: Ok(value.department),
                    name: Ok(value.name),
                    organization_id: Ok(value.organization_id),
                    organization_name: Ok(value.organization_name),
                    role: Ok(value.role),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MembersByRole {
            admin: ::std::result::Result<
                ::std::vec::Vec<::chatwork::model::AccountId>,
                ::std::string::String,
            >,
            member: ::std::result::Result<
                ::std::vec::Vec<::chatwork::model::AccountId>,
                ::std::string::String,
            >,
            readonly: ::std::result::Result<
                ::std::vec::Vec<::chatwork::model::AccountId>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MembersByRole {
            fn default() -> Self {
                Self {
                    admin: Err("no value supplied for admin".to_string()),
                    member: Err("no value supplied for member".to_string()),
                    readonly: Err("no value supplied for readonly".to_string()),
                }
            }
        }
        impl MembersByRole {
            pub fn admin<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<::chatwork::model::AccountId>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.admin = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for admin: {e}")
                    });
                self
            }
            pub fn member<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<::chatwork::model::AccountId>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.member = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for member: {e}")
                    });
                self
            }
            pub fn readonly<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<::chatwork::model::AccountId>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.readonly = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for readonly: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MembersByRole> for super::MembersByRole {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MembersByRole,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    admin: value.admin?,
                    member: value.member?,
                    readonly: value.readonly?,
                })
            }
        }
        impl ::std::convert::From<super::MembersByRole> for MembersByRole {
            fn from(value: super::MembersByRole) -> Self {
                Self {
                    admin: Ok(value.admin),
                    member: Ok(value.member),
                    readonly: Ok(value.readonly),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Message {
            account: ::std::result::Result<super::AccountRef, ::std::string::String>,
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
            send_time: ::std::result::Result<i64, ::std::string::String>,
            update_time: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for Message {
            fn default() -> Self {
                Self {
                    account: Err("no value supplied for account".to_string()),
                    body: Err("no value supplied for body".to_string()),
                    message_id: Err("no value supplied for message_id".to_string()),
                    send_time: Err("no value supplied for send_time".to_string()),
                    update_time: Err("no value supplied for update_time".to_string()),
                }
            }
        }
        impl Message {
            pub fn account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AccountRef>,
                T::Error: ::std::fmt::Display,
            {
                self.account = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account: {e}")
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn send_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.send_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for send_time: {e}")
                    });
                self
            }
            pub fn update_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.update_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for update_time: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Message> for super::Message {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Message,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account: value.account?,
                    body: value.body?,
                    message_id: value.message_id?,
                    send_time: value.send_time?,
                    update_time: value.update_time?,
                })
            }
        }
        impl ::std::convert::From<super::Message> for Message {
            fn from(value: super::Message) -> Self {
                Self {
                    account: Ok(value.account),
                    body: Ok(value.body),
                    message_id: Ok(value.message_id),
                    send_time: Ok(value.send_time),
                    update_time: Ok(value.update_time),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MessageIdResponse {
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MessageIdResponse {
            fn default() -> Self {
                Self {
                    message_id: Err("no value supplied for message_id".to_string()),
                }
            }
        }
        impl MessageIdResponse {
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MessageIdResponse> for super::MessageIdResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MessageIdResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    message_id: value.message_id?,
                })
            }
        }
        impl ::std::convert::From<super::MessageIdResponse> for MessageIdResponse {
            fn from(value: super::MessageIdResponse) -> Self {
                Self {
                    message_id: Ok(value.message_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MyStatus {
            mention_num: ::std::result::Result<i64, ::std::string::String>,
            mention_room_num: ::std::result::Result<i64, ::std::string::String>,
            mytask_num: ::std::result::Result<i64, ::std::string::String>,
            mytask_room_num: ::std::result::Result<i64, ::std::string::String>,
            unread_num: ::std::result::Result<i64, ::std::string::String>,
            unread_room_num: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for MyStatus {
            fn default() -> Self {
                Self {
                    mention_num: Err("no value supplied for mention_num".to_string()),
                    mention_room_num: Err(
                        "no value supplied for mention_room_num".to_string(),
                    ),
                    mytask_num: Err("no value supplied for mytask_num".to_string()),
                    mytask_room_num: Err(
                        "no value supplied for mytask_room_num".to_string(),
                    ),
                    unread_num: Err("no value supplied for unread_num".to_string()),
                    unread_room_num: Err(
                        "no value supplied for unread_room_num".to_string(),
                    ),
                }
            }
        }
        impl MyStatus {
            pub fn mention_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mention_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mention_num: {e}")
                    });
                self
            }
            pub fn mention_room_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mention_room_num = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for mention_room_num: {e}"
                        )
                    });
                self
            }
            pub fn mytask_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mytask_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mytask_num: {e}")
                    });
                self
            }
            pub fn mytask_room_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mytask_room_num = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for mytask_room_num: {e}"
                        )
                    });
                self
            }
            pub fn unread_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.unread_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for unread_num: {e}")
                    });
                self
            }
            pub fn unread_room_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.unread_room_num = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for unread_room_num: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MyStatus> for super::MyStatus {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MyStatus,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    mention_num: value.mention_num?,
                    mention_room_num: value.mention_room_num?,
                    mytask_num: value.mytask_num?,
                    mytask_room_num: value.mytask_room_num?,
                    unread_num: value.unread_num?,
                    unread_room_num: value.unread_room_num?,
                })
            }
        }
        impl ::std::convert::From<super::MyStatus> for MyStatus {
            fn from(value: super::MyStatus) -> Self {
                Self {
                    mention_num: Ok(value.mention_num),
                    mention_room_num: Ok(value.mention_room_num),
                    mytask_num: Ok(value.mytask_num),
                    mytask_room_num: Ok(value.mytask_room_num),
                    unread_num: Ok(value.unread_num),
                    unread_room_num: Ok(value.unread_room_num),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MyTask {
            assigned_by_account: ::std::result::Result<
                super::AccountRef,
                ::std::string::String,
            >,
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
            limit_time: ::std::result::Result<i64, ::std::string::String>,
            limit_type: ::std::result::Result<
                ::chatwork::model::TaskLimitType,
                ::std::string::String,
            >,
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
            room: ::std::result::Result<super::MyTaskRoom, ::std::string::String>,
            status: ::std::result::Result<
                ::chatwork::model::TaskStatus,
                ::std::string::String,
            >,
            task_id: ::std::result::Result<
                ::chatwork::model::TaskId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MyTask {
            fn default() -> Self {
                Self {
                    assigned_by_account: Err(
                        "no value supplied for assigned_by_account".to_string(),
                    ),
                    body: Err("no value supplied for body".to_string()),
                    limit_time: Err("no value supplied for limit_time".to_string()),
                    limit_type: Err("no value supplied for limit_type".to_string()),
                    message_id: Err("no value supplied for message_id".to_string()),
                    room: Err("no value supplied for room".to_string()),
                    status: Err("no value supplied for status".to_string()),
                    task_id: Err("no value supplied for task_id".to_string()),
                }
            }
        }
        impl MyTask {
            pub fn assigned_by_account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AccountRef>,
                T::Error: ::std::fmt::Display,
            {
                self.assigned_by_account = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for assigned_by_account: {e}"
                        )
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn limit_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.limit_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for limit_time: {e}")
                    });
                self
            }
            pub fn limit_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskLimitType>,
                T::Error: ::std::fmt::Display,
            {
                self.limit_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for limit_type: {e}")
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn room<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::MyTaskRoom>,
                T::Error: ::std::fmt::Display,
            {
                self.room = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn task_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskId>,
                T::Error: ::std::fmt::Display,
            {
                self.task_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for task_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MyTask> for super::MyTask {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MyTask,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    assigned_by_account: value.assigned_by_account?,
                    body: value.body?,
                    limit_time: value.limit_time?,
                    limit_type: value.limit_type?,
                    message_id: value.message_id?,
                    room: value.room?,
                    status: value.status?,
                    task_id: value.task_id?,
                })
            }
        }
        impl ::std::convert::From<super::MyTask> for MyTask {
            fn from(value: super::MyTask) -> Self {
                Self {
                    assigned_by_account: Ok(value.assigned_by_account),
                    body: Ok(value.body),
                    limit_time: Ok(value.limit_time),
                    limit_type: Ok(value.limit_type),
                    message_id: Ok(value.message_id),
                    room: Ok(value.room),
                    status: Ok(value.status),
                    task_id: Ok(value.task_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MyTaskRoom {
            icon_path: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MyTaskRoom {
            fn default() -> Self {
                Self {
                    icon_path: Err("no value supplied for icon_path".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    room_id: Err("no value supplied for room_id".to_string()),
                }
            }
        }
        impl MyTaskRoom {
            pub fn icon_path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.icon_path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for icon_path: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MyTaskRoom> for super::MyTaskRoom {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MyTaskRoom,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    icon_path: value.icon_path?,
                    name: value.name?,
                    room_id: value.room_id?,
                })
            }
        }
        impl ::std::convert::From<super::MyTaskRoom> for MyTaskRoom {
            fn from(value: super::MyTaskRoom) -> Self {
                Self {
                    icon_path: Ok(value.icon_path),
                    name: Ok(value.name),
                    room_id: Ok(value.room_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PostMessageBody {
            body: ::std::result::Result<
                super::PostMessageBodyBody,
                ::std::string::String,
            >,
            self_unread: ::std::result::Result<
                ::std::option::Option<::chatwork::model::Flag>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PostMessageBody {
            fn default() -> Self {
                Self {
                    body: Err("no value supplied for body".to_string()),
                    self_unread: Ok(Default::default()),
                }
            }
        }
        impl PostMessageBody {
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::PostMessageBodyBody>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn self_unread<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::Flag>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.self_unread = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for self_unread: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PostMessageBody> for super::PostMessageBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PostMessageBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    body: value.body?,
                    self_unread: value.self_unread?,
                })
            }
        }
        impl ::std::convert::From<super::PostMessageBody> for PostMessageBody {
            fn from(value: super::PostMessageBody) -> Self {
                Self {
                    body: Ok(value.body),
                    self_unread: Ok(value.self_unread),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Room {
            description: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            file_num: ::std::result::Result<i64, ::std::string::String>,
            icon_path: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            last_update_time: ::std::result::Result<i64, ::std::string::String>,
            mention_num: ::std::result::Result<i64, ::std::string::String>,
            message_num: ::std::result::Result<i64, ::std::string::String>,
            mytask_num: ::std::result::Result<i64, ::std::string::String>,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            role: ::std::result::Result<::chatwork::model::Role, ::std::string::String>,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
            sticky: ::std::result::Result<bool, ::std::string::String>,
            task_num: ::std::result::Result<i64, ::std::string::String>,
            type_: ::std::result::Result<
                ::chatwork::model::RoomType,
                ::std::string::String,
            >,
            unread_num: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for Room {
            fn default() -> Self {
                Self {
                    description: Err("no value supplied for description".to_string()),
                    file_num: Err("no value supplied for file_num".to_string()),
                    icon_path: Err("no value supplied for icon_path".to_string()),
                    last_update_time: Err(
                        "no value supplied for last_update_time".to_string(),
                    ),
                    mention_num: Err("no value supplied for mention_num".to_string()),
                    message_num: Err("no value supplied for message_num".to_string()),
                    mytask_num: Err("no value supplied for mytask_num".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    role: Err("no value supplied for role".to_string()),
                    room_id: Err("no value supplied for room_id".to_string()),
                    sticky: Err("no value supplied for sticky".to_string()),
                    task_num: Err("no value supplied for task_num".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                    unread_num: Err("no value supplied for unread_num".to_string()),
                }
            }
        }
        impl Room {
            pub fn description<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.description = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for description: {e}")
                    });
                self
            }
            pub fn file_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.file_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for file_num: {e}")
                    });
                self
            }
            pub fn icon_path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.icon_path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for icon_path: {e}")
                    });
                self
            }
            pub fn last_update_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.last_update_time = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_update_time: {e}"
                        )
                    });
                self
            }
            pub fn mention_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mention_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mention_num: {e}")
                    });
                self
            }
            pub fn message_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.message_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_num: {e}")
                    });
                self
            }
            pub fn mytask_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mytask_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mytask_num: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn role<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::Role>,
                T::Error: ::std::fmt::Display,
            {
                self.role = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role: {e}")
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
            pub fn sticky<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.sticky = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sticky: {e}")
                    });
                self
            }
            pub fn task_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.task_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for task_num: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn unread_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.unread_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for unread_num: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Room> for super::Room {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Room,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    description: value.description?,
                    file_num: value.file_num?,
                    icon_path: value.icon_path?,
                    last_update_time: value.last_update_time?,
                    mention_num: value.mention_num?,
                    message_num: value.message_num?,
                    mytask_num: value.mytask_num?,
                    name: value.name?,
                    role: value.role?,
                    room_id: value.room_id?,
                    sticky: value.sticky?,
                    task_num: value.task_num?,
                    type_: value.type_?,
                    unread_num: value.unread_num?,
                })
            }
        }
        impl ::std::convert::From<super::Room> for Room {
            fn from(value: super::Room) -> Self {
                Self {
                    description: Ok(value.description),
                    file_num: Ok(value.file_num),
                    icon_path: Ok(value.icon_path),
                    last_update_time: Ok(value.last_update_time),
                    mention_num: Ok(value.mention_num),
                    message_num: Ok(value.message_num),
                    mytask_num: Ok(value.mytask_num),
                    name: Ok(value.name),
                    role: Ok(value.role),
                    room_id: Ok(value.room_id),
                    sticky: Ok(value.sticky),
                    task_num: Ok(value.task_num),
                    type_: Ok(value.type_),
                    unread_num: Ok(value.unread_num),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RoomIdResponse {
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RoomIdResponse {
            fn default() -> Self {
                Self {
                    room_id: Err("no value supplied for room_id".to_string()),
                }
            }
        }
        impl RoomIdResponse {
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RoomIdResponse> for super::RoomIdResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RoomIdResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { room_id: value.room_id? })
            }
        }
        impl ::std::convert::From<super::RoomIdResponse> for RoomIdResponse {
            fn from(value: super::RoomIdResponse) -> Self {
                Self { room_id: Ok(value.room_id) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RoomSummary {
            file_num: ::std::result::Result<i64, ::std::string::String>,
            icon_path: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            last_update_time: ::std::result::Result<i64, ::std::string::String>,
            mention_num: ::std::result::Result<i64, ::std::string::String>,
            message_num: ::std::result::Result<i64, ::std::string::String>,
            mytask_num: ::std::result::Result<i64, ::std::string::String>,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            role: ::std::result::Result<::chatwork::model::Role, ::std::string::String>,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
            sticky: ::std::result::Result<bool, ::std::string::String>,
            task_num: ::std::result::Result<i64, ::std::string::String>,
            type_: ::std::result::Result<
                ::chatwork::model::RoomType,
                ::std::string::String,
            >,
            unread_num: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for RoomSummary {
            fn default() -> Self {
                Self {
                    file_num: Err("no value supplied for file_num".to_string()),
                    icon_path: Err("no value supplied for icon_path".to_string()),
                    last_update_time: Err(
                        "no value supplied for last_update_time".to_string(),
                    ),
                    mention_num: Err("no value supplied for mention_num".to_string()),
                    message_num: Err("no value supplied for message_num".to_string()),
                    mytask_num: Err("no value supplied for mytask_num".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    role: Err("no value supplied for role".to_string()),
                    room_id: Err("no value supplied for room_id".to_string()),
                    sticky: Err("no value supplied for sticky".to_string()),
                    task_num: Err("no value supplied for task_num".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                    unread_num: Err("no value supplied for unread_num".to_string()),
                }
            }
        }
        impl RoomSummary {
            pub fn file_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.file_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for file_num: {e}")
                    });
                self
            }
            pub fn icon_path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.icon_path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for icon_path: {e}")
                    });
                self
            }
            pub fn last_update_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.last_update_time = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_update_time: {e}"
                        )
                    });
                self
            }
            pub fn mention_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mention_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mention_num: {e}")
                    });
                self
            }
            pub fn message_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.message_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_num: {e}")
                    });
                self
            }
            pub fn mytask_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mytask_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mytask_num: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn role<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::Role>,
                T::Error: ::std::fmt::Display,
            {
                self.role = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role: {e}")
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
            pub fn sticky<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.sticky = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sticky: {e}")
                    });
                self
            }
            pub fn task_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.task_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for task_num: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn unread_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.unread_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for unread_num: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RoomSummary> for super::RoomSummary {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RoomSummary,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    file_num: value.file_num?,
                    icon_path: value.icon_path?,
                    last_update_time: value.last_update_time?,
                    mention_num: value.mention_num?,
                    message_num: value.message_num?,
                    mytask_num: value.mytask_num?,
                    name: value.name?,
                    role: value.role?,
                    room_id: value.room_id?,
                    sticky: value.sticky?,
                    task_num: value.task_num?,
                    type_: value.type_?,
                    unread_num: value.unread_num?,
                })
            }
        }
        impl ::std::convert::From<super::RoomSummary> for RoomSummary {
            fn from(value: super::RoomSummary) -> Self {
                Self {
                    file_num: Ok(value.file_num),
                    icon_path: Ok(value.icon_path),
                    last_update_time: Ok(value.last_update_time),
                    mention_num: Ok(value.mention_num),
                    message_num: Ok(value.message_num),
                    mytask_num: Ok(value.mytask_num),
                    name: Ok(value.name),
                    role: Ok(value.role),
                    room_id: Ok(value.room_id),
                    sticky: Ok(value.sticky),
                    task_num: Ok(value.task_num),
                    type_: Ok(value.type_),
                    unread_num: Ok(value.unread_num),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RoomTask {
            account: ::std::result::Result<super::AccountRef, ::std::string::String>,
            assigned_by_account: ::std::result::Result<
                super::AccountRef,
                ::std::string::String,
            >,
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
            limit_time: ::std::result::Result<i64, ::std::string::String>,
            limit_type: ::std::result::Result<
                ::chatwork::model::TaskLimitType,
                ::std::string::String,
            >,
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::chatwork::model::TaskStatus,
                ::std::string::String,
            >,
            task_id: ::std::result::Result<
                ::chatwork::model::TaskId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RoomTask {
            fn default() -> Self {
                Self {
                    account: Err("no value supplied for account".to_string()),
                    assigned_by_account: Err(
                        "no value supplied for assigned_by_account".to_string(),
                    ),
                    body: Err("no value supplied for body".to_string()),
                    limit_time: Err("no value supplied for limit_time".to_string()),
                    limit_type: Err("no value supplied for limit_type".to_string()),
                    message_id: Err("no value supplied for message_id".to_string()),
                    status: Err("no value supplied for status".to_string()),
                    task_id: Err("no value supplied for task_id".to_string()),
                }
            }
        }
        impl RoomTask {
            pub fn account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AccountRef>,
                T::Error: ::std::fmt::Display,
            {
                self.account = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account: {e}")
                    });
                self
            }
            pub fn assigned_by_account<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AccountRef>,
                T::Error: ::std::fmt::Display,
            {
                self.assigned_by_account = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for assigned_by_account: {e}"
                        )
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn limit_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.limit_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for limit_time: {e}")
                    });
                self
            }
            pub fn limit_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskLimitType>,
                T::Error: ::std::fmt::Display,
            {
                self.limit_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for limit_type: {e}")
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
            pub fn task_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskId>,
                T::Error: ::std::fmt::Display,
            {
                self.task_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for task_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RoomTask> for super::RoomTask {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RoomTask,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account: value.account?,
                    assigned_by_account: value.assigned_by_account?,
                    body: value.body?,
                    limit_time: value.limit_time?,
                    limit_type: value.limit_type?,
                    message_id: value.message_id?,
                    status: value.status?,
                    task_id: value.task_id?,
                })
            }
        }
        impl ::std::convert::From<super::RoomTask> for RoomTask {
            fn from(value: super::RoomTask) -> Self {
                Self {
                    account: Ok(value.account),
                    assigned_by_account: Ok(value.assigned_by_account),
                    body: Ok(value.body),
                    limit_time: Ok(value.limit_time),
                    limit_type: Ok(value.limit_type),
                    message_id: Ok(value.message_id),
                    status: Ok(value.status),
                    task_id: Ok(value.task_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TaskIdResponse {
            task_id: ::std::result::Result<
                ::chatwork::model::TaskId,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TaskIdResponse {
            fn default() -> Self {
                Self {
                    task_id: Err("no value supplied for task_id".to_string()),
                }
            }
        }
        impl TaskIdResponse {
            pub fn task_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskId>,
                T::Error: ::std::fmt::Display,
            {
                self.task_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for task_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TaskIdResponse> for super::TaskIdResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TaskIdResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { task_id: value.task_id? })
            }
        }
        impl ::std::convert::From<super::TaskIdResponse> for TaskIdResponse {
            fn from(value: super::TaskIdResponse) -> Self {
                Self { task_id: Ok(value.task_id) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TaskIdsResponse {
            task_ids: ::std::result::Result<
                ::std::vec::Vec<::chatwork::model::TaskId>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TaskIdsResponse {
            fn default() -> Self {
                Self {
                    task_ids: Err("no value supplied for task_ids".to_string()),
                }
            }
        }
        impl TaskIdsResponse {
            pub fn task_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::chatwork::model::TaskId>>,
                T::Error: ::std::fmt::Display,
            {
                self.task_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for task_ids: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TaskIdsResponse> for super::TaskIdsResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TaskIdsResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { task_ids: value.task_ids? })
            }
        }
        impl ::std::convert::From<super::TaskIdsResponse> for TaskIdsResponse {
            fn from(value: super::TaskIdsResponse) -> Self {
                Self {
                    task_ids: Ok(value.task_ids),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UnreadCounts {
            mention_num: ::std::result::Result<i64, ::std::string::String>,
            unread_num: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for UnreadCounts {
            fn default() -> Self {
                Self {
                    mention_num: Err("no value supplied for mention_num".to_string()),
                    unread_num: Err("no value supplied for unread_num".to_string()),
                }
            }
        }
        impl UnreadCounts {
            pub fn mention_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mention_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mention_num: {e}")
                    });
                self
            }
            pub fn unread_num<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.unread_num = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for unread_num: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UnreadCounts> for super::UnreadCounts {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UnreadCounts,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    mention_num: value.mention_num?,
                    unread_num: value.unread_num?,
                })
            }
        }
        impl ::std::convert::From<super::UnreadCounts> for UnreadCounts {
            fn from(value: super::UnreadCounts) -> Self {
                Self {
                    mention_num: Ok(value.mention_num),
                    unread_num: Ok(value.unread_num),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateMembersBody {
            members_admin_ids: ::std::result::Result<
                ::chatwork::model::AccountIds,
                ::std::string::String,
            >,
            members_member_ids: ::std::result::Result<
                ::std::option::Option<::chatwork::model::AccountIds>,
                ::std::string::String,
            >,
            members_readonly_ids: ::std::result::Result<
                ::std::option::Option<::chatwork::model::AccountIds>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UpdateMembersBody {
            fn default() -> Self {
                Self {
                    members_admin_ids: Err(
                        "no value supplied for members_admin_ids".to_string(),
                    ),
                    members_member_ids: Ok(Default::default()),
                    members_readonly_ids: Ok(Default::default()),
                }
            }
        }
        impl UpdateMembersBody {
            pub fn members_admin_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountIds>,
                T::Error: ::std::fmt::Display,
            {
                self.members_admin_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for members_admin_ids: {e}"
                        )
                    });
                self
            }
            pub fn members_member_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::AccountIds>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.members_member_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for members_member_ids: {e}"
                        )
                    });
                self
            }
            pub fn members_readonly_ids<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::AccountIds>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.members_readonly_ids = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for members_readonly_ids: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateMembersBody> for super::UpdateMembersBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateMembersBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    members_admin_ids: value.members_admin_ids?,
                    members_member_ids: value.members_member_ids?,
                    members_readonly_ids: value.members_readonly_ids?,
                })
            }
        }
        impl ::std::convert::From<super::UpdateMembersBody> for UpdateMembersBody {
            fn from(value: super::UpdateMembersBody) -> Self {
                Self {
                    members_admin_ids: Ok(value.members_admin_ids),
                    members_member_ids: Ok(value.members_member_ids),
                    members_readonly_ids: Ok(value.members_readonly_ids),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateMessageBody {
            body: ::std::result::Result<
                super::UpdateMessageBodyBody,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UpdateMessageBody {
            fn default() -> Self {
                Self {
                    body: Err("no value supplied for body".to_string()),
                }
            }
        }
        impl UpdateMessageBody {
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::UpdateMessageBodyBody>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateMessageBody> for super::UpdateMessageBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateMessageBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { body: value.body? })
            }
        }
        impl ::std::convert::From<super::UpdateMessageBody> for UpdateMessageBody {
            fn from(value: super::UpdateMessageBody) -> Self {
                Self { body: Ok(value.body) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateRoomBody {
            description: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            icon_preset: ::std::result::Result<
                ::std::option::Option<::chatwork::model::IconPreset>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<super::UpdateRoomBodyName>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UpdateRoomBody {
            fn default() -> Self {
                Self {
                    description: Ok(Default::default()),
                    icon_preset: Ok(Default::default()),
                    name: Ok(Default::default()),
                }
            }
        }
        impl UpdateRoomBody {
            pub fn description<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.description = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for description: {e}")
                    });
                self
            }
            pub fn icon_preset<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chatwork::model::IconPreset>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.icon_preset = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for icon_preset: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::UpdateRoomBodyName>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateRoomBody> for super::UpdateRoomBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateRoomBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    description: value.description?,
                    icon_preset: value.icon_preset?,
                    name: value.name?,
                })
            }
        }
        impl ::std::convert::From<super::UpdateRoomBody> for UpdateRoomBody {
            fn from(value: super::UpdateRoomBody) -> Self {
                Self {
                    description: Ok(value.description),
                    icon_preset: Ok(value.icon_preset),
                    name: Ok(value.name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateTaskStatusBody {
            body: ::std::result::Result<
                ::chatwork::model::TaskStatus,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UpdateTaskStatusBody {
            fn default() -> Self {
                Self {
                    body: Err("no value supplied for body".to_string()),
                }
            }
        }
        impl UpdateTaskStatusBody {
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::TaskStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateTaskStatusBody>
        for super::UpdateTaskStatusBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateTaskStatusBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { body: value.body? })
            }
        }
        impl ::std::convert::From<super::UpdateTaskStatusBody> for UpdateTaskStatusBody {
            fn from(value: super::UpdateTaskStatusBody) -> Self {
                Self { body: Ok(value.body) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct WebhookEnvelope {
            webhook_event: ::std::result::Result<
                super::WebhookEnvelopeWebhookEvent,
                ::std::string::String,
            >,
            webhook_event_time: ::std::result::Result<i64, ::std::string::String>,
            webhook_event_type: ::std::result::Result<
                ::chatwork::model::WebhookEventType,
                ::std::string::String,
            >,
            webhook_setting_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for WebhookEnvelope {
            fn default() -> Self {
                Self {
                    webhook_event: Err(
                        "no value supplied for webhook_event".to_string(),
                    ),
                    webhook_event_time: Err(
                        "no value supplied for webhook_event_time".to_string(),
                    ),
                    webhook_event_type: Err(
                        "no value supplied for webhook_event_type".to_string(),
                    ),
                    webhook_setting_id: Err(
                        "no value supplied for webhook_setting_id".to_string(),
                    ),
                }
            }
        }
        impl WebhookEnvelope {
            pub fn webhook_event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::WebhookEnvelopeWebhookEvent>,
                T::Error: ::std::fmt::Display,
            {
                self.webhook_event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for webhook_event: {e}")
                    });
                self
            }
            pub fn webhook_event_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.webhook_event_time = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for webhook_event_time: {e}"
                        )
                    });
                self
            }
            pub fn webhook_event_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::WebhookEventType>,
                T::Error: ::std::fmt::Display,
            {
                self.webhook_event_type = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for webhook_event_type: {e}"
                        )
                    });
                self
            }
            pub fn webhook_setting_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.webhook_setting_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for webhook_setting_id: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<WebhookEnvelope> for super::WebhookEnvelope {
            type Error = super::error::ConversionError;
            fn try_from(
                value: WebhookEnvelope,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    webhook_event: value.webhook_event?,
                    webhook_event_time: value.webhook_event_time?,
                    webhook_event_type: value.webhook_event_type?,
                    webhook_setting_id: value.webhook_setting_id?,
                })
            }
        }
        impl ::std::convert::From<super::WebhookEnvelope> for WebhookEnvelope {
            fn from(value: super::WebhookEnvelope) -> Self {
                Self {
                    webhook_event: Ok(value.webhook_event),
                    webhook_event_time: Ok(value.webhook_event_time),
                    webhook_event_type: Ok(value.webhook_event_type),
                    webhook_setting_id: Ok(value.webhook_setting_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct WebhookMentionEvent {
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
            from_account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
            send_time: ::std::result::Result<i64, ::std::string::String>,
            to_account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            update_time: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for WebhookMentionEvent {
            fn default() -> Self {
                Self {
                    body: Err("no value supplied for body".to_string()),
                    from_account_id: Err(
                        "no value supplied for from_account_id".to_string(),
                    ),
                    message_id: Err("no value supplied for message_id".to_string()),
                    room_id: Err("no value supplied for room_id".to_string()),
                    send_time: Err("no value supplied for send_time".to_string()),
                    to_account_id: Err(
                        "no value supplied for to_account_id".to_string(),
                    ),
                    update_time: Err("no value supplied for update_time".to_string()),
                }
            }
        }
        impl WebhookMentionEvent {
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn from_account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.from_account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for from_account_id: {e}"
                        )
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
            pub fn send_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.send_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for send_time: {e}")
                    });
                self
            }
            pub fn to_account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.to_account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for to_account_id: {e}")
                    });
                self
            }
            pub fn update_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.update_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for update_time: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<WebhookMentionEvent>
        for super::WebhookMentionEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: WebhookMentionEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    body: value.body?,
                    from_account_id: value.from_account_id?,
                    message_id: value.message_id?,
                    room_id: value.room_id?,
                    send_time: value.send_time?,
                    to_account_id: value.to_account_id?,
                    update_time: value.update_time?,
                })
            }
        }
        impl ::std::convert::From<super::WebhookMentionEvent> for WebhookMentionEvent {
            fn from(value: super::WebhookMentionEvent) -> Self {
                Self {
                    body: Ok(value.body),
                    from_account_id: Ok(value.from_account_id),
                    message_id: Ok(value.message_id),
                    room_id: Ok(value.room_id),
                    send_time: Ok(value.send_time),
                    to_account_id: Ok(value.to_account_id),
                    update_time: Ok(value.update_time),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct WebhookMessageEvent {
            account_id: ::std::result::Result<
                ::chatwork::model::AccountId,
                ::std::string::String,
            >,
            body: ::std::result::Result<::std::string::String, ::std::string::String>,
            message_id: ::std::result::Result<
                ::chatwork::model::MessageId,
                ::std::string::String,
            >,
            room_id: ::std::result::Result<
                ::chatwork::model::RoomId,
                ::std::string::String,
            >,
            send_time: ::std::result::Result<i64, ::std::string::String>,
            update_time: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for WebhookMessageEvent {
            fn default() -> Self {
                Self {
                    account_id: Err("no value supplied for account_id".to_string()),
                    body: Err("no value supplied for body".to_string()),
                    message_id: Err("no value supplied for message_id".to_string()),
                    room_id: Err("no value supplied for room_id".to_string()),
                    send_time: Err("no value supplied for send_time".to_string()),
                    update_time: Err("no value supplied for update_time".to_string()),
                }
            }
        }
        impl WebhookMessageEvent {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::AccountId>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn body<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.body = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for body: {e}")
                    });
                self
            }
            pub fn message_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::MessageId>,
                T::Error: ::std::fmt::Display,
            {
                self.message_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message_id: {e}")
                    });
                self
            }
            pub fn room_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chatwork::model::RoomId>,
                T::Error: ::std::fmt::Display,
            {
                self.room_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for room_id: {e}")
                    });
                self
            }
            pub fn send_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.send_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for send_time: {e}")
                    });
                self
            }
            pub fn update_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.update_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for update_time: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<WebhookMessageEvent>
        for super::WebhookMessageEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: WebhookMessageEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    body: value.body?,
                    message_id: value.message_id?,
                    room_id: value.room_id?,
                    send_time: value.send_time?,
                    update_time: value.update_time?,
                })
            }
        }
        impl ::std::convert::From<super::WebhookMessageEvent> for WebhookMessageEvent {
            fn from(value: super::WebhookMessageEvent) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    body: Ok(value.body),
                    message_id: Ok(value.message_id),
                    room_id: Ok(value.room_id),
                    send_time: Ok(value.send_time),
                    update_time: Ok(value.update_time),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Chatwork API

The Chatwork REST API v2, described by hand from Chatwork's published documentation
(see the project README for sources). This document is the single source of truth
for the `chatwork-sdk` crate: the client is generated from it at build time.

Conventions that hold for every operation:
- GET parameters travel in the query string; POST, PUT and DELETE parameters travel
  in an `application/x-www-form-urlencoded` body (since 2025-07-03 Chatwork ignores
  query parameters on POST and PUT). File upload is `multipart/form-data`.
- Boolean-like flags are the integers `0` and `1`; lists of account IDs are one
  comma-separated string (`123,542,1001`).
- `message_id` is a decimal string (values exceed 2^53); every other ID is an integer.
- Lists are plain JSON arrays with no paging; several are capped at 100 items.
- Every response carries `x-ratelimit-limit`, `x-ratelimit-remaining` and
  `x-ratelimit-reset`. The documented budget is 300 requests per 5 minutes per
  token, plus 10 message or task posts per 10 seconds per room.

Security: the items of an operation's `security` are alternatives. Chatwork accepts
any one of the OAuth scopes it lists for an operation, so each scope is a requirement
of its own (one requirement naming several scopes would demand all of them).

Rust names: where a wire name means something else in the Rust API, the operation's
`x-rust-names` extension maps the wire name to the Rust setter's name, and the code
generator reads it. A word keeps one meaning in the Rust API: `limit` is always "keep at
most N items" of a list, so `create_task`'s `limit` (the deadline) is `deadline` and
its `limit_type` is `deadline_type`, and `update_task_status`'s `body` (the status) is
`status`. The wire keeps Chatwork's names.


Version: 2*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::contract::Inner,
}
impl Client {
    pub fn new(baseurl: &str, inner: crate::contract::Inner) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::contract::Inner,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::contract::Inner> for Client {
    fn api_version() -> &'static str {
        "2"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::contract::Inner {
        &self.inner
    }
}
impl ClientHooks<crate::contract::Inner> for &Client {}
impl Client {
    pub fn get_me(&self) -> builder::GetMe<'_> {
        builder::GetMe::new(self)
    }
    pub fn get_my_status(&self) -> builder::GetMyStatus<'_> {
        builder::GetMyStatus::new(self)
    }
    pub fn list_my_tasks(&self) -> builder::ListMyTasks<'_> {
        builder::ListMyTasks::new(self)
    }
    pub fn list_contacts(&self) -> builder::ListContacts<'_> {
        builder::ListContacts::new(self)
    }
    pub fn list_rooms(&self) -> builder::ListRooms<'_> {
        builder::ListRooms::new(self)
    }
    pub fn create_room(&self) -> builder::CreateRoom<'_> {
        builder::CreateRoom::new(self)
    }
    pub fn get_room(&self) -> builder::GetRoom<'_> {
        builder::GetRoom::new(self)
    }
    pub fn update_room(&self) -> builder::UpdateRoom<'_> {
        builder::UpdateRoom::new(self)
    }
    pub fn delete_room(&self) -> builder::DeleteRoom<'_> {
        builder::DeleteRoom::new(self)
    }
    pub fn list_members(&self) -> builder::ListMembers<'_> {
        builder::ListMembers::new(self)
    }
    pub fn update_members(&self) -> builder::UpdateMembers<'_> {
        builder::UpdateMembers::new(self)
    }
    pub fn list_messages(&self) -> builder::ListMessages<'_> {
        builder::ListMessages::new(self)
    }
    pub fn post_message(&self) -> builder::PostMessage<'_> {
        builder::PostMessage::new(self)
    }
    pub fn mark_messages_read(&self) -> builder::MarkMessagesRead<'_> {
        builder::MarkMessagesRead::new(self)
    }
    pub fn mark_messages_unread(&self) -> builder::MarkMessagesUnread<'_> {
        builder::MarkMessagesUnread::new(self)
    }
    pub fn get_message(&self) -> builder::GetMessage<'_> {
        builder::GetMessage::new(self)
    }
    pub fn update_message(&self) -> builder::UpdateMessage<'_> {
        builder::UpdateMessage::new(self)
    }
    pub fn delete_message(&self) -> builder::DeleteMessage<'_> {
        builder::DeleteMessage::new(self)
    }
    pub fn list_room_tasks(&self) -> builder::ListRoomTasks<'_> {
        builder::ListRoomTasks::new(self)
    }
    pub fn create_task(&self) -> builder::CreateTask<'_> {
        builder::CreateTask::new(self)
    }
    pub fn get_task(&self) -> builder::GetTask<'_> {
        builder::GetTask::new(self)
    }
    pub fn update_task_status(&self) -> builder::UpdateTaskStatus<'_> {
        builder::UpdateTaskStatus::new(self)
    }
    pub fn list_files(&self) -> builder::ListFiles<'_> {
        builder::ListFiles::new(self)
    }
    pub fn get_file(&self) -> builder::GetFile<'_> {
        builder::GetFile::new(self)
    }
    pub fn get_invitation_link(&self) -> builder::GetInvitationLink<'_> {
        builder::GetInvitationLink::new(self)
    }
    pub fn update_invitation_link(&self) -> builder::UpdateInvitationLink<'_> {
        builder::UpdateInvitationLink::new(self)
    }
    pub fn create_invitation_link(&self) -> builder::CreateInvitationLink<'_> {
        builder::CreateInvitationLink::new(self)
    }
    pub fn delete_invitation_link(&self) -> builder::DeleteInvitationLink<'_> {
        builder::DeleteInvitationLink::new(self)
    }
    pub fn list_incoming_requests(&self) -> builder::ListIncomingRequests<'_> {
        builder::ListIncomingRequests::new(self)
    }
    pub fn accept_incoming_request(&self) -> builder::AcceptIncomingRequest<'_> {
        builder::AcceptIncomingRequest::new(self)
    }
    pub fn decline_incoming_request(&self) -> builder::DeclineIncomingRequest<'_> {
        builder::DeclineIncomingRequest::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::get_me`]

[`Client::get_me`]: super::Client::get_me*/
    #[derive(Debug, Clone)]
    pub struct GetMe<'a> {
        client: &'a super::Client,
    }
    impl<'a> GetMe<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/me`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Me>, Error<types::ErrorBody>> {
            let Self { client } = self;
            let url = format!("{}/me", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_me",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_my_status`]

[`Client::get_my_status`]: super::Client::get_my_status*/
    #[derive(Debug, Clone)]
    pub struct GetMyStatus<'a> {
        client: &'a super::Client,
    }
    impl<'a> GetMyStatus<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/my/status`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::MyStatus>, Error<types::ErrorBody>> {
            let Self { client } = self;
            let url = format!("{}/my/status", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_my_status",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_my_tasks`]

[`Client::list_my_tasks`]: super::Client::list_my_tasks*/
    #[derive(Debug, Clone)]
    pub struct ListMyTasks<'a> {
        client: &'a super::Client,
        assigned_by_account_id: Result<Option<::chatwork::model::AccountId>, String>,
        status: Result<Option<::chatwork::model::TaskStatus>, String>,
    }
    impl<'a> ListMyTasks<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                assigned_by_account_id: Ok(None),
                status: Ok(None),
            }
        }
        pub fn assigned_by_account_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::AccountId>,
        {
            self.assigned_by_account_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: AccountId` for assigned_by_account_id failed"
                        .to_string()
                });
            self
        }
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::TaskStatus>,
        {
            self.status = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: TaskStatus` for status failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/my/tasks`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::MyTask>>,
            Error<types::ErrorBody>,
        > {
            let Self { client, assigned_by_account_id, status } = self;
            let assigned_by_account_id = assigned_by_account_id
                .map_err(Error::InvalidRequest)?;
            let status = status.map_err(Error::InvalidRequest)?;
            let url = format!("{}/my/tasks", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "assigned_by_account_id",
                        &assigned_by_account_id,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("status", &status))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_my_tasks",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_contacts`]

[`Client::list_contacts`]: super::Client::list_contacts*/
    #[derive(Debug, Clone)]
    pub struct ListContacts<'a> {
        client: &'a super::Client,
    }
    impl<'a> ListContacts<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/contacts`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::Contact>>,
            Error<types::ErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/contacts", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_contacts",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_rooms`]

[`Client::list_rooms`]: super::Client::list_rooms*/
    #[derive(Debug, Clone)]
    pub struct ListRooms<'a> {
        client: &'a super::Client,
    }
    impl<'a> ListRooms<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/rooms`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::RoomSummary>>,
            Error<types::ErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/rooms", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_rooms",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_room`]

[`Client::create_room`]: super::Client::create_room*/
    #[derive(Debug, Clone)]
    pub struct CreateRoom<'a> {
        client: &'a super::Client,
        body: Result<types::builder::CreateRoomBody, String>,
    }
    impl<'a> CreateRoom<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateRoomBody>,
            <V as std::convert::TryInto<
                types::CreateRoomBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `CreateRoomBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateRoomBody,
            ) -> types::builder::CreateRoomBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/rooms`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::RoomIdResponse>, Error<types::ErrorBody>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::CreateRoomBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/rooms", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_room",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_room`]

[`Client::get_room`]: super::Client::get_room*/
    #[derive(Debug, Clone)]
    pub struct GetRoom<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
    }
    impl<'a> GetRoom<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Room>, Error<types::ErrorBody>> {
            let Self { client, room_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_room",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_room`]

[`Client::update_room`]: super::Client::update_room*/
    #[derive(Debug, Clone)]
    pub struct UpdateRoom<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::UpdateRoomBody, String>,
    }
    impl<'a> UpdateRoom<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateRoomBody>,
            <V as std::convert::TryInto<
                types::UpdateRoomBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `UpdateRoomBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateRoomBody,
            ) -> types::builder::UpdateRoomBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::RoomIdResponse>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateRoomBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_room",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_room`]

[`Client::delete_room`]: super::Client::delete_room*/
    #[derive(Debug, Clone)]
    pub struct DeleteRoom<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::DeleteRoomBody, String>,
    }
    impl<'a> DeleteRoom<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::DeleteRoomBody>,
            <V as std::convert::TryInto<
                types::DeleteRoomBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `DeleteRoomBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::DeleteRoomBody,
            ) -> types::builder::DeleteRoomBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `DELETE` request to `/rooms/{room_id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::DeleteRoomBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_room",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(ResponseValue::empty(response)),
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_members`]

[`Client::list_members`]: super::Client::list_members*/
    #[derive(Debug, Clone)]
    pub struct ListMembers<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
    }
    impl<'a> ListMembers<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/members`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::Member>>,
            Error<types::ErrorBody>,
        > {
            let Self { client, room_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/members", client.baseurl, encode_path(& room_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_members",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_members`]

[`Client::update_members`]: super::Client::update_members*/
    #[derive(Debug, Clone)]
    pub struct UpdateMembers<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::UpdateMembersBody, String>,
    }
    impl<'a> UpdateMembers<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateMembersBody>,
            <V as std::convert::TryInto<
                types::UpdateMembersBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `UpdateMembersBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateMembersBody,
            ) -> types::builder::UpdateMembersBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}/members`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::MembersByRole>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateMembersBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/members", client.baseurl, encode_path(& room_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_members",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_messages`]

[`Client::list_messages`]: super::Client::list_messages*/
    #[derive(Debug, Clone)]
    pub struct ListMessages<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        force: Result<Option<::chatwork::model::Flag>, String>,
    }
    impl<'a> ListMessages<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                force: Ok(None),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn force<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::Flag>,
        {
            self.force = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: Flag` for force failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/messages`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::Message>>,
            Error<types::ErrorBody>,
        > {
            let Self { client, room_id, force } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let force = force.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages", client.baseurl, encode_path(& room_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("force", &force))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_messages",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::post_message`]

[`Client::post_message`]: super::Client::post_message*/
    #[derive(Debug, Clone)]
    pub struct PostMessage<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::PostMessageBody, String>,
    }
    impl<'a> PostMessage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::PostMessageBody>,
            <V as std::convert::TryInto<
                types::PostMessageBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `PostMessageBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::PostMessageBody,
            ) -> types::builder::PostMessageBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/rooms/{room_id}/messages`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::MessageIdResponse>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::PostMessageBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages", client.baseurl, encode_path(& room_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "post_message",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::mark_messages_read`]

[`Client::mark_messages_read`]: super::Client::mark_messages_read*/
    #[derive(Debug, Clone)]
    pub struct MarkMessagesRead<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::MarkMessagesReadBody, String>,
    }
    impl<'a> MarkMessagesRead<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::MarkMessagesReadBody>,
            <V as std::convert::TryInto<
                types::MarkMessagesReadBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `MarkMessagesReadBody` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::MarkMessagesReadBody,
            ) -> types::builder::MarkMessagesReadBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}/messages/read`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::UnreadCounts>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::MarkMessagesReadBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages/read", client.baseurl, encode_path(& room_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "mark_messages_read",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::mark_messages_unread`]

[`Client::mark_messages_unread`]: super::Client::mark_messages_unread*/
    #[derive(Debug, Clone)]
    pub struct MarkMessagesUnread<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::MarkMessagesUnreadBody, String>,
    }
    impl<'a> MarkMessagesUnread<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::MarkMessagesUnreadBody>,
            <V as std::convert::TryInto<
                types::MarkMessagesUnreadBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `MarkMessagesUnreadBody` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::MarkMessagesUnreadBody,
            ) -> types::builder::MarkMessagesUnreadBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}/messages/unread`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::UnreadCounts>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::MarkMessagesUnreadBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages/unread", client.baseurl, encode_path(& room_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "mark_messages_unread",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_message`]

[`Client::get_message`]: super::Client::get_message*/
    #[derive(Debug, Clone)]
    pub struct GetMessage<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        message_id: Result<::chatwork::model::MessageId, String>,
    }
    impl<'a> GetMessage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                message_id: Err("message_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::MessageId>,
        {
            self.message_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: MessageId` for message_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/messages/{message_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Message>, Error<types::ErrorBody>> {
            let Self { client, room_id, message_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let message_id = message_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages/{}", client.baseurl, encode_path(& room_id
                .to_string()), encode_path(& message_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_message",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_message`]

[`Client::update_message`]: super::Client::update_message*/
    #[derive(Debug, Clone)]
    pub struct UpdateMessage<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        message_id: Result<::chatwork::model::MessageId, String>,
        body: Result<types::builder::UpdateMessageBody, String>,
    }
    impl<'a> UpdateMessage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                message_id: Err("message_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::MessageId>,
        {
            self.message_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: MessageId` for message_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateMessageBody>,
            <V as std::convert::TryInto<
                types::UpdateMessageBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `UpdateMessageBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateMessageBody,
            ) -> types::builder::UpdateMessageBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}/messages/{message_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::MessageIdResponse>, Error<types::ErrorBody>> {
            let Self { client, room_id, message_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let message_id = message_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateMessageBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages/{}", client.baseurl, encode_path(& room_id
                .to_string()), encode_path(& message_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_message",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_message`]

[`Client::delete_message`]: super::Client::delete_message*/
    #[derive(Debug, Clone)]
    pub struct DeleteMessage<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        message_id: Result<::chatwork::model::MessageId, String>,
    }
    impl<'a> DeleteMessage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                message_id: Err("message_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::MessageId>,
        {
            self.message_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: MessageId` for message_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/rooms/{room_id}/messages/{message_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::MessageIdResponse>, Error<types::ErrorBody>> {
            let Self { client, room_id, message_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let message_id = message_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/messages/{}", client.baseurl, encode_path(& room_id
                .to_string()), encode_path(& message_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_message",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_room_tasks`]

[`Client::list_room_tasks`]: super::Client::list_room_tasks*/
    #[derive(Debug, Clone)]
    pub struct ListRoomTasks<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        account_id: Result<Option<::chatwork::model::AccountId>, String>,
        assigned_by_account_id: Result<Option<::chatwork::model::AccountId>, String>,
        status: Result<Option<::chatwork::model::TaskStatus>, String>,
    }
    impl<'a> ListRoomTasks<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                account_id: Ok(None),
                assigned_by_account_id: Ok(None),
                status: Ok(None),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn account_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::AccountId>,
        {
            self.account_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: AccountId` for account_id failed"
                        .to_string()
                });
            self
        }
        pub fn assigned_by_account_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::AccountId>,
        {
            self.assigned_by_account_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: AccountId` for assigned_by_account_id failed"
                        .to_string()
                });
            self
        }
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::TaskStatus>,
        {
            self.status = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: TaskStatus` for status failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/tasks`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::RoomTask>>,
            Error<types::ErrorBody>,
        > {
            let Self { client, room_id, account_id, assigned_by_account_id, status } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let account_id = account_id.map_err(Error::InvalidRequest)?;
            let assigned_by_account_id = assigned_by_account_id
                .map_err(Error::InvalidRequest)?;
            let status = status.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/tasks", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("account_id", &account_id))
                .query(
                    &progenitor_client::QueryParam::new(
                        "assigned_by_account_id",
                        &assigned_by_account_id,
                    ),
                )
                .query(&progenitor_client::QueryParam::new("status", &status))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_room_tasks",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_task`]

[`Client::create_task`]: super::Client::create_task*/
    #[derive(Debug, Clone)]
    pub struct CreateTask<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::CreateTaskBody, String>,
    }
    impl<'a> CreateTask<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateTaskBody>,
            <V as std::convert::TryInto<
                types::CreateTaskBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `CreateTaskBody` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateTaskBody,
            ) -> types::builder::CreateTaskBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/rooms/{room_id}/tasks`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::TaskIdsResponse>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::CreateTaskBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/tasks", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_task",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_task`]

[`Client::get_task`]: super::Client::get_task*/
    #[derive(Debug, Clone)]
    pub struct GetTask<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        task_id: Result<::chatwork::model::TaskId, String>,
    }
    impl<'a> GetTask<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                task_id: Err("task_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn task_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::TaskId>,
        {
            self.task_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: TaskId` for task_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/tasks/{task_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::RoomTask>, Error<types::ErrorBody>> {
            let Self { client, room_id, task_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let task_id = task_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/tasks/{}", client.baseurl, encode_path(& room_id
                .to_string()), encode_path(& task_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_task",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_task_status`]

[`Client::update_task_status`]: super::Client::update_task_status*/
    #[derive(Debug, Clone)]
    pub struct UpdateTaskStatus<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        task_id: Result<::chatwork::model::TaskId, String>,
        body: Result<types::builder::UpdateTaskStatusBody, String>,
    }
    impl<'a> UpdateTaskStatus<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                task_id: Err("task_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn task_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::TaskId>,
        {
            self.task_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: TaskId` for task_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateTaskStatusBody>,
            <V as std::convert::TryInto<
                types::UpdateTaskStatusBody,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `UpdateTaskStatusBody` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateTaskStatusBody,
            ) -> types::builder::UpdateTaskStatusBody,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}/tasks/{task_id}/status`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::TaskIdResponse>, Error<types::ErrorBody>> {
            let Self { client, room_id, task_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let task_id = task_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateTaskStatusBody::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/tasks/{}/status", client.baseurl, encode_path(& room_id
                .to_string()), encode_path(& task_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_task_status",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_files`]

[`Client::list_files`]: super::Client::list_files*/
    #[derive(Debug, Clone)]
    pub struct ListFiles<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        account_id: Result<Option<::chatwork::model::AccountId>, String>,
    }
    impl<'a> ListFiles<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                account_id: Ok(None),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn account_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::AccountId>,
        {
            self.account_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: AccountId` for account_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/files`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::File>>,
            Error<types::ErrorBody>,
        > {
            let Self { client, room_id, account_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let account_id = account_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/files", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("account_id", &account_id))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_files",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_file`]

[`Client::get_file`]: super::Client::get_file*/
    #[derive(Debug, Clone)]
    pub struct GetFile<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        file_id: Result<::chatwork::model::FileId, String>,
        create_download_url: Result<Option<::chatwork::model::Flag>, String>,
    }
    impl<'a> GetFile<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                file_id: Err("file_id was not initialized".to_string()),
                create_download_url: Ok(None),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn file_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::FileId>,
        {
            self.file_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: FileId` for file_id failed"
                        .to_string()
                });
            self
        }
        pub fn create_download_url<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::Flag>,
        {
            self.create_download_url = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: Flag` for create_download_url failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/files/{file_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::File>, Error<types::ErrorBody>> {
            let Self { client, room_id, file_id, create_download_url } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let file_id = file_id.map_err(Error::InvalidRequest)?;
            let create_download_url = create_download_url
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/files/{}", client.baseurl, encode_path(& room_id
                .to_string()), encode_path(& file_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(
                    &progenitor_client::QueryParam::new(
                        "create_download_url",
                        &create_download_url,
                    ),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_file",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_invitation_link`]

[`Client::get_invitation_link`]: super::Client::get_invitation_link*/
    #[derive(Debug, Clone)]
    pub struct GetInvitationLink<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
    }
    impl<'a> GetInvitationLink<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/rooms/{room_id}/link`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::InvitationLink>, Error<types::ErrorBody>> {
            let Self { client, room_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/link", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_invitation_link",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::update_invitation_link`]

[`Client::update_invitation_link`]: super::Client::update_invitation_link*/
    #[derive(Debug, Clone)]
    pub struct UpdateInvitationLink<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::InvitationLinkForm, String>,
    }
    impl<'a> UpdateInvitationLink<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::InvitationLinkForm>,
            <V as std::convert::TryInto<
                types::InvitationLinkForm,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `InvitationLinkForm` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::InvitationLinkForm,
            ) -> types::builder::InvitationLinkForm,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PUT` request to `/rooms/{room_id}/link`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::InvitationLink>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::InvitationLinkForm::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/link", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_invitation_link",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_invitation_link`]

[`Client::create_invitation_link`]: super::Client::create_invitation_link*/
    #[derive(Debug, Clone)]
    pub struct CreateInvitationLink<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
        body: Result<types::builder::InvitationLinkForm, String>,
    }
    impl<'a> CreateInvitationLink<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::InvitationLinkForm>,
            <V as std::convert::TryInto<
                types::InvitationLinkForm,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `InvitationLinkForm` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::InvitationLinkForm,
            ) -> types::builder::InvitationLinkForm,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/rooms/{room_id}/link`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::InvitationLink>, Error<types::ErrorBody>> {
            let Self { client, room_id, body } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::InvitationLinkForm::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/link", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .form_urlencoded(&body)?
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_invitation_link",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_invitation_link`]

[`Client::delete_invitation_link`]: super::Client::delete_invitation_link*/
    #[derive(Debug, Clone)]
    pub struct DeleteInvitationLink<'a> {
        client: &'a super::Client,
        room_id: Result<::chatwork::model::RoomId, String>,
    }
    impl<'a> DeleteInvitationLink<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                room_id: Err("room_id was not initialized".to_string()),
            }
        }
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RoomId>,
        {
            self.room_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RoomId` for room_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/rooms/{room_id}/link`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::InvitationLink>, Error<types::ErrorBody>> {
            let Self { client, room_id } = self;
            let room_id = room_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/rooms/{}/link", client.baseurl, encode_path(& room_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_invitation_link",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_incoming_requests`]

[`Client::list_incoming_requests`]: super::Client::list_incoming_requests*/
    #[derive(Debug, Clone)]
    pub struct ListIncomingRequests<'a> {
        client: &'a super::Client,
    }
    impl<'a> ListIncomingRequests<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/incoming_requests`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<::std::vec::Vec<types::IncomingRequest>>,
            Error<types::ErrorBody>,
        > {
            let Self { client } = self;
            let url = format!("{}/incoming_requests", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_incoming_requests",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::accept_incoming_request`]

[`Client::accept_incoming_request`]: super::Client::accept_incoming_request*/
    #[derive(Debug, Clone)]
    pub struct AcceptIncomingRequest<'a> {
        client: &'a super::Client,
        request_id: Result<::chatwork::model::RequestId, String>,
    }
    impl<'a> AcceptIncomingRequest<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                request_id: Err("request_id was not initialized".to_string()),
            }
        }
        pub fn request_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RequestId>,
        {
            self.request_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RequestId` for request_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PUT` request to `/incoming_requests/{request_id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Contact>, Error<types::ErrorBody>> {
            let Self { client, request_id } = self;
            let request_id = request_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/incoming_requests/{}", client.baseurl, encode_path(& request_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .put(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "accept_incoming_request",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::decline_incoming_request`]

[`Client::decline_incoming_request`]: super::Client::decline_incoming_request*/
    #[derive(Debug, Clone)]
    pub struct DeclineIncomingRequest<'a> {
        client: &'a super::Client,
        request_id: Result<::chatwork::model::RequestId, String>,
    }
    impl<'a> DeclineIncomingRequest<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                request_id: Err("request_id was not initialized".to_string()),
            }
        }
        pub fn request_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::chatwork::model::RequestId>,
        {
            self.request_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: chatwork :: model :: RequestId` for request_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/incoming_requests/{request_id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<types::ErrorBody>> {
            let Self { client, request_id } = self;
            let request_id = request_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/incoming_requests/{}", client.baseurl, encode_path(& request_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "decline_incoming_request",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                204u16 => Ok(ResponseValue::empty(response)),
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                403u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
