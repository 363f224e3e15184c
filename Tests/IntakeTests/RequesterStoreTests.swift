import Foundation
import Intake
import JobQueue
import PostgresNIO
import SupportSchema
import SupportStore
import SupportTesting
import Testing

/// One requester across channels: matching, explicit links and staff merges.
struct RequesterStoreTests {
    @discardableResult
    func withRequesters<T: Sendable>(_ env: IntakeEnv, _ body: @escaping @Sendable (RequesterStore) async throws -> T) async throws -> T {
        try await env.queue.transaction { connection, _ in
            try await body(RequesterStore(connection: connection, logger: env.logger))
        }
    }

    func requesterOf(_ env: IntakeEnv, ticket: TicketID) async throws -> Int {
        try await env.int("SELECT requester_id::int FROM ticket WHERE id = \(ticket)")
    }

    @Test func linkedEmailLandsOnTheTelegramRequester() async throws {
        try await IntakeEnv.with { env in
            let telegram = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "hi from telegram")).ticket()
            let anna = RequesterID(Int64(try await requesterOf(env, ticket: telegram)))
            try await withRequesters(env) { store in
                try await store.link(identity: NewRequesterIdentity(channel: .email, externalID: "Ann@Example.com", verified: true), to: anna)
            }
            let email = try await env.deliver(.email, Mails.message(subject: "From mail", messageID: "e1@x", body: "hi")).ticket()
            #expect(email != telegram, "another channel opens its own ticket")
            #expect(try await requesterOf(env, ticket: email) == Int(anna.rawValue))
            #expect(try await env.int("SELECT count(*)::int FROM requester") == 1)
            // A verified email also matches the same address typed into the portal form.
            let web = try await env.deliver(.web, Array(#"{"email":"ann@example.com","body":"portal"}"#.utf8)).ticket()
            #expect(try await requesterOf(env, ticket: web) == Int(anna.rawValue))
            #expect(try await env.int("SELECT count(*)::int FROM requester_identity WHERE requester_id = \(anna)") == 3)
        }
    }

    @Test func twoFirstContactsFromOnePersonAtOnceEndOnOneRequester() async throws {
        try await IntakeEnv.with { env in
            let claim = RequesterIdentityClaim(channel: .telegram, externalID: "424242", display: "@racer", displayName: "Racer")
            let firstResolved = AsyncStream<Void>.makeStream()
            async let first = withRequesters(env) { store in
                let resolved = try await store.resolve(claim)
                firstResolved.continuation.yield()
                // Hold the uncommitted identity while the second transaction runs into it.
                try await Task.sleep(for: .milliseconds(500))
                return resolved
            }
            var signals = firstResolved.stream.makeAsyncIterator()
            _ = await signals.next()
            let second = try await withRequesters(env) { store in try await store.resolve(claim) }
            let winner = try await first
            #expect(winner.match == .created)
            #expect(second.match == .identity)
            #expect(second.id == winner.id)
            #expect(second.identityID == winner.identityID)
            #expect(try await env.int("SELECT count(*)::int FROM requester") == 1, "the loser's requester is dropped")
        }
    }

