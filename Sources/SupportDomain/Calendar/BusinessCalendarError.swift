/// A business calendar that cannot be built from its configuration (e.g. a `business_calendar` row).
public enum BusinessCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The time zone identifier is not in the system's time zone database.
    case unknownTimeZone(String)
    /// No opening hours on any weekday: deadlines could never be reached.
    case neverOpen

    public var description: String {
        switch self {
        case .unknownTimeZone(let identifier): "unknown time zone '\(identifier)'"
        case .neverOpen: "business calendar has no opening hours on any weekday"
        }
    }
}
