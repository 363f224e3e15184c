/// An inline keyboard (`reply_markup`): rows of buttons attached to a message.
///
/// ```swift
/// let keyboard = InlineKeyboardMarkup.helpedOrOperator(ticketID: 1042)
/// let csat = InlineKeyboardMarkup.satisfactionScores(ticketID: 1042)
/// ```
public struct InlineKeyboardMarkup: Codable, Sendable, Hashable {
    public let inlineKeyboard: [[InlineKeyboardButton]]

    public init(_ rows: [[InlineKeyboardButton]]) {
        self.inlineKeyboard = rows
    }

    enum CodingKeys: String, CodingKey {
        case inlineKeyboard = "inline_keyboard"
    }

    /// "This helped" / "Call an operator" under an answer, so the user can close or escalate in one tap.
    public static func helpedOrOperator(
        ticketID: Int64, helpedTitle: String = "This helped", operatorTitle: String = "Call an operator"
    ) -> InlineKeyboardMarkup {
        InlineKeyboardMarkup([
            [
                InlineKeyboardButton(text: helpedTitle, action: .helped(ticketID: ticketID)),
                InlineKeyboardButton(text: operatorTitle, action: .callOperator(ticketID: ticketID)),
            ]
        ])
    }

    /// One row of CSAT buttons 1…5 for a resolved ticket.
    public static func satisfactionScores(ticketID: Int64, titles: [String] = ["1", "2", "3", "4", "5"])
        -> InlineKeyboardMarkup
    {
        let buttons = (1...5).map { score in
            InlineKeyboardButton(
                text: titles.indices.contains(score - 1) ? titles[score - 1] : String(score),
                action: .rate(ticketID: ticketID, score: score))
        }
        return InlineKeyboardMarkup([buttons])
    }
}
