import Foundation
import SupportSchema

/// Names one run of one SLA clock (`first_response@<ms since epoch>`), so a warning or breach is
/// recorded once per run however many times its job is scheduled or delivered.
public enum SLARunKey {
    public static func key(_ clock: SLAClockKind, startedAt: Date) -> String {
        "\(clock.rawValue)@\(Int64((startedAt.timeIntervalSince1970 * 1000).rounded()))"
    }
}
