public import Foundation

/// RFC 5322 date-time parsing (`Date:` headers), including the obsolete forms real mail still uses.
///
/// Accepts an optional day name, 2- and 4-digit years, optional seconds, numeric zones, the obsolete zone
/// names (`GMT`, `EST`, …) and trailing comments such as `(MSK)`. Anything else yields `nil`: a bad Date
/// header should never fail the message.
///
/// ```swift
/// MailDate.parse("Mon, 3 Jun 2024 10:15:00 +0300 (MSK)") // 2024-06-03 07:15:00 UTC
/// ```
public enum MailDate {
    /// Parses a `Date:` header value; `nil` for anything that is not a valid RFC 5322 date-time.
    public static func parse(_ header: String) -> Date? {
        guard header.utf8.count <= 256 else { return nil }
        // Drop comments, then split on whitespace and commas.
        var text = ""
        var depth = 0
        for character in header {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { text.append(character == "," ? " " : character) }
        }
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\n" })
            .map { String($0) }
        if let first = tokens.first, first.count >= 3, first.allSatisfy(\.isLetter) { tokens.removeFirst() }
        guard tokens.count >= 4 else { return nil }

        // Accept both "3 Jun 2024" and the occasional "Jun 3 2024".
        var dayToken = tokens[0]
        var monthToken = tokens[1]
        if month(dayToken) != nil { swap(&dayToken, &monthToken) }
        guard let day = number(dayToken, digits: 1...2), let month = month(monthToken),
            var year = number(tokens[2], digits: 2...4)
        else { return nil }
        if tokens[2].count == 2 { year += year < 50 ? 2000 : 1900 } else if tokens[2].count == 3 { year += 1900 }

        let timeParts = tokens[3].split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 2 || timeParts.count == 3,
            let hour = number(timeParts[0], digits: 1...2), let minute = number(timeParts[1], digits: 1...2)
        else { return nil }
        let second = timeParts.count == 3 ? number(timeParts[2], digits: 1...2) : 0
        guard let second, hour < 24, minute < 60, second <= 60, year >= 1900, year <= 9999,
            day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }

        let offset = tokens.count > 4 ? zoneOffset(tokens[4]) : 0
        guard let offset else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func number<S: StringProtocol>(_ token: S, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.count), token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(token)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ token: String) -> Int? {
        guard token.count >= 3 else { return nil }
        let prefix = token.prefix(3).lowercased()
        return months.firstIndex(of: prefix).map { $0 + 1 }
    }

    /// Seconds east of UTC, or `nil` for an unrecognised zone.
    private static func zoneOffset(_ token: String) -> Int? {
        if let sign = token.first, sign == "+" || sign == "-" {
            let digits = token.dropFirst()
            guard digits.count == 4, let value = Int(digits), digits.allSatisfy(\.isNumber) else { return nil }
            let hours = value / 100
            let minutes = value % 100
            guard hours <= 23, minutes <= 59 else { return nil }
            return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        switch token.uppercased() {
        case "UT", "UTC", "GMT", "Z": return 0
        case "EST": return -5 * 3600
        case "EDT": return -4 * 3600
        case "CST": return -6 * 3600
        case "CDT": return -5 * 3600
        case "MST": return -7 * 3600
        case "MDT": return -6 * 3600
        case "PST": return -8 * 3600
        case "PDT": return -7 * 3600
        case "MSK": return 3 * 3600
        default:
            // Obsolete military zones are unreliable; RFC 5322 says to treat them as -0000.
            return token.count == 1 && token.first?.isLetter == true ? 0 : nil
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
