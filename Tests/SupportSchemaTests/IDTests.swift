import Foundation
import SupportSchema
import Testing

struct IDTests {
    @Test func encodesAsABareNumber() throws {
        let data = try JSONEncoder().encode([TicketID(42)])
        #expect(String(decoding: data, as: UTF8.self) == "[42]")
        let back = try JSONDecoder().decode([TicketID].self, from: data)
        #expect(back == [42])
    }

    @Test func decodesLargeBigintValues() throws {
        let id = try JSONDecoder().decode(StaffID.self, from: Data("9007199254740993".utf8))
        #expect(id.rawValue == 9_007_199_254_740_993)
    }

    @Test func rejectsNonNumbers() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TicketID.self, from: Data(#""42""#.utf8)) }
    }

    @Test func describesItselfAsTheNumber() {
        #expect(TicketID(7).description == "7")
        #expect("\(DisputeID(123))" == "123")
    }

    @Test(arguments: [
        ("42", Int64?.some(42)), ("0", 0), ("9223372036854775807", Int64.max),
        ("", nil), ("-1", nil), ("+1", nil), (" 1", nil), ("1a", nil), ("9223372036854775808", nil), ("٣", nil),
    ])
    func parsesDecimalStrings(text: String, expected: Int64?) {
        #expect(TicketID(text)?.rawValue == expected)
    }

    @Test func comparesAndHashesByValue() {
        #expect(MessageID(1) < MessageID(2))
        #expect(Set([ArticleID(1), ArticleID(1), ArticleID(2)]).count == 2)
        #expect(RequesterID(rawValue: 5) == RequesterID(5))
    }

    @Test func idsOfDifferentTablesAreDifferentTypes() {
        #expect(TicketID.self != StaffID.self)
        #expect(InboundItemID.self != MessageID.self)
    }
}
