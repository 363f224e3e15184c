/// A shared phone contact; a user sharing their own contact lets intake link a phone identity.
public struct Contact: Codable, Sendable, Hashable {
    public let phoneNumber: String
    public let firstName: String
    public let lastName: String?
    /// Set when the contact is a Telegram user; equal to `from.id` when users share themselves.
    public let userID: Int64?
    public let vcard: String?

    public init(phoneNumber: String, firstName: String, lastName: String? = nil, userID: Int64? = nil, vcard: String? = nil) {
        self.phoneNumber = phoneNumber
        self.firstName = firstName
        self.lastName = lastName
        self.userID = userID
        self.vcard = vcard
    }

    enum CodingKeys: String, CodingKey {
        case phoneNumber = "phone_number"
        case firstName = "first_name"
        case lastName = "last_name"
        case userID = "user_id"
        case vcard
    }
}
