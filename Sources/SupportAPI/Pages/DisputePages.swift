import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SupportDomain
import SupportSchema
import SupportStore

/// The arbiter's view: their disputes (owners: all open ones, and the payouts waiting for their
/// approval) with deadlines, and one dispute's deal, evidence, history and decision form.
///
/// Reads use the API's visibility (`DisputeAccess`, `EvidenceVisibility`); the form goes through
/// `DisputeController.act`, the same permission, machine rules and audit rows as
/// `POST /api/v1/disputes/{id}/actions`.
struct DisputePages: Sendable {
    let console: ConsolePages

    var database: Database { console.database }
    var controller: DisputeController { DisputeController(database: database, authorizer: console.authorizer, queue: console.queue) }

    /// What staff may issue from the page (the parties' own commands are theirs).
    static let staffActions: [DisputeCommand.Kind] = [
        .moveToEvidence, .requestInfo, .provideInfo, .submitForReview, .decide, .recuse, .approvePayout,
    ]

    func add(to router: Router<APIRequestContext>) {
        router.get("console/disputes") { request, context in try await list(request, context: context) }
        router.get("console/disputes/{id}") { request, context in try await dispute(request, context: context, form: nil, error: nil) }
        router.post("console/disputes/{id}/actions") { request, context in try await act(request, context: context) }
    }

    /// The arbiter's seat holders see the dispute; who holds neither decide nor approve rights is refused.
    private func allowed(_ console: ConsoleSession) async throws {
        let roles = console.roles
        let action: StaffAction = Permissions.allows(roles: roles, action: .decideDispute) ? .decideDispute : .approvePayout
        try await self.console.authorizer.authorize(console.principal, action, target: AuditTarget(type: "dispute", id: nil), logger: console.context.logger)
    }

    // MARK: list

