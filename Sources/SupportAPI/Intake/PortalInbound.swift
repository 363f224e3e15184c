import Foundation
import Logging
import PostgresNIO
import SupportSchema
import SupportStore

/// What a signed-in requester writes through the portal, stored as an inbound item like every channel.
///
/// The item names them by a portal identity (`portal:<id>` on the item's channel) that is linked to
/// their account first, so intake resolves exactly this requester, whatever email the item carries.
struct PortalInbound: Sendable {
    let database: Database
    let store: InboundStore

    /// Stores the item; a chat message on a ticket carries its number, so intake threads it there.
    func receive(
        requester: RequesterID, channel: SupportChannel, body: String, subject: String?, category: String?,
        ticketNumber: Int64?, idempotencyKey: String?, remote: String, logger: Logger
    ) async throws -> InboundReceipt {
        let externalID = "portal:\(requester.rawValue)"
        let (email, channel) = try await database.transaction { connection -> (String?, SupportChannel) in
            let email = try await connection.query(
                """
                SELECT coalesce(r.contract_email, (SELECT i.external_id FROM requester_identity i
                    WHERE i.requester_id = r.id AND i.channel = 'email' ORDER BY i.verified DESC, i.id LIMIT 1))
                FROM requester r WHERE r.id = \(requester.rawValue)
                """, logger: logger
            ).collect().first?.decode(String?.self) ?? nil
            // The portal form needs an email to answer by; without one the request goes in as chat.
            let used: SupportChannel = channel == .web && email == nil ? .chat : channel
            try await RequesterStore(connection: connection, logger: logger).link(
                identity: NewRequesterIdentity(channel: used, externalID: externalID, verified: true), to: requester)
            return (email, used)
        }
        var object: [String: Any] = ["external_id": externalID, "body": body]
        if let email { object["email"] = email }
        if let subject { object["subject"] = subject }
        if let category { object["category"] = category }
        if let ticketNumber { object["ticket_number"] = ticketNumber }
        let raw = Array(try JSONSerialization.data(withJSONObject: object))
        return try await store.receive(NewInboundItem(
            channel: channel, dedupeKey: idempotencyKey.map { "portal:\(requester.rawValue):" + String($0.prefix(200)) }, raw: raw,
            contentType: "application/json", meta: ["remote": remote, "requester_id": String(requester.rawValue)]))
    }
}
