import Foundation
import SupportSchema
import Testing

struct JobPayloadTests {
    static let due = Date(timeIntervalSince1970: 1_741_363_200.25)  // 2025-03-07T16:00:00.250Z

    func json(_ payload: some JobPayload) throws -> String {
        String(decoding: try JobPayloadCoding.encode(payload), as: UTF8.self)
    }

    func roundTrip<P: JobPayload>(_ payload: P) throws -> P {
        try JobPayloadCoding.decode(P.self, from: JobPayloadCoding.encode(payload))
    }

    @Test func encodesWithSortedSnakeCaseKeys() throws {
        #expect(try json(IntakeJob(inboundItemID: 9)) == #"{"inbound_item_id":9,"schema_version":1}"#)
        #expect(try json(RoutingJob(ticketID: 5, reason: .handover)) == #"{"reason":"handover","schema_version":1,"ticket_id":5}"#)
        #expect(
            try json(SLAJob(ticketID: 5, clock: .firstResponse, deadline: .warning, generation: 3, dueAt: Self.due))
                == #"{"clock":"first_response","deadline":"warning","due_at":"2025-03-07T16:00:00.250Z","generation":3,"schema_version":1,"ticket_id":5}"#
        )
        #expect(
            try json(NotifyJob(notificationID: 8, idempotencyKey: "ack:5", ticketID: 5))
                == #"{"idempotency_key":"ack:5","notification_id":8,"schema_version":1,"ticket_id":5}"#)
        #expect(
            try json(DisputeJob(disputeID: 2, event: .deadline, state: .awaitingResponse, generation: 4))
                == #"{"dispute_id":2,"event":"deadline","generation":4,"schema_version":1,"state":"awaiting_response"}"#)
        #expect(try json(FAQBotWaitJob(ticketID: 6)) == #"{"schema_version":1,"ticket_id":6}"#)
        #expect(try json(FAQBotDraftJob(ticketID: 6, articleID: 3)) == #"{"article_id":3,"schema_version":1,"ticket_id":6}"#)
    }

    @Test func roundTripsEveryPayload() throws {
        let intake = IntakeJob(inboundItemID: 1)
        #expect(try roundTrip(intake) == intake)
        for reason in RoutingJob.Reason.allCases {
            let job = RoutingJob(ticketID: 2, reason: reason)
            #expect(try roundTrip(job) == job)
        }
        for clock in SLAClockKind.allCases {
            for deadline in SLADeadlineKind.allCases {
                let job = SLAJob(ticketID: 3, clock: clock, deadline: deadline, generation: 7, dueAt: Self.due)
                #expect(try roundTrip(job) == job)
            }
        }
        let wait = FAQBotWaitJob(ticketID: 6)
        #expect(try roundTrip(wait) == wait)
        let draft = FAQBotDraftJob(ticketID: 6, articleID: 3)
        #expect(try roundTrip(draft) == draft)
        let notify = NotifyJob(notificationID: 4, idempotencyKey: "reply:4:1")
        #expect(try roundTrip(notify) == notify)
        for event in DisputeJob.Event.allCases {
            let job = DisputeJob(disputeID: 5, event: event, state: .evidence, generation: 1)
            #expect(try roundTrip(job) == job)
        }
    }

    @Test func currentVersionIsWritten() {
        #expect(IntakeJob(inboundItemID: 1).schemaVersion == IntakeJob.currentSchemaVersion)
        #expect(SLAJob.currentSchemaVersion == 1)
    }

    @Test func aNewerVersionIsRefusedWithAClearError() throws {
        let data = Data(#"{"schema_version":2,"ticket_id":5,"reason":"new","added_in_v2":true}"#.utf8)
        let error = try #require(throws: JobPayloadDecodingError.self) {
            try JobPayloadCoding.decode(RoutingJob.self, from: data)
        }
        #expect(error.code == .unsupportedSchemaVersion)
        #expect(error.kind == "routing")
        #expect(error.foundVersion == 2)
        #expect(error.supportedVersion == 1)
        #expect(error.description == "routing job payload has schema_version 2, newer than the 1 this build reads: upgrade this worker")
    }

    @Test func aNewerVersionIsRefusedByAPlainJSONDecoderToo() throws {
        let data = Data(#"{"schema_version":9,"inbound_item_id":1}"#.utf8)
        #expect(throws: JobPayloadDecodingError.self) { try JSONDecoder().decode(IntakeJob.self, from: data) }
    }

    @Test(arguments: ["0", "-1"])
    func aNonPositiveVersionIsInvalid(version: String) throws {
        let data = Data(#"{"schema_version":\#(version),"inbound_item_id":1}"#.utf8)
        let error = try #require(throws: JobPayloadDecodingError.self) { try JobPayloadCoding.decode(IntakeJob.self, from: data) }
        #expect(error.code == .invalidSchemaVersion)
    }

    @Test func missingFieldsAreMalformed() throws {
        let data = Data(#"{"schema_version":1,"clock":"resolution"}"#.utf8)
        let error = try #require(throws: JobPayloadDecodingError.self) { try JobPayloadCoding.decode(SLAJob.self, from: data) }
        #expect(error.code == .malformed)
        #expect(error.kind == "sla")
        #expect(error.description.hasPrefix("sla job payload is malformed: missing field"))
    }

    @Test func aMissingVersionIsMalformed() throws {
        let error = try #require(throws: JobPayloadDecodingError.self) {
            try JobPayloadCoding.decode(IntakeJob.self, from: Data(#"{"inbound_item_id":1}"#.utf8))
        }
        #expect(error.code == .malformed)
        #expect(error.description.contains("schema_version"))
    }

    @Test func garbageIsMalformedWithoutEchoingIt() throws {
        let error = try #require(throws: JobPayloadDecodingError.self) {
            try JobPayloadCoding.decode(NotifyJob.self, from: Array("secret-token-xyz".utf8))
        }
        #expect(error.code == .malformed)
        #expect(!error.description.contains("secret"))
    }

    @Test func unknownEnumValuesAreMalformed() throws {
        let data = Data(#"{"schema_version":1,"ticket_id":5,"reason":"teleport"}"#.utf8)
        let error = try #require(throws: JobPayloadDecodingError.self) { try JobPayloadCoding.decode(RoutingJob.self, from: data) }
        #expect(error.code == .malformed)
    }

    @Test func datesWithoutFractionsAreAccepted() throws {
        let data = Data(
            #"{"clock":"resolution","deadline":"breach","due_at":"2025-03-07T16:00:00Z","generation":1,"schema_version":1,"ticket_id":1}"#
                .utf8)
        let job = try JobPayloadCoding.decode(SLAJob.self, from: data)
        #expect(job.dueAt == Date(timeIntervalSince1970: 1_741_363_200))
    }

    @Test func uniqueKeysIdentifyTheWork() {
        #expect(IntakeJob(inboundItemID: 9).uniqueKey == "intake:9")
        #expect(RoutingJob(ticketID: 5, reason: .reply).uniqueKey == nil)
        #expect(
            SLAJob(ticketID: 5, clock: .nextResponse, deadline: .breach, generation: 2, dueAt: Self.due).uniqueKey
                == "sla:5:next_response:breach:2")
        #expect(NotifyJob(notificationID: 1, idempotencyKey: "ack:5").uniqueKey == "notify:ack:5")
        #expect(
            DisputeJob(disputeID: 3, event: .assignArbiter, state: .opened, generation: 0).uniqueKey
                == "dispute:3:assign_arbiter:opened:0")
    }
}
