import Foundation

/// Instants written as ISO 8601 with an explicit offset, so the expected values do not go through
/// the code under test: `at("2025-03-07T22:00:00+05:00")`.
func at(_ text: String) -> Date {
    do {
        return try Date.ISO8601FormatStyle().parse(text)
    } catch {
        fatalError("bad test instant \(text)")
    }
}

/// 2025-03-03 is a Monday; the week of 3–9 March 2025 in Yekaterinburg (UTC+5, no DST).
func ekb(_ day: Int, _ time: String) -> Date {
    at("2025-03-\(day < 10 ? "0" : "")\(day)T\(time):00+05:00")
}
