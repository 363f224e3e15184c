import Foundation

/// A ticket subject for channels without one (telegram, chat, API without a subject): the first line of
/// the text, cut at a word boundary.
///
/// ```swift
/// SubjectLine.derive(from: "Payout not received\nI sold USDT yesterday…")  // "Payout not received"
/// SubjectLine.derive(from: "", hasAttachments: true)                      // "(attachment)"
/// ```
public enum SubjectLine {
    public static let maxCharacters = 80

    public static func derive(from text: String, hasAttachments: Bool = false) -> String {
        let firstLine = text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? ""
        guard !firstLine.isEmpty else { return hasAttachments ? "(attachment)" : "(no subject)" }
        return shortened(firstLine)
    }

    /// The given subject when not blank, else one derived from the text.
    public static func subject(given: String?, text: String, hasAttachments: Bool) -> String {
        if let given = given?.trimmingCharacters(in: .whitespacesAndNewlines), !given.isEmpty {
            return shortened(given, limit: 250)
        }
        return derive(from: text, hasAttachments: hasAttachments)
    }

    static func shortened(_ line: String, limit: Int = maxCharacters) -> String {
        guard line.count > limit else { return line }
        let cut = line.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return cut[..<space].trimmingCharacters(in: .whitespaces) + "…"
        }
        return cut + "…"
    }
}
