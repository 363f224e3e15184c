/// The JSON an item of the `web`, `chat`, `api` and `phone` channels carries: the portal form, a chat
/// widget message, another service's request (e.g. the guarantor bot), or a call an agent logged.
///
/// ```json
/// {
///   "name": "Ivan Petrov",              // optional: the requester's name
///   "email": "ivan@example.com",        // web: required; elsewhere one of email / phone / external_id
///   "phone": "+79991234567",            // optional: the caller's number (the phone identity)
///   "external_id": "guarantor:42",      // optional: the sender's own user id (chat widget, API client)
///   "subject": "Payout is late",        // optional: derived from the first line of body when absent
///   "body": "…",                        // required, not blank
///   "category": "payment",              // optional: one of Category's raw values
///   "ticket_number": 1042,              // optional: continue this ticket of the same requester
///   "message_id": "widget-msg-7",       // optional: the sender's id for this message
///   "logged_by_staff_id": 7             // phone: required, the agent who logged the call
/// }
/// ```
///
/// The requester identity is `external_id` when given, else (phone) `phone`, else `email`, on the item's
/// own channel; an email also matches a verified email identity or a contract email of an existing
/// requester. Unknown fields are ignored so senders can add their own.
public struct StructuredRequestBody: Decodable, Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var externalID: String?
    public var subject: String?
    public var body: String
    public var category: String?
    public var ticketNumber: Int64?
    public var messageID: String?
    public var loggedByStaffID: Int64?

    enum CodingKeys: String, CodingKey {
        case name, email, phone
        case externalID = "external_id"
        case subject, body, category
        case ticketNumber = "ticket_number"
        case messageID = "message_id"
        case loggedByStaffID = "logged_by_staff_id"
    }
}
