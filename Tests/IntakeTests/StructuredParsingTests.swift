import Foundation
@testable import Intake
import SupportSchema
import SupportStore
import Testing

/// Web, chat, API and phone items share one JSON shape; errors name the field.
struct StructuredParsingTests {
    let parser = StructuredRequestParser()

    func parse(_ json: String, _ channel: SupportChannel) throws -> InboundRequest {
        guard case .request(let request) = try parser.parse(Array(json.utf8), channel: channel) else {
            throw CancellationError()
        }
        return request
    }

    @Test func webForm() throws {
        let r = try parse(
            #"{"name":"Ivan","email":"Ivan@Example.com","subject":"Payout","body":" Where is it? ","category":"payment","ticket_number":1042}"#,
            .web)
        #expect(r.channel == .web && r.requester.channel == .web)
        #expect(r.requester.externalID == "ivan@example.com" && r.requester.email == "ivan@example.com")
        #expect(r.requester.displayName == "Ivan")
        #expect(r.subject == "Payout" && r.body == "Where is it?" && r.requestedCategory == .payment)
        #expect(r.thread.ticketNumber == 1042 && r.replyRoute == .email("ivan@example.com"))
    }

    @Test func phoneCallLoggedByAnAgent() throws {
        let r = try parse(#"{"name":"Caller","phone":"+79991234567","body":"Called about a refund","logged_by_staff_id":7}"#, .phone)
        #expect(r.requester.channel == .phone && r.requester.externalID == "+79991234567")
        #expect(r.loggedByStaffID == 7 && r.replyRoute == .inApp)
    }

    @Test func apiUsesTheCallersExternalID() throws {
        let r = try parse(#"{"external_id":"guarantor:42","body":"Deal 77 is stuck","email":"a@b.example"}"#, .api)
        #expect(r.requester.externalID == "guarantor:42" && r.requester.email == "a@b.example")
    }

    @Test(arguments: [
        (#"{"email":"a@b.example"}"#, SupportChannel.web, "body: required"),
        (#"{"email":"a@b.example","body":"   "}"#, .web, "body: must not be empty"),
        (#"{"body":"hi"}"#, .web, "email: required"),
        (#"{"body":"hi"}"#, .api, "email: required (or external_id)"),
        (#"{"email":"nope","body":"hi"}"#, .web, "email: not an email address"),
        (#"{"email":"a@b.example","body":"hi","category":"weather"}"#, .web, "category: one of"),
        (#"{"email":"a@b.example","body":"hi","ticket_number":"x"}"#, .web, "ticket_number: wrong type"),
        (#"{"phone":"+7999","body":"hi"}"#, .phone, "logged_by_staff_id: required"),
        ("[1,2", .web, "not a JSON object"),
    ])
    func invalidItemsNameTheField(json: String, channel: SupportChannel, message: String) {
        do {
            _ = try parser.parse(Array(json.utf8), channel: channel)
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
