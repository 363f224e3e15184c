import Foundation
import SupportSchema

/// How the pages show values: statuses and topics in words, times in the desk's zone, search snippets
/// split into plain and marked parts (so they are escaped like everything else).
enum PageFormat {
    static let zone = TimeZone(identifier: "Asia/Yekaterinburg") ?? .gmt

    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func status(_ status: TicketStatus, locale: String) -> String {
        let english = locale == "en"
        switch status {
        case .new: return english ? "received" : "получено"
        case .open, .escalated: return english ? "in progress" : "в работе"
        case .pendingRequester: return english ? "waiting for you" : "ждёт вашего ответа"
        case .pendingThirdParty: return english ? "waiting for a third party" : "ждём третью сторону"
        case .resolved: return english ? "resolved" : "решено"
        case .closed: return english ? "closed" : "закрыто"
        }
    }

    static func categories(locale: String) -> [[String: String]] {
        let english = locale == "en"
        let labels: [(Category, String, String)] = [
            (.question, "A question", "Вопрос"), (.technical, "Something does not work", "Что-то не работает"),
            (.payment, "Payments", "Платежи"), (.dispute, "A deal dispute", "Спор по сделке"),
            (.moderationAppeal, "Appeal a punishment", "Обжалование наказания"), (.complaint, "A complaint about the administration", "Жалоба на администрацию"),
            (.suggestion, "A suggestion", "Предложение"),
        ]
        return labels.map { ["value": $0.0.rawValue, "label": english ? $0.1 : $0.2] }
    }

    /// `ts_headline` output (`<mark>…</mark>` around matches) as parts to render escaped.
    static func highlighted(_ snippet: String) -> [[String: String]] {
        var parts: [[String: String]] = []
        var rest = Substring(snippet)
        while let open = rest.range(of: "<mark>") {
            let before = String(rest[..<open.lowerBound])
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "</mark>") else { break }
            parts.append(["text": before, "mark": String(afterOpen[..<close.lowerBound])])
            rest = afterOpen[close.upperBound...]
        }
        parts.append(["text": String(rest)])
        return parts
    }

    /// Time left to the nearest SLA deadline, and how to colour it: breached, due within 30 minutes, or fine.
    static func countdown(to due: Date?, now: Date) -> (text: String, cssClass: String) {
        guard let due else { return ("—", "") }
        let minutes = Int((due.timeIntervalSince(now) / 60).rounded(.down))
        let magnitude = abs(minutes)
        let text = magnitude >= 60 ? "\(magnitude / 60)h \(magnitude % 60)m" : "\(magnitude)m"
        if minutes < 0 { return ("−" + text, "breached") }
        return (text, minutes < 30 ? "soon" : "")
    }

    /// The rating form's choices, worst to best.
    static var scores: [[String: Any]] { (1...5).map { ["value": $0, "checked": $0 == 5] } }

    /// A message as the API accepts it: not blank, at most 20 000 characters (unicode scalars).
    static func message(_ text: String?) -> String? {
        guard let text, text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }), text.unicodeScalars.count <= 20_000,
            !text.contains("\u{0}")
        else { return nil }
        return text
    }
}
