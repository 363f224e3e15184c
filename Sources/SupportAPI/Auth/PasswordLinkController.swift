import Foundation
import Hummingbird
import JobQueue
import Logging
import NIOPosix
import SupportDomain
import SupportSchema
import SupportStore

/// Portal passwords from the mailbox: `POST /api/v1/auth/password-link` mails a one-time link (valid
/// one hour) to a requester's known address, and `POST /api/v1/auth/password` sets the password with
/// its token, ending every session of the account.
///
/// The first always answers 202, known address or not, so it tells nobody which emails have
/// accounts; at most one link per account is mailed every five minutes, and the path shares the
/// public intake's per-address rate limit.
struct PasswordLinkController: Sendable {
    let database: Database
    let queue: JobQueue
    let bcryptCost: UInt8
    let publicURL: String

    static let lifetime: TimeInterval = 3600
    static let resendAfterSeconds = 300

    struct LinkRequest: Decodable { var email: String }
    struct SetRequest: Decodable { var token: String; var password: String }
    struct Accepted: Encodable { var accepted = true }

    func add(to group: RouterGroup<APIRequestContext>) {
        group.post("auth/password-link") { request, context in try await sendLink(request, context: context) }
        group.post("auth/password") { request, context in try await setPassword(request, context: context) }
    }

    func sendLink(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(LinkRequest.self, from: request, limit: AuthController.bodyLimit)
        guard EmailAddress.isPlausible(body.email) else {
            throw APIError(.badRequest, code: "invalid_field", message: "email: not an email address")
        }
        let email = body.email.lowercased()
        let token = BearerToken.generate()
        let hash = BearerToken.hash(token)
        let (logger, url) = (context.logger, publicURL)
        try await queue.transaction { connection, jobs in
            let links = PasswordLinkStore(connection: connection, logger: logger)
            guard let requester = try await links.requester(email: email),
                !(try await links.recentlySent(to: requester, within: Self.resendAfterSeconds))
            else { return }
            try await links.create(hash: hash, requester: requester, email: email, lifetime: Self.lifetime)
            let text = """
                To set your support portal password, open \(url)/portal/password?token=\(token) within an hour.
                If you did not ask for this, ignore this message: nothing changes.
                """
            try await NotificationOutbox(connection: connection, logger: logger).send(
                NewNotification(
                    requesterID: requester, channel: .email, address: email, template: "password_link", ticketID: nil,
                    payload: ["text": .string(text), "subject": "Your support portal password"],
                    idempotencyKey: "password-link:" + hash.map { String(format: "%02x", $0) }.joined()),
                jobs: jobs)
        }
        return try JSONBody.response(Accepted(), status: .accepted)
    }

    func setPassword(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(SetRequest.self, from: request, limit: AuthController.bodyLimit)
        guard (1...200).contains(body.token.unicodeScalars.count), !body.token.unicodeScalars.contains("\0") else {
            throw APIError(.badRequest, code: "invalid_field", message: "token: 1 to 200 characters, no NUL")
        }
        if let problem = PasswordHashing.problem(body.password) {
            throw APIError(.badRequest, code: "invalid_field", message: "password: \(problem)")
        }
        let (password, cost, logger) = (body.password, bcryptCost, context.logger)
        let hash = try await NIOThreadPool.singleton.runIfActive { PasswordHashing.hash(password, cost: cost) }
        try await database.transaction { connection in
            let links = PasswordLinkStore(connection: connection, logger: logger)
            guard let requester = try await links.redeem(hash: BearerToken.hash(body.token)) else {
                throw APIError(.conflict, code: "invalid_token", message: "the link is unknown, used or expired: ask for a new one")
            }
            try await AuthStore(connection: connection, logger: logger).setRequesterPassword(requester, hash: hash)
            try await links.revokeTokens(of: requester)
            try await AuditLog(connection: connection, logger: logger).append(NewAuditEntry(
                actorStaffID: nil, actorRole: Role.requester.rawValue, action: "requester.password_set", targetType: "requester",
                targetID: requester.rawValue, after: ["requester_id": .int(requester.rawValue)]))
        }
        return Response(status: .noContent)
    }
}
