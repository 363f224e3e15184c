public import Foundation
public import SupportSchema

/// One message of a ticket's thread as the API shows it.
public struct TicketThreadMessage: Sendable, Hashable, Encodable {
    public var id: MessageID
    public var authorKind: AuthorKind
    public var authorStaffID: StaffID?
    public var authorRequesterID: RequesterID?
    public var channel: Channel
    public var body: String
    public var isInternal: Bool
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, channel, body
        case authorKind = "author_kind"
        case authorStaffID = "author_staff_id"
        case authorRequesterID = "author_requester_id"
        case isInternal = "is_internal"
        case createdAt = "created_at"
    }
}
