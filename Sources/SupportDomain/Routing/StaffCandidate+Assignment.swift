public import Foundation
public import SupportSchema

extension Array where Element == StaffCandidate {
    /// The roster once a ticket moves from `previous` to `assignee` at `time`, for the next decision in the
    /// same transaction. `staff_load` changes only when the transaction commits (a deferred trigger), so
    /// a routing transaction shared by several tickets counts its own assignments here; otherwise each
    /// would see the same least-loaded person.
    /// - Parameter active: whether the ticket counts towards a load (not resolved or closed).
    public func assigning(_ assignee: StaffID?, replacing previous: StaffID?, active: Bool, at time: Date) -> [StaffCandidate] {
        guard let assignee, assignee != previous else { return self }
        return map { candidate in
            var candidate = candidate
            if candidate.id == assignee {
                candidate.lastAssignedAt = time
                if active { candidate.activeTickets += 1 }
            } else if candidate.id == previous, active {
                candidate.activeTickets = Swift.max(candidate.activeTickets - 1, 0)
            }
            return candidate
        }
    }
}
