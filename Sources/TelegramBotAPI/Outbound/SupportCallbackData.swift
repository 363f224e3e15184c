/// The support bot's button actions, encoded compactly into `callback_data` (the Bot API allows 64 bytes).
///
/// ```swift
/// SupportCallbackData.rate(ticketID: 1042, score: 5).callbackData   // "csat:1042:5"
/// SupportCallbackData(callbackData: "operator:1042")                 // .callOperator(ticketID: 1042)
/// ```
public enum SupportCallbackData: Sendable, Hashable {
    /// The answer solved the problem.
    case helped(ticketID: Int64)
    /// Hand the ticket to a human.
    case callOperator(ticketID: Int64)
    /// CSAT score 1–5.
    case rate(ticketID: Int64, score: Int)

    /// The compact `callback_data` string for a button.
    public var callbackData: String {
        switch self {
        case .helped(let ticketID): "helped:\(ticketID)"
        case .callOperator(let ticketID): "operator:\(ticketID)"
        case .rate(let ticketID, let score): "csat:\(ticketID):\(score)"
        }
    }

    /// Parses `callback_data`; `nil` for anything this bot did not produce (data can be forged by clients).
    public init?(callbackData: String) {
        let parts = callbackData.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let ticketID = Self.number(parts[1]) else { return nil }
        switch (parts[0], parts.count) {
        case ("helped", 2): self = .helped(ticketID: ticketID)
        case ("operator", 2): self = .callOperator(ticketID: ticketID)
        case ("csat", 3):
            guard let score = Self.number(parts[2]), (1...5).contains(score) else { return nil }
            self = .rate(ticketID: ticketID, score: Int(score))
        default: return nil
        }
    }

    private static func number(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(text)
    }
}
