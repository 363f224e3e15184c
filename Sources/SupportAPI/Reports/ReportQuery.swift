import Foundation
import Hummingbird
import SupportDomain

/// The query parameters the report routes share, validated with a 400 naming the field: `from`/`to`
/// (RFC 3339 times or dates; default the last 30 days), `group_by`, `bucket`, `fast_within` (minutes,
/// 1…10080, default 60), `format` (`json` or `csv`). A well-formed but empty or too long period is 409.
struct ReportQuery: Sendable {
    var period: ReportPeriod
    var dimension: ReportDimension
    var bucket: ReportBucket
    var fastWithin: TimeInterval
    var csv: Bool

    init(_ request: Request, now: Date = Date()) throws {
        let query = request.uri.queryParameters
        let to = try query["to"].map { try Self.time(String($0), "to") } ?? now
        let from = try query["from"].map { try Self.time(String($0), "from") } ?? to.addingTimeInterval(-30 * 86_400)
        do {
            period = try ReportPeriod(from: from, to: to)
        } catch {
            throw APIError(.conflict, code: "invalid_period", message: "from/to: \(error)")
        }
        dimension = try Self.choice(query["group_by"].map(String.init), "group_by", default: .total)
        bucket = try Self.choice(query["bucket"].map(String.init), "bucket", default: .day)
        if let raw = query["fast_within"].map(String.init) {
            guard let minutes = Int(raw), (1...10_080).contains(minutes) else {
                throw APIError(.badRequest, code: "invalid_parameter", message: "fast_within: minutes, 1 to 10080")
            }
            fastWithin = TimeInterval(minutes * 60)
        } else {
            fastWithin = 3600
        }
        switch query["format"].map(String.init) {
        case nil, "json": csv = false
        case "csv": csv = true
        default: throw APIError(.badRequest, code: "invalid_parameter", message: "format: json or csv")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ raw: String?, _ field: String, default value: T) throws -> T
    where T.RawValue == String {
        guard let raw else { return value }
        guard let parsed = T(rawValue: raw) else {
            throw APIError(
                .badRequest, code: "invalid_parameter",
                message: "\(field): one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return parsed
    }

    /// An RFC 3339 date-time (any offset, optional fraction) or a plain date (midnight UTC).
    static func time(_ raw: String, _ field: String) throws -> Date {
        let text = raw.uppercased()
        let full = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        if let date = full.date(from: text) ?? fractional.date(from: text) ?? (text.count == 10 ? day.date(from: text) : nil) {
            return date
        }
        throw APIError(.badRequest, code: "invalid_parameter", message: "\(field): an RFC 3339 time such as 2026-11-01T00:00:00Z, or a date")
    }
}
