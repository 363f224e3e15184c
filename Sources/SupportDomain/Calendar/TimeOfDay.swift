/// A local wall-clock time from 00:00 to 24:00 inclusive, minute precision.
///
/// `24:00` exists so that an interval can close at midnight, as PostgreSQL's `time` allows.
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes since local midnight, `0...1440`.
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public init?(hour: Int, minute: Int = 0) {
        guard (0...59).contains(minute), (0...24).contains(hour), hour < 24 || minute == 0 else { return nil }
        self.minutes = hour * 60 + minute
    }

    public static let midnight = TimeOfDay(minutes: 0)!
    public static let endOfDay = TimeOfDay(minutes: 1440)!

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `HH:MM`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Parses `HH:MM` or `HH:MM:SS` (seconds must be zero), the text form of a SQL `time`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
            let h = Int(parts[0]), let m = Int(parts[1]), parts.count == 2 || Int(parts[2]) == 0
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = TimeOfDay(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected HH:MM")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}
