import Foundation
import SupportDomain
import SupportSchema
import Testing

/// A routing transaction shared by several tickets keeps its roster current itself
/// (`[StaffCandidate].assigning`), because `staff_load` moves only at commit.
struct RosterAssignmentTests {
    let noon = Date(timeIntervalSince1970: 1_795_417_200)

    func roster(_ loads: [Int64: Int]) -> [StaffCandidate] {
        loads.keys.sorted().map { StaffCandidate(id: StaffID($0), roles: [.agent], activeTickets: loads[$0]!, capacity: 3) }
    }

    func loads(_ staff: [StaffCandidate]) -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: staff.map { ($0.id.rawValue, $0.activeTickets) })
    }

    @Test func aNewAssigneeGainsATicketAndBecomesTheLatestAssigned() {
        let after = roster([1: 0, 2: 0]).assigning(StaffID(1), replacing: nil, active: true, at: noon)
        #expect(loads(after) == [1: 1, 2: 0])
        #expect(after.first { $0.id == StaffID(1) }?.lastAssignedAt == noon)
        #expect(after.first { $0.id == StaffID(2) }?.lastAssignedAt == nil)
    }

    @Test func aReassignmentMovesTheTicketBetweenLoads() {
        #expect(loads(roster([1: 2, 2: 0]).assigning(StaffID(2), replacing: StaffID(1), active: true, at: noon)) == [1: 1, 2: 1])
        // A counter never goes below zero, even when the loaded count had drifted.
        #expect(loads(roster([1: 0, 2: 0]).assigning(StaffID(2), replacing: StaffID(1), active: true, at: noon)) == [1: 0, 2: 1])
    }

    @Test func noChangeOrNoAssigneeLeavesTheRosterAlone() {
        let staff = roster([1: 1, 2: 0])
        #expect(staff.assigning(StaffID(1), replacing: StaffID(1), active: true, at: noon) == staff)
        #expect(staff.assigning(nil, replacing: StaffID(1), active: true, at: noon) == staff)
    }

    @Test func aClosedTicketCountsForNoLoadButStillForRoundRobin() {
        let after = roster([1: 1, 2: 1]).assigning(StaffID(2), replacing: StaffID(1), active: false, at: noon)
        #expect(loads(after) == [1: 1, 2: 1])
        #expect(after.first { $0.id == StaffID(2) }?.lastAssignedAt == noon)
    }

    /// What the shared transaction relies on: successive picks over the kept roster spread the tickets
    /// like separate transactions would, up to capacity.
    @Test func successivePicksSpreadUntilEveryoneIsFull() {
        var staff = roster([1: 0, 2: 1, 3: 0])
        var picked: [Int64] = []
        for minute in 0..<10 {
            let time = noon.addingTimeInterval(Double(minute) * 60)
            guard let id = AssigneePicker().pick(from: staff, role: .agent).staffID else { break }
            picked.append(id.rawValue)
            staff = staff.assigning(id, replacing: nil, active: true, at: time)
        }
        #expect(picked == [1, 3, 2, 1, 3, 2, 1, 3])
        #expect(AssigneePicker().pick(from: staff, role: .agent).staffID == nil)
        #expect(loads(staff) == [1: 3, 2: 3, 3: 3])
    }
}
