import Foundation
import SupportSchema
import SupportStore

/// Turns the JSON of a `web`, `chat`, `api` or `phone` item (``StructuredRequestBody``) into an
/// ``InboundRequest``; a bad item fails with an error naming the field.
///
/// ```swift
/// let result = try StructuredRequestParser().parse(raw, channel: .web)
/// ```
public struct StructuredRequestParser: Sendable {
    public static let maxBodyCharacters = 100_000

    public init() {}

    public func parse(_ raw: [UInt8], channel: SupportChannel) throws(InboundParseError) -> InboundParseResult {
        let form = try decode(raw)
        let body = form.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw InboundParseError(.missingField, "body: must not be empty") }
        guard body.count <= Self.maxBodyCharacters else {
            throw InboundParseError(.invalidField, "body: at most \(Self.maxBodyCharacters) characters")
        }
        let email = try normalizedEmail(form.email)
        let phone = Self.blankToNil(form.phone)
        let externalID = Self.blankToNil(form.externalID)
        if channel == .web, email == nil { throw InboundParseError(.missingField, "email: required") }
        var staff: StaffID?
        if channel == .phone {
            guard let id = form.loggedByStaffID else {
                throw InboundParseError(.missingField, "logged_by_staff_id: required for a logged call")
            }
            staff = StaffID(id)
        }
        let key = externalID ?? (channel == .phone ? phone : nil) ?? email
        guard let key else {
            throw InboundParseError(.missingField, "email: required (or external_id\(channel == .phone ? " or phone" : ""))")
        }
        var category: Category?
        if let raw = Self.blankToNil(form.category) {
            guard let known = Category(rawValue: raw) else {
                throw InboundParseError(.invalidField, "category: one of \(Category.rawValues.joined(separator: ", "))")
            }
            category = known
        }
        let name = Self.blankToNil(form.name)
        let claim = RequesterIdentityClaim(
            channel: channel, externalID: key, display: name.map { n in email.map { "\(n) <\($0)>" } ?? n } ?? key,
            displayName: name ?? email ?? phone ?? key, email: email)
        return .request(
            InboundRequest(
                channel: channel, requester: claim, replyRoute: email.map(ReplyRoute.email) ?? .inApp,
                subject: Self.blankToNil(form.subject), body: body, externalMessageID: Self.blankToNil(form.messageID),
                thread: ThreadHints(ticketNumber: form.ticketNumber), requestedCategory: category,
                loggedByStaffID: staff))
    }

    private func decode(_ raw: [UInt8]) throws(InboundParseError) -> StructuredRequestBody {
        do {
            return try JSONDecoder().decode(StructuredRequestBody.self, from: Data(raw))
        } catch let DecodingError.keyNotFound(key, _) {
            throw InboundParseError(.missingField, "\(key.stringValue): required")
        } catch let DecodingError.valueNotFound(_, context) {
            throw InboundParseError(.missingField, "\(Self.path(context)): required")
        } catch let DecodingError.typeMismatch(_, context) {
            throw InboundParseError(.invalidField, "\(Self.path(context)): wrong type")
        } catch {
            throw InboundParseError(.malformed, "not a JSON object with a body (invalid JSON or UTF-8)")
        }
    }

    private func normalizedEmail(_ value: String?) throws(InboundParseError) -> String? {
        guard let email = Self.blankToNil(value)?.lowercased() else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" "), email.count <= 254 else {
            throw InboundParseError(.invalidField, "email: not an email address")
        }
        return email
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    static func blankToNil(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
