/// An SMTP reply that was not the one expected, or a dialogue that went wrong.
struct SMTPError: Error, CustomStringConvertible {
    /// The reply code; 0 when the server never answered properly.
    var code: Int
    var message: String

    /// 4xx and connection trouble are worth another try; 5xx is final.
    var isPermanent: Bool { (500...599).contains(code) }
    var description: String { code == 0 ? "smtp: \(message)" : "smtp \(code): \(message)" }
}
