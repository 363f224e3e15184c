public import Foundation
public import SupportSchema

/// One immutable piece of evidence (`dispute_evidence`), as visibility needs it.
public struct EvidenceItem: Hashable, Sendable, Identifiable {
    public var id: EvidenceID
    /// The side that submitted it (`staff` for the arbiter's own notes).
    public var party: EvidenceParty
    /// `disclosed`: shown to both parties, not only the submitter's side.
    public var disclosedToBoth: Bool
    /// `content_sha256`: 32 bytes over the body and file hashes, also written to the audit log.
    public var contentSHA256: [UInt8]
    public var submittedAt: Date

    public init(id: EvidenceID, party: EvidenceParty, disclosedToBoth: Bool = false, contentSHA256: [UInt8], submittedAt: Date) {
        self.id = id
        self.party = party
        self.disclosedToBoth = disclosedToBoth
        self.contentSHA256 = contentSHA256
        self.submittedAt = submittedAt
    }

    /// The hash as lowercase hex, as shown to staff and in the audit log.
    public var contentHashHex: String {
        contentSHA256.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