    func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        try await allowed(session)
        let (staff, owner, logger, words) = (session.staff, session.roles.contains(.owner), session.context.logger, session.words)
        let (rows, settings) = try await database.connection { connection in
            let ids = try await connection.query(
                """
                SELECT id FROM dispute
                WHERE state NOT IN ('closed', 'settled', 'withdrawn', 'expired')
                  AND (\(owner) OR arbiter_id = \(staff.rawValue) OR appeal_arbiter_id = \(staff.rawValue))
                ORDER BY deadline_at NULLS LAST, id LIMIT 100
                """, logger: logger
            ).collect().map { DisputeID(try $0.decode(Int64.self)) }
            var rows: [DisputeRow] = []
            for id in ids {
                if let row = try await DisputeRow.load(id, lock: false, on: connection, logger: logger) { rows.append(row) }
            }
            return (rows, try await DisputeSettingsStore.load(on: connection, logger: logger))
        }
        // The API's own rule has the last word on every row.
        let visible = rows.filter { DisputeAccess.maySee(session.principal, $0.record) }
        let payouts = owner ? visible.filter { Self.awaitsPayoutApproval($0.record, settings: settings) } : []
        let now = Date()
        var values = session.base(title: words["nav_disputes"] ?? "", current: "disputes")
        values["disputes"] = visible.map { Self.summary($0, now: now, locale: session.locale) }
        values["hasDisputes"] = !visible.isEmpty
        values["payouts"] = payouts.map { Self.summary($0, now: now, locale: session.locale) }
        values["hasPayouts"] = !payouts.isEmpty
        values["owner"] = owner
        return console.renderer.page("console_disputes", locale: session.locale, values: values)
    }

    static func awaitsPayoutApproval(_ record: DisputeRecord, settings: DisputeSettings) -> Bool {
        guard record.state == .executing, record.payoutApprovedBy == nil, let threshold = settings.threshold(currency: record.deal.currency),
            let decision = record.effectiveDecision
        else { return false }
        return decision.outcome.needsPayout && record.deal.amount > threshold
    }

    static func summary(_ row: DisputeRow, now: Date, locale: String) -> [String: Any] {
        let deadline = PageFormat.countdown(to: row.record.deadline.dueAt, now: now)
        var paused = false
        if case .paused = row.record.deadline { paused = true }
        return ["id": row.record.id.rawValue, "deal": row.dealRef, "state": PageText.table(locale)["state_\(row.record.state.rawValue)"] ?? row.record.state.rawValue,
                "amount": "\(row.record.deal.amount) \(row.record.deal.currency)", "deadline": paused ? "⏸" : deadline.text,
                "deadlineClass": deadline.cssClass, "flagged": row.record.flagged]
    }

    // MARK: one dispute

    func dispute(_ request: Request, context: APIRequestContext, form: ActionForm?, error: APIError?) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        try await allowed(session)
        let (locale, words, logger) = (session.locale, session.words, session.context.logger)
        guard let raw = context.parameters.get("id"), let id = DisputeID(raw) else { return notFound(session) }
        let loaded = try await database.connection { connection -> (DisputeRow, [EvidenceStore.Item], [PostgresRow], [Int64: String])? in
            guard let row = try await DisputeRow.load(id, lock: false, on: connection, logger: logger) else { return nil }
            let items = try await EvidenceStore(connection: connection, logger: logger).list(id)
            let history = try await connection.query(
                """
                SELECT a.at, a.action, a.actor_role, coalesce(s.name, ''), a.reason FROM audit_log a
                LEFT JOIN staff s ON s.id = a.actor_staff_id
                WHERE a.target_type = 'dispute' AND a.target_id = \(id.rawValue) AND a.action <> 'access.denied'
                ORDER BY a.id
                """, logger: logger
            ).collect()
            let names = try await connection.query(
                "SELECT id, display_name FROM requester WHERE id IN (\(row.record.deal.buyer.rawValue), \(row.record.deal.seller.rawValue))",
                logger: logger
            ).collect()
            var byID: [Int64: String] = [:]
            for name in names {
                let (key, value) = try name.decode((Int64, String?).self)
                byID[key] = value ?? "#\(key)"
            }
            return (row, items, history, byID)
        }
        // Nobody learns that a dispute exists unless the API would show it to them.
        guard let loaded, DisputeAccess.maySee(session.principal, loaded.0.record) else { return notFound(session) }
        let (row, items, history, names) = loaded
        let record = row.record
        let shown = Set(EvidenceVisibility(record: record).visible(items.map(\.domain), to: EvidenceController.viewer(session.principal)).map(\.id.rawValue))
        let now = Date()
        let summary = Self.summary(row, now: now, locale: locale)
        var values = session.base(title: "\(words["dispute"] ?? "") \(row.dealRef)", current: "disputes")
        values.merge(summary) { $1 }
        values.merge([
            "reason": row.reason,
            "buyer": names[record.deal.buyer.rawValue] ?? "", "seller": names[record.deal.seller.rawValue] ?? "",
            "claimantSide": record.claimant == record.deal.buyer ? words["buyer"] ?? "" : words["seller"] ?? "",
            "settlement": record.settlement?.terms ?? "", "hasSettlement": record.settlement != nil,
            "decision": record.effectiveDecision.map { Self.decision($0, locale: locale) } ?? [:], "hasDecision": record.effectiveDecision != nil,
            "evidence": items.filter { shown.contains($0.id) }.map { item -> [String: Any] in
                ["id": item.id, "party": item.party, "side": words["party_\(item.party)"] ?? item.party, "body": item.body,
                 "files": item.files.map { ["name": $0.name, "ref": $0.ref] }, "at": PageFormat.time(item.submittedAt),
                 "disclosed": item.disclosed, "sha": String(item.contentSHA256.prefix(12))]
            },
            "history": try history.map { entry -> [String: Any] in
                let (at, action, role, name, reason) = try entry.decode((Date, String, String, String, String?).self)
                return ["at": PageFormat.time(at), "action": action, "who": name.isEmpty ? role : "\(name) (\(role))", "reason": reason ?? ""]
            },
            "actions": Self.actions(for: record, roles: session.roles, words: words, chosen: form?.action),
            "outcomes": Self.outcomes(words: words, chosen: form?.outcome),
            "text": form?.text ?? "", "sellerPercent": form?.sellerPercent ?? "",
        ]) { $1 }
        values["canAct"] = !(values["actions"] as? [[String: Any]] ?? []).isEmpty
        if let error { values["error"] = error.message }
        if request.uri.queryParameters.get("done") == "1" { values["flash"] = words["dispute_saved"] }
        return console.renderer.page("console_dispute", locale: locale, values: values, status: error?.status ?? .ok)
    }

    /// The staff commands the dispute's state accepts and the roles allow; the machine checks the seat.
    static func actions(for record: DisputeRecord, roles: Set<Role>, words: [String: String], chosen: String?) -> [[String: Any]] {
        staffActions.filter { kind in
            guard DisputeMachine.states(accepting: kind).contains(record.state) else { return false }
            return Permissions.allows(roles: roles, action: kind == .approvePayout ? .approvePayout : .decideDispute)
        }.map { ["value": $0.rawValue, "label": words["action_\($0.rawValue)"] ?? $0.rawValue, "selected": $0.rawValue == chosen] }
    }

    static func outcomes(words: [String: String], chosen: String?) -> [[String: Any]] {
        ["refund_buyer", "release_seller", "split", "no_ruling"].map { ["value": $0, "label": words["outcome_\($0)"] ?? $0, "selected": $0 == chosen] }
    }

    static func decision(_ decision: DisputeDecision, locale: String) -> [String: Any] {
        let words = PageText.table(locale)
        var outcome = words["outcome_\(decision.outcome.rawName)"] ?? decision.outcome.rawName
        if case .split(let percent) = decision.outcome { outcome += " (\(percent)%)" }
        return ["outcome": outcome, "reasons": decision.reasons, "at": PageFormat.time(decision.decidedAt)]
    }

    private func notFound(_ session: ConsoleSession) -> Response {
        var values = session.base(title: session.words["no_dispute"] ?? "", current: "disputes")
        values["error"] = session.words["no_dispute"]
        return console.renderer.page("portal_login", locale: session.locale, values: values, status: .notFound)
    }

    // MARK: action

    /// The form: one text box serves whichever text the action needs (reasons, note, reason).
    struct ActionForm: Decodable, Sendable {
        var csrf: String?
        var action: String?
        var outcome: String?
        var sellerPercent: String?
        var text: String?
        enum CodingKeys: String, CodingKey {
            case csrf, action, outcome, text
            case sellerPercent = "seller_percent"
        }

        var request: DisputeActionRequest {
            DisputeActionRequest(
                action: action ?? "", terms: text, note: text, reasons: text, reason: text, outcome: outcome.flatMap { $0.isEmpty ? nil : $0 },
                sellerPercent: sellerPercent.flatMap { Int($0) }, staffID: nil)
        }
    }

    func act(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let session = try await console.staffSession(request, context: context) else { return PageGate.toLogin("/console/login") }
        let form = try await PageGate.decode(ActionForm.self, from: request)
        guard form.csrf == session.page.csrf else { return PageGate.csrfRefused() }
        guard let raw = context.parameters.get("id"), let id = DisputeID(raw) else { return notFound(session) }
        guard Self.staffActions.map(\.rawValue).contains(form.action ?? "") else {
            return try await dispute(request, context: context, form: form,
                                     error: APIError(.badRequest, code: "invalid_field", message: session.words["pick_action"] ?? "action"))
        }
        do {
            _ = try await controller.act(form.request, on: id, by: session.principal, logger: session.context.logger)
        } catch let error as APIError where [.badRequest, .conflict].contains(error.status) {
            // The page again, with what was typed and why it was refused: nothing is lost.
            return try await dispute(request, context: context, form: form, error: error)
        }
        return PageRenderer.redirect("/console/disputes/\(id.rawValue)?done=1")
    }
}
