import PostgresNIO
import Testing

@testable import SupportStore

/// Prepared statements are named per connection; two different statements must never share a name.
struct StatementNameTests {
    @Test func differentTextOrTypesGiveDifferentNames() {
        let lock = StatementName.fingerprint("SELECT 1 FROM requester WHERE id = $1 FOR UPDATE", [.int8])
        #expect(lock == StatementName.fingerprint("SELECT 1 FROM requester WHERE id = $1 FOR UPDATE", [.int8]))
        #expect(lock != StatementName.fingerprint("SELECT 1 FROM inbound_item WHERE id = $1 FOR UPDATE", [.int8]))
        #expect(lock != StatementName.fingerprint("SELECT 1 FROM requester WHERE id = $1 FOR UPDATE", [.int4]))
        #expect(lock != StatementName.fingerprint("SELECT 1 FROM requester WHERE id = $1 FOR UPDATE", []))
        #expect(("support_" + lock).utf8.count <= 63)
    }
}
