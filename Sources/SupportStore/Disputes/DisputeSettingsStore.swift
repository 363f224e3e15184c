public import Logging
public import PostgresNIO
public import SupportDomain
import Foundation
import SupportSchema

/// Reads `dispute_settings` (one row, migration 0012). Unknown states and non-numeric values are
/// ignored, so a hand-edited row cannot stop the workers; the defaults fill in.
public enum DisputeSettingsStore {
    public static func load(on connection: PostgresConnection, logger: Logger) async throws -> DisputeSettings {
        let rows = try await connection.query(
            "SELECT payout_approval_thresholds::text, business_minutes::text, conflict_window_days FROM dispute_settings",
            logger: logger
        ).collect()
        guard let row = rows.first else { return DisputeSettings() }
        let (thresholds, minutes, window) = try row.decode((String, String, Int32).self)
        var settings = DisputeSettings(thresholds: [:], conflictWindowDays: Int(window))
        for (currency, value) in object(thresholds) {
            if let amount = decimal(value) { settings.thresholds[currency] = amount }
        }
        for (state, value) in object(minutes) {
            if let state = DisputeState(rawValue: state), let amount = decimal(value) {
                settings.businessMinutes[state] = NSDecimalNumber(decimal: amount).intValue
            }
        }
        return settings
    }

    private static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    private static func decimal(_ value: Any) -> Decimal? {
        switch value {
        // `true` is an NSNumber too (a `__NSCFBoolean` on Linux); it is not an amount.
        case let number as NSNumber where !String(describing: type(of: number)).contains("Bool"):
            Decimal(string: number.stringValue)
        case let text as String: Decimal(string: text)
        default: nil
        }
    }
}
