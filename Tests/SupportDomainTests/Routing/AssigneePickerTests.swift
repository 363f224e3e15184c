import Foundation
import SupportDomain
import SupportSchema
import Testing

struct AssigneePickerTests {
    let picker = AssigneePicker()

    func agent(_ id: Int64, load: Int = 0, capacity: Int = 5, last: Date? = nil, onShift: Bool = true,
               next: Date? = nil, away: Bool = false, active: Bool = true, skills: Set<String> = [], roles: Set<Role> = [.agent]) -> StaffCandidate {
        StaffCandidate(id: StaffID(id), roles: roles, skills: skills, isActive: active, isAway: away, activeTickets: load,
                       capacity: capacity, onShift: onShift, nextShiftStart: next, lastAssignedAt: last)
    }

    @Test func leastLoadedWins() {
        let decision = picker.pick(from: [agent(1, load: 3), agent(2, load: 1), agent(3, load: 2)], role: .agent)
        #expect(decision == .now(StaffID(2), why: "least loaded (1/5) agent on shift"))
    }

    @Test func tiesGoRoundRobinByLastAssignment() {
        let staff = [agent(1, load: 1, last: ekb(3, "11:00")), agent(2, load: 1, last: ekb(3, "10:30")), agent(3, load: 1, last: ekb(3, "12:00"))]
        #expect(picker.pick(from: staff, role: .agent).staffID == StaffID(2))
        let neverAssigned = staff + [agent(4, load: 1)]
        #expect(picker.pick(from: neverAssigned, role: .agent).staffID == StaffID(4))
        let sameEverything = [agent(8, load: 0), agent(7, load: 0)]
        #expect(picker.pick(from: sameEverything, role: .agent).staffID == StaffID(7))
    }

    @Test func capacityIsAHardLimit() {
        let staff = [agent(1, load: 5, capacity: 5), agent(2, load: 9, capacity: 10)]
        #expect(picker.pick(from: staff, role: .agent).staffID == StaffID(2))
        let full = [agent(1, load: 5, capacity: 5), agent(2, load: 0, capacity: 0)]
        #expect(picker.pick(from: full, role: .agent) == .unassigned(why: "every agent on shift is at capacity"))
    }

    @Test func awayInactiveAndOtherRolesAreSkipped() {
        let staff = [agent(1, away: true), agent(2, active: false), agent(3, roles: [.coder]), agent(4, load: 4)]
        #expect(picker.pick(from: staff, role: .agent).staffID == StaffID(4))
        #expect(picker.pick(from: [agent(1, away: true)], role: .agent) == .unassigned(why: "no active agent who is not away"))
    }

    @Test func conflictsOfInterestAreExcluded() {
        let staff = [agent(1), agent(2, load: 3)]
        #expect(picker.pick(from: staff, role: .agent, excluded: [StaffID(1): "named in the complaint"]).staffID == StaffID(2))
        #expect(picker.pick(from: [agent(1)], role: .agent, excluded: [StaffID(1): "x"])
            == .unassigned(why: "no active agent who is not away (1 excluded for conflict of interest)"))
    }

    @Test func aConflictBeatsStickiness() {
        let staff = [agent(1), agent(2, load: 3)]
        #expect(picker.pick(from: staff, role: .agent, excluded: [StaffID(1): "party"], previous: StaffID(1)).staffID == StaffID(2))
    }

    @Test func returningRequestersKeepTheirAgentWhenAvailable() {
        let staff = [agent(1, load: 0), agent(2, load: 4)]
        #expect(picker.pick(from: staff, role: .agent, previous: StaffID(2)) == .now(StaffID(2), why: "previous agent on shift"))
        let previousIsFull = [agent(1, load: 0), agent(2, load: 5, capacity: 5)]
        #expect(picker.pick(from: previousIsFull, role: .agent, previous: StaffID(2)).staffID == StaffID(1))
        let previousOffShift = [agent(1, load: 0), agent(2, onShift: false, next: ekb(4, "10:00"))]
        #expect(picker.pick(from: previousOffShift, role: .agent, previous: StaffID(2)).staffID == StaffID(1))
    }

    @Test func skillsNarrowTheChoiceUnlessNobodyHasThem() {
        let staff = [agent(1, load: 0), agent(2, load: 3, skills: ["payments", "telegram_bot"])]
        #expect(picker.pick(from: staff, role: .agent, skills: ["payments"]).staffID == StaffID(2))
        let nobody = picker.pick(from: staff, role: .agent, skills: ["crypto"])
        #expect(nobody.staffID == StaffID(1))
        #expect(nobody.why.hasSuffix("; nobody has crypto, skill ignored"))
    }

    @Test func outOfHoursTheNextShiftIsResponsible() {
        let staff = [
            agent(1, onShift: false, next: ekb(10, "10:00")),
            agent(2, load: 2, onShift: false, next: ekb(10, "09:00")),
            agent(3, load: 0, onShift: false, next: ekb(10, "09:00")),
            agent(4, onShift: false, next: nil),
        ]
        #expect(picker.pick(from: staff, role: .agent) == .nextShift(StaffID(3), from: ekb(10, "09:00"), why: "least loaded (0/5) agent of the next shift"))
        #expect(picker.pick(from: staff, role: .agent, previous: StaffID(2)).staffID == StaffID(2))
        #expect(picker.pick(from: [agent(4, onShift: false)], role: .agent) == .unassigned(why: "no agent has a shift planned"))
    }

    @Test func someoneOnShiftBeatsAnEarlierNextShift() {
        let staff = [agent(1, load: 4), agent(2, onShift: false, next: ekb(3, "10:01"))]
        #expect(picker.pick(from: staff, role: .agent).staffID == StaffID(1))
    }
}
