public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// The desk's slow-changing settings as the routing and SLA rules use them: teams, business calendars,
/// staff shifts and SLA policies, read at one `desk_settings_version`.
public struct DeskSettings: Sendable {
    /// Which database (`instance`) and which state of its settings (`number`).
    public struct Version: Hashable, Sendable {
        public var instance: UUID
        public var number: Int64

        public init(instance: UUID, number: Int64) {
            self.instance = instance
            self.number = number
        }
    }

    public let version: Version
    public let teams: [TeamProfile]
    public let calendars: [String: BusinessCalendar]
    public let shifts: [StaffID: ShiftSchedule]
    public let policies: SLAPolicyTable

    /// Reads everything. Each statement runs after `version` was read, so what comes back is at least
    /// that version: a cache may hand it out for that version without ever being behind it.
    public static func load(at version: Version, on connection: PostgresConnection, logger: Logger) async throws -> DeskSettings {
        DeskSettings(
            version: version,
            teams: try await TeamDirectory.teams(on: connection, logger: logger),
            calendars: try await TeamDirectory.calendars(on: connection, logger: logger),
            shifts: try await StaffRoster.shifts(on: connection, logger: logger),
            policies: try await SLAPolicyStore.table(on: connection, logger: logger))
    }

    public static func version(on connection: PostgresConnection, logger: Logger) async throws -> Version {
        guard let row = try await connection.rows(of: VersionSQL.self, logger: logger).first else {
            throw TicketStoreError.unexpectedValue("desk_settings_version has no row")
        }
        let (instance, number) = try row.decode((UUID, Int64).self)
        return Version(instance: instance, number: number)
    }

    private enum VersionSQL: RepeatedStatement {
        static let sql = "SELECT instance, version FROM desk_settings_version"
    }
}
