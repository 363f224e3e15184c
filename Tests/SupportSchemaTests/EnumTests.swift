import SupportSchema
import Testing

/// Raw values are the SQL values: these literals must only change together with a migration.
struct EnumTests {
    @Test func rawValuesAreTheStoredValues() {
        #expect(Role.rawValues == ["agent", "moderator", "arbiter", "coder", "owner", "requester"])
        #expect(Line.rawValues == ["l1", "l2", "l3"])
        #expect(Channel.rawValues == ["telegram", "email", "web", "chat", "phone", "social", "api"])
        #expect(
            Category.rawValues == [
                "question", "technical", "payment", "dispute", "moderation_appeal", "complaint", "suggestion", "spam",
            ])
        #expect(Priority.rawValues == ["low", "normal", "high", "critical"])
        #expect(
            TicketStatus.rawValues == [
                "new", "open", "pending_requester", "pending_third_party", "escalated", "resolved", "closed",
            ])
        #expect(
            DisputeState.rawValues == [
                "opened", "awaiting_response", "negotiation", "evidence", "info_requested", "under_review", "decided",
                "appeal_window", "appealed", "executing", "closed", "settled", "withdrawn", "expired",
            ])
        #expect(AuthorKind.rawValues == ["requester", "staff", "system", "bot"])
        #expect(NotificationChannel.rawValues == ["telegram", "email", "webhook", "in_app"])
        #expect(SLAClockKind.rawValues == ["first_response", "next_response", "resolution"])
        #expect(SLADeadlineKind.rawValues == ["warning", "breach"])
    }

    @Test func rawValuesAreLowerSnake() {
        let all: [[String]] = [
            Role.rawValues, Line.rawValues, Channel.rawValues, Category.rawValues, Priority.rawValues,
            TicketStatus.rawValues, DisputeState.rawValues, AuthorKind.rawValues, ContentLocale.rawValues,
            InboundStatus.rawValues, PunishmentKind.rawValues, ArticleVisibility.rawValues, ArticleStatus.rawValues,
            NotificationChannel.rawValues, NotificationStatus.rawValues, DealStatus.rawValues, DepositStatus.rawValues,
            EvidenceParty.rawValues, SLAClockKind.rawValues, SLADeadlineKind.rawValues,
        ]
        for value in all.joined() {
            #expect(value.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }, "\(value)")
        }
    }

    @Test func priorityIsOrdered() {
        #expect(Priority.low < .normal && Priority.normal < .high && Priority.high < .critical)
        #expect(Priority.allCases.sorted() == Priority.allCases)
        #expect(Priority.low.raised == .normal)
        #expect(Priority.high.raised == .critical)
        #expect(Priority.critical.raised == .critical)
    }

    @Test func linesGoUp() {
        #expect(Line.l1.next == .l2)
        #expect(Line.l2.next == .l3)
        #expect(Line.l3.next == nil)
        #expect(Line.l1 < .l3)
    }

    @Test func ticketStatusDrivesTheSLAClocks() {
        let expected: [TicketStatus: TicketStatus.SLAClockState] = [
            .new: .running, .open: .running, .escalated: .running,
            .pendingRequester: .paused, .pendingThirdParty: .paused,
            .resolved: .stopped, .closed: .stopped,
        ]
        for status in TicketStatus.allCases {
            #expect(status.slaClockState == expected[status], "\(status)")
        }
        #expect(TicketStatus.active == [.new, .open, .pendingRequester, .pendingThirdParty, .escalated])
    }

    @Test func disputeStatesKnowTheirEnds() {
        #expect(DisputeState.terminal == [.closed, .settled, .withdrawn, .expired])
        #expect(
            DisputeState.allCases.filter(\.hasDeadline) == [
                .awaitingResponse, .negotiation, .evidence, .underReview, .appealWindow, .appealed, .executing,
            ])
        #expect(!DisputeState.infoRequested.hasDeadline)
    }

    @Test func staffRolesExcludeRequester() {
        #expect(Role.staffRoles == [.agent, .moderator, .arbiter, .coder, .owner])
        #expect(!Role.requester.isStaff)
        #expect(Role.staffRoles.allSatisfy { $0.isStaff })
    }

    @Test func enumsDecodeFromTheirRawValues() throws {
        #expect(Category(rawValue: "moderation_appeal") == .moderationAppeal)
        #expect(TicketStatus(rawValue: "pending_third_party") == .pendingThirdParty)
        #expect(Channel(rawValue: "fax") == nil)
        #expect(ContentLocale.ru.textSearchConfiguration == "russian")
        #expect(ContentLocale.en.textSearchConfiguration == "english")
    }
}
