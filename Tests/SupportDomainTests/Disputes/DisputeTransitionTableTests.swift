import Foundation
import SupportDomain
import SupportSchema
import Testing

/// Every state × command pair: accepted with the listed next state, otherwise refused as `wrong_state`.
struct DisputeTransitionTableTests {
    typealias F = DisputeFixtures

    /// The accepted pairs and where they lead, written out independently of the machine.
    static let accepted: [DisputeCommand.Kind: [DisputeState: DisputeState]] = [
        .requestResponse: [.opened: .awaitingResponse],
        .respond: [.awaitingResponse: .negotiation],
        .proposeSettlement: [.negotiation: .negotiation, .evidence: .evidence, .infoRequested: .infoRequested, .underReview: .underReview],
        .acceptSettlement: [.negotiation: .settled, .evidence: .settled, .infoRequested: .settled, .underReview: .settled],
        .moveToEvidence: [.negotiation: .evidence],
        .assignArbiter: [
            .awaitingResponse: .awaitingResponse, .negotiation: .negotiation, .evidence: .evidence,
            .infoRequested: .infoRequested, .underReview: .underReview, .appealed: .underReview,
        ],
        .recuse: [
            .awaitingResponse: .awaitingResponse, .negotiation: .negotiation, .evidence: .evidence,
            .infoRequested: .infoRequested, .underReview: .underReview,
        ],
        .requestInfo: [.evidence: .infoRequested],
        .provideInfo: [.infoRequested: .evidence],
        .submitForReview: [.evidence: .underReview],
        .decide: [.underReview: .decided],
        .decisionDelivered: [.decided: .appealWindow],
        .appeal: [.appealWindow: .appealed],
        .approvePayout: [.executing: .executing],
        .executionFailed: [.executing: .executing],
        .executionConfirmed: [.executing: .closed],
        .withdraw: [
            .opened: .withdrawn, .awaitingResponse: .withdrawn, .negotiation: .withdrawn, .evidence: .withdrawn,
            .infoRequested: .withdrawn, .underReview: .withdrawn,
        ],
        .deadlineMissed: [
            .awaitingResponse: .underReview, .negotiation: .evidence, .evidence: .underReview, .underReview: .underReview,
            .appealWindow: .executing, .appealed: .appealed, .executing: .executing,
        ],
        .expire: [.opened: .expired, .awaitingResponse: .expired, .negotiation: .expired, .evidence: .expired, .infoRequested: .expired],
    ]

    @Test(arguments: DisputeCommand.Kind.allCases)
    func everyStateForCommand(_ kind: DisputeCommand.Kind) throws {
        let targets = try #require(Self.accepted[kind], "no row for \(kind)")
        for state in DisputeState.allCases {
            let (command, actor, record, now) = F.sample(kind, in: state)
            if let target = targets[state] {
                do {
                    let step = try F.machine.apply(command, by: actor, to: record, at: now)
                    #expect(step.state == target, "\(kind) in \(state)")
                    #expect(step.before == record)
                    #expect(step.after.generation == record.generation + 1, "\(kind) in \(state) bumps the generation")
                } catch {
                    Issue.record("\(kind) in \(state) should go to \(target): \(error)")
                }
            } else {
                #expect(throws: DisputeTransitionError.self, "\(kind) in \(state) should be refused") {
                    try F.machine.apply(command, by: actor, to: record, at: now)
                }
                #expect(F.machine.refusal(command, by: actor, to: record, at: now) == .wrongState, "\(kind) in \(state)")
            }
        }
    }

    @Test func theMachinesStateListMatchesTheTable() {
        for kind in DisputeCommand.Kind.allCases {
            #expect(DisputeMachine.states(accepting: kind) == Set((Self.accepted[kind] ?? [:]).keys), "\(kind)")
        }
    }

    @Test func terminalStatesAcceptNothing() {
        for state in DisputeState.terminal {
            for kind in DisputeCommand.Kind.allCases {
                let (command, actor, record, now) = F.sample(kind, in: state)
                #expect(F.machine.refusal(command, by: actor, to: record, at: now) == .wrongState, "\(kind) in \(state)")
            }
        }
    }

    @Test func everyRunningDeadlineIsScheduledAgainUnderTheNewGeneration() throws {
        // A settlement offer does not move the state, but the old deadline job is stale now.
        let (command, actor, record, now) = F.sample(.proposeSettlement, in: .negotiation)
        let step = try F.machine.apply(command, by: actor, to: record, at: now)
        #expect(step.after.deadline == .due(F.due))
        #expect(step.effects.last == .scheduleDeadline(.negotiation, due: F.due))
    }

    @Test func refusalsNameStateCommandAndReason() {
        let error = DisputeTransitionError(.wrongState, state: .closed, command: .appeal, detail: "appeal is not accepted in closed")
        #expect(error.description == "appeal refused in closed (wrong_state): appeal is not accepted in closed")
        #expect(DisputeTransitionError.Code.appealReviewerIsFirstArbiter.description == "appeal_reviewer_is_first_arbiter")
    }
}
