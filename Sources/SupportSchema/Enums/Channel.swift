/// Where a request came in and where replies go back.
///
/// `web` is the requester portal (forms and the signed-in account); `chat` is live chat on an open
/// ticket; `api` is another service such as the guarantor bot.
public enum Channel: String, SchemaEnum {
    case telegram
    case email
    case web
    case chat
    case phone
    case social
    case api
}

/// An unambiguous spelling of ``Channel`` for files that also see NIO's `Channel` protocol
/// (PostgresNIO re-exports NIO), where a bare `Channel` is ambiguous.
public typealias SupportChannel = Channel
