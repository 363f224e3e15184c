/// Why a message is considered machine-generated and must not open a ticket or get an auto-acknowledgement.
///
/// Answering auto-replies and bounces is how mail loops start (RFC 3834), so intake drops these and records
/// the reason next to the raw item.
public enum AutomaticMailReason: Sendable, Hashable, CustomStringConvertible {
    /// `Auto-Submitted` with a value other than `no` (e.g. `auto-replied`, `auto-generated`).
    case autoSubmitted(String)
    /// `Precedence: bulk`, `junk` or `list`.
    case precedence(String)
    /// The sender is a mail system account (`mailer-daemon`, `postmaster`).
    case systemSender(String)
    /// `Return-Path: <>`, the null reverse path of delivery notifications.
    case nullReturnPath
    /// `X-Autoreply` / `X-Autorespond` and similar vendor headers.
    case autoreplyHeader(String)
    /// A `multipart/report` (delivery status or disposition notification).
    case deliveryReport(String)

    public var description: String {
        switch self {
        case .autoSubmitted(let value): "Auto-Submitted: \(value)"
        case .precedence(let value): "Precedence: \(value)"
        case .systemSender(let address): "system sender \(address)"
        case .nullReturnPath: "null Return-Path <>"
        case .autoreplyHeader(let name): "auto-reply header \(name)"
        case .deliveryReport(let type): "multipart/report \(type.isEmpty ? "(no report-type)" : type)"
        }
    }
}
