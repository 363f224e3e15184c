import SupportDomain
import Testing

/// Macro placeholders are checked when saved and rendered per ticket.
struct MacroTemplateTests {
    @Test func rendersEveryPlaceholder() throws {
        let template = try MacroTemplate("Здравствуйте, {{requester_name}}! #{{ticket_number}}: ответим до {{expected_time}}. {{requester_name}}")
        #expect(template.placeholders == [.requesterName, .ticketNumber, .expectedTime])
        #expect(template.render([.requesterName: "Анна", .ticketNumber: "1042", .expectedTime: "12:00"])
            == "Здравствуйте, Анна! #1042: ответим до 12:00. Анна")
        #expect(template.render([:]) == "Здравствуйте, ! #: ответим до . ")
    }

    @Test(arguments: ["{{name}}", "Hi {{ requester_name }}", "{{}}", "{{ticket_number}} {{agent}}"])
    func refusesUnknownPlaceholders(text: String) {
        #expect(throws: MacroTemplateError.self) { try MacroTemplate(text) }
    }

    @Test func plainTextAndUnclosedBracesAreKept() throws {
        #expect(try MacroTemplate("no fields").render([.ticketNumber: "1"]) == "no fields")
        #expect(try MacroTemplate("odd {{ticket_number").render([.ticketNumber: "1"]) == "odd {{ticket_number")
        #expect(MacroTemplateError.unknownPlaceholder("x").description.contains("{{requester_name}}"))
    }
}
