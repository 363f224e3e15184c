/// What an update is about, so intake can route it without probing optionals.
public enum UpdateKind: Sendable, Hashable {
    case message
    case editedMessage
    case callbackQuery
    /// An update type the support bot does not handle (e.g. `my_chat_member`); the payload key is kept for logs.
    case unsupported(String)
}