    @Test func unverifiedAddressesDoNotMatchButContractEmailsDo() async throws {
        try await IntakeEnv.with { env in
            _ = try await env.deliver(.email, Mails.message(subject: "a", messageID: "e1@x", body: "a"))
            let web = try await env.deliver(.web, Array(#"{"email":"ann@example.com","body":"portal"}"#.utf8)).ticket()
            #expect(try await env.int("SELECT count(*)::int FROM requester") == 2, "an unverified email identity proves nothing")
            try await env.exec("INSERT INTO requester (display_name, contract_email) VALUES ('Contract Bob', 'bob@example.com')")
            let bob = try await env.deliver(.email, Mails.message(from: "bob@example.com", subject: "b", messageID: "e2@x", body: "b")).ticket()
            #expect(try await env.string("SELECT r.display_name FROM ticket t JOIN requester r ON r.id = t.requester_id WHERE t.id = \(bob)") == "Contract Bob")
            _ = web
        }
    }

    @Test func linkMovesAnIdentityFromAnotherRequester() async throws {
        try await IntakeEnv.with { env in
            let a = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, user: 1, messageID: 1, "a")).ticket()
            let b = try await env.deliver(.telegram, TelegramUpdates.text(update: 2, user: 2, messageID: 1, "b")).ticket()
            let ra = RequesterID(Int64(try await requesterOf(env, ticket: a)))
            try await withRequesters(env) { store in
                try await store.link(identity: NewRequesterIdentity(channel: .telegram, externalID: "2"), to: ra)
            }
            let next = try await env.deliver(.telegram, TelegramUpdates.text(update: 3, user: 2, messageID: 2, "c")).ticket()
            #expect(try await requesterOf(env, ticket: next) == Int(ra.rawValue))
            #expect(next != b, "b's ticket stays with its requester until a merge")
        }
    }

    @Test func mergeMovesTheHistory() async throws {
        try await IntakeEnv.with { env in
            let keep = try await env.deliver(.telegram, TelegramUpdates.text(update: 1, messageID: 1, "telegram")).ticket()
            let dup = try await env.deliver(.email, Mails.message(subject: "mail", messageID: "e1@x", body: "mail")).ticket()
            let target = RequesterID(Int64(try await requesterOf(env, ticket: keep)))
            let source = RequesterID(Int64(try await requesterOf(env, ticket: dup)))
            try await env.exec("INSERT INTO requester (display_name) VALUES ('Seller')")
            let seller = try await env.int("SELECT max(id)::int FROM requester")
            try await env.exec("INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency) VALUES ('d1', \(source), \(seller), 10, 'USDT')")
            try await env.exec("INSERT INTO punishment (requester_id, chat_id, kind) VALUES (\(source), '-100', 'warning')")

            let summary = try await withRequesters(env) { store in try await store.merge(source, into: target) }
            #expect(summary.tickets == 1 && summary.identities == 1 && summary.deals == 1 && summary.punishments == 1 && summary.messages == 1)
            #expect(try await requesterOf(env, ticket: dup) == Int(target.rawValue))
            #expect(try await env.int("SELECT buyer_id::int FROM deal") == Int(target.rawValue))
            #expect(try await env.int("SELECT requester_id::int FROM punishment") == Int(target.rawValue))
            #expect(try await env.int("SELECT merged_into_id::int FROM requester WHERE id = \(source)") == Int(target.rawValue))
            #expect(try await env.eventTypes(dup).last == "requester_merged")
            #expect(try await env.int("SELECT count(*)::int FROM requester_identity WHERE requester_id = \(target)") == 2)
            // The merged person writing again by mail lands on the survivor and on the moved ticket.
            #expect(try await env.deliver(.email, Mails.message(subject: "more", messageID: "e2@x", body: "more")) == .appended(dup))
            // Merging again, or into itself, is refused.
            await #expect(throws: RequesterStoreError.self) {
                try await withRequesters(env) { store in try await store.merge(source, into: target) }
            }
            let survivor = try await withRequesters(env) { store in try await store.survivor(of: source) }
            #expect(survivor == target)
        }
    }

    @Test func partiesOfOneDealCannotBeMerged() async throws {
        try await IntakeEnv.with { env in
            try await env.exec("INSERT INTO requester (display_name) VALUES ('Buyer'), ('Seller')")
            try await env.exec("INSERT INTO deal (external_ref, buyer_id, seller_id, amount, currency) VALUES ('d1', 1, 2, 10, 'USDT')")
            do {
                _ = try await withRequesters(env) { store in try await store.merge(1, into: 2) }
                Issue.record("expected a refusal")
            } catch let error as RequesterStoreError {
                #expect(error.code == .sharedDeal)
            }
            #expect(try await env.int("SELECT count(*)::int FROM requester WHERE merged_into_id IS NOT NULL") == 0)
        }
    }
}
