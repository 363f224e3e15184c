public import Foundation
public import Logging
public import PostgresNIO
public import SupportDomain
public import SupportSchema

/// A dispute's evidence: immutable, timestamped, content-hashed rows (`dispute_evidence`); only the
/// `disclosed` flag may change, and only towards disclosure.
public struct EvidenceStore: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// A file reference as the submitter gives it: the file lives elsewhere (Telegram file id, URL);
    /// its SHA-256 is part of the item's hash.
    public struct FileRef: Sendable, Hashable, Codable {
        public var name: String
        public var contentType: String?
        public var size: Int64?
        public var ref: String
        public var sha256: String?

        public init(name: String, contentType: String? = nil, size: Int64? = nil, ref: String, sha256: String? = nil) {
            self.name = name
            self.contentType = contentType
            self.size = size
            self.ref = ref
            self.sha256 = sha256
        }

        enum CodingKeys: String, CodingKey {
            case name, size, ref, sha256
            case contentType = "content_type"
        }
    }

    /// An item as shown to someone allowed to see it.
    public struct Item: Sendable, Hashable, Encodable {
        public var id: Int64
        public var party: String
        public var body: String
        public var files: [FileRef]
        public var contentSHA256: String
        public var disclosed: Bool
        public var submittedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, party, body, files, disclosed
            case contentSHA256 = "content_sha256", submittedAt = "submitted_at"
        }

        public var domain: EvidenceItem {
            EvidenceItem(
                id: EvidenceID(id), party: EvidenceParty(rawValue: party) ?? .staff, disclosedToBoth: disclosed,
                contentSHA256: Self.bytes(hex: contentSHA256), submittedAt: submittedAt)
        }

        static func bytes(hex: String) -> [UInt8] {
            var out: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
                out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
                index = next
            }
            return out
        }
    }

    /// The item's hash: SHA-256 over the body and each file's reference and hash, length-prefixed so
    /// no two different items share an input. Computed by PostgreSQL's `sha256()`.
    public func submit(
        to dispute: DisputeID, party: EvidenceParty, requester: RequesterID?, staff: StaffID?, body: String, files: [FileRef]
    ) async throws -> Item {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let filesJSON = String(decoding: try encoder.encode(files), as: UTF8.self)
        var hashed = "body:\(body.utf8.count):\(body)"
        for file in files { hashed += "|file:\(file.ref.utf8.count):\(file.ref):\(file.sha256 ?? "")" }
        let rows = try await connection.query(
            """
            INSERT INTO dispute_evidence (dispute_id, party, submitted_by_requester_id, submitted_by_staff_id, body, file_refs,
                                          content_sha256)
            VALUES (\(dispute.rawValue), \(party.rawValue), \(requester?.rawValue), \(staff?.rawValue), \(body),
                    \(filesJSON)::jsonb, sha256(convert_to(\(hashed), 'UTF8')))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger
        ).collect()
        guard let row = rows.first else { throw TicketStoreError.unexpectedValue("evidence INSERT returned nothing") }
        return try Self.item(row)
    }

    public func list(_ dispute: DisputeID) async throws -> [Item] {
        try await connection.query(
            "SELECT \(unescaped: Self.columns) FROM dispute_evidence WHERE dispute_id = \(dispute.rawValue) ORDER BY submitted_at, id",
            logger: logger
        ).collect().map(Self.item)
    }

    /// Shows the item to both parties. - Returns: false when there is no such item on the dispute.
    public func disclose(_ id: EvidenceID, of dispute: DisputeID) async throws -> Bool {
        let rows = try await connection.query(
            "UPDATE dispute_evidence SET disclosed = true WHERE id = \(id.rawValue) AND dispute_id = \(dispute.rawValue) RETURNING id",
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    static let columns = "id, party, body, file_refs::text, encode(content_sha256, 'hex'), disclosed, submitted_at"

    static func item(_ row: PostgresRow) throws -> Item {
        let (id, party, body, files, hash, disclosed, at) = try row.decode((Int64, String, String, String, String, Bool, Date).self)
        let refs = (try? JSONDecoder().decode([FileRef].self, from: Data(files.utf8))) ?? []
        return Item(id: id, party: party, body: body, files: refs, contentSHA256: hash, disclosed: disclosed, submittedAt: at)
    }
}
