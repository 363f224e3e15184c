public import Foundation
public import SupportDomain

/// What the escalation worker decides with, and its clock (tests pin it).
public struct EscalationConfiguration: Sendable {
    public var ladder: EscalationLadder
    public var now: @Sendable () -> Date

    public init(ladder: EscalationLadder = EscalationLadder(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.ladder = ladder
        self.now = now
    }
}
