/// Parse one raw inbound item (queue `intake`). Enqueued by the API in the same transaction that
/// stored the item, so the job carries only its id: the raw bytes stay in `inbound_item`.
public struct IntakeJob: JobPayload {
    public static let kind = "intake"
    public static let queue = QueueName.intake
    public static let currentSchemaVersion = 1

    public let schemaVersion: Int
    public var inboundItemID: InboundItemID

    public init(inboundItemID: InboundItemID) {
        self.schemaVersion = Self.currentSchemaVersion
        self.inboundItemID = inboundItemID
    }

    /// One live job per item: a retried webhook delivery cannot queue it twice.
    public var uniqueKey: String? { "intake:\(inboundItemID)" }

    /// The payload bytes (as ``JobPayloadCoding`` writes them) and ``uniqueKey`` of the job for the item id in
    /// `column`, built in SQL: the API stores an item and queues its job in one statement (`InboundStore`,
    /// whose tests compare the bytes with the encoder's).
    public static func sqlColumns(itemID column: String) -> String {
        #"convert_to(format('{"inbound_item_id":%s,"schema_version":\#(currentSchemaVersion)}', \#(column)), 'UTF8') AS payload, "#
            + "'intake:' || \(column) AS unique_key"
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case inboundItemID = "inbound_item_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaVersion = try JobPayloadCoding.decodeSchemaVersion(
            for: Self.self, from: container, forKey: .schemaVersion)
        self.inboundItemID = try container.decode(InboundItemID.self, forKey: .inboundItemID)
    }
}
