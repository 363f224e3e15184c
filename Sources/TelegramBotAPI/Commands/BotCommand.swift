/// The support bot's commands, parsed from a message into typed values.
///
/// Accepts `/command`, `/command@BotName` (group chats) and arguments after a space.
///
/// ```swift
/// BotCommand.parse(text: "/rate 5 great")         // .rate(score: 5, comment: "great")
/// BotCommand.parse(text: "/status@HelpBot #1042")  // .status(ticketNumber: 1042)
/// BotCommand.parse(text: "hello")                 // nil: not a command
/// ```
public enum BotCommand: Sendable, Hashable {
    /// `/start [payload]`; the payload is the deep-link parameter (`t.me/bot?start=…`).
    case start(payload: String?)
    /// `/new [subject]`: open a new ticket instead of continuing the current one.
    case new(subject: String?)
    /// `/status [#number]`: status of the given or current ticket.
    case status(ticketNumber: Int64?)
    /// `/operator [note]`: hand over to a human.
    case `operator`(note: String?)
    /// `/rate [1–5] [comment]`: CSAT; `score` is `nil` when missing or out of range.
    case rate(score: Int?, comment: String?)
    /// Any other command, kept so the bot can answer "unknown command".
    case unknown(name: String, arguments: String?)

    /// Parses the command at the start of a message's text (or caption).
    ///
    /// - Parameters:
    ///   - message: The incoming message.
    ///   - botUsername: This bot's username; a command addressed to another bot (`/start@OtherBot`) yields `nil`.
    public static func parse(message: Message, botUsername: String? = nil) -> BotCommand? {
        guard let text = message.textOrCaption else { return nil }
        return parse(text: text, botUsername: botUsername)
    }

    /// Parses a command from raw text; `nil` unless the text starts with `/`.
    public static func parse(text: String, botUsername: String? = nil) -> BotCommand? {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        guard trimmed.first == "/" else { return nil }
        let head = trimmed.prefix { !$0.isWhitespace }
        let rest = trimmed.dropFirst(head.count).trimming(where: \.isWhitespace)
        let arguments = rest.isEmpty ? nil : rest
        var name = head.dropFirst()
        if let at = name.firstIndex(of: "@") {
            let target = name[name.index(after: at)...]
            let expected = botUsername.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
            if let expected, target.lowercased() != expected.lowercased() {
                return nil
            }
            name = name[..<at]
        }
        guard !name.isEmpty, name.count <= 32,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }

        switch name.lowercased() {
        case "start": return .start(payload: arguments)
        case "new": return .new(subject: arguments)
        case "status": return .status(ticketNumber: arguments.flatMap(ticketNumber))
        case "operator": return .operator(note: arguments)
        case "rate": return rate(arguments)
        default: return .unknown(name: name.lowercased(), arguments: arguments)
        }
    }

    /// `#1042`, `1042` or `[#1042]` → 1042.
    private static func ticketNumber(_ text: String) -> Int64? {
        let token = text.split(whereSeparator: \.isWhitespace).first ?? ""
        let digits = token.filter { $0 != "#" && $0 != "[" && $0 != "]" }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    private static func rate(_ arguments: String?) -> BotCommand {
        guard let arguments else { return .rate(score: nil, comment: nil) }
        let first = arguments.prefix { !$0.isWhitespace }
        let remainder = arguments.dropFirst(first.count).trimming(where: \.isWhitespace)
        let scoreText = first.hasSuffix("/5") ? first.dropLast(2) : first[...]
        if scoreText.count == 1, let score = Int(scoreText), (1...5).contains(score) {
            return .rate(score: score, comment: remainder.isEmpty ? nil : remainder)
        }
        return .rate(score: nil, comment: arguments)
    }
}
