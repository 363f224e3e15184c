/// The name of a job queue. Lower case only: it doubles as the LISTEN/NOTIFY channel name,
/// which postgres-nio quotes and PostgreSQL therefore compares case-sensitively.
public struct QueueName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    /// Raw inbound items to parse (``IntakeJob``).
    public static let intake: QueueName = "intake"
    /// Tickets to classify, prioritise and assign (``RoutingJob``).
    public static let routing: QueueName = "routing"
    /// SLA warnings and breaches (``SLAJob``).
    public static let sla: QueueName = "sla"
    /// Notification deliveries (``NotifyJob``).
    public static let notify: QueueName = "notify"
    /// Dispute deadlines, arbiter draws and payout execution (``DisputeJob``).
    public static let dispute: QueueName = "dispute"
    /// Report rollup refreshes (``ReportRollupJob``).
    public static let reports: QueueName = "reports"

    /// Every queue the platform uses.
    public static let all: [QueueName] = [.intake, .routing, .sla, .notify, .dispute, .reports]
}
