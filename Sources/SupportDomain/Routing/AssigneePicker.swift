public import SupportSchema

/// Chooses the person for a ticket among staff with the role and skills.
///
/// Eligible: active, holds `role`, not away, no conflict of interest. Among those who are on shift and
/// under capacity it keeps the previous assignee of a returning requester, else takes the least
/// loaded, ties going to whoever was assigned longest ago (round-robin), then the lowest id. When
/// nobody is on shift, the same order applies to those whose next shift starts first.
public struct AssigneePicker: Sendable {
    public init() {}

    public func pick(
        from candidates: [StaffCandidate], role: Role, skills: Set<String> = [],
        excluded: [StaffID: String] = [:], previous: StaffID? = nil
    ) -> AssignmentDecision {
        var eligible = candidates.filter { $0.isActive && $0.roles.contains(role) && !$0.isAway && excluded[$0.id] == nil }
        guard !eligible.isEmpty else {
            let conflicts = excluded.isEmpty ? "" : " (\(excluded.count) excluded for conflict of interest)"
            return .unassigned(why: "no active \(role.rawValue) who is not away\(conflicts)")
        }
        var skillNote = ""
        if !skills.isEmpty {
            let skilled = eligible.filter { skills.isSubset(of: $0.skills) }
            if skilled.isEmpty {
                skillNote = "; nobody has \(skills.sorted().joined(separator: ",")), skill ignored"
            } else {
                eligible = skilled
            }
        }

        let working = eligible.filter { $0.onShift && $0.hasRoom }
        if let chosen = Self.choose(working, previous: previous) {
            return .now(chosen.staff.id, why: "\(chosen.why) \(role.rawValue) on shift\(skillNote)")
        }
        let later = eligible.filter { !$0.onShift && $0.hasRoom && $0.nextShiftStart != nil }
        if let first = later.compactMap(\.nextShiftStart).min() {
            let earliest = later.filter { $0.nextShiftStart == first }
            let chosen = Self.choose(earliest, previous: previous)!
            return .nextShift(chosen.staff.id, from: first, why: "\(chosen.why) \(role.rawValue) of the next shift\(skillNote)")
        }
        let onShift = eligible.contains { $0.onShift }
        return .unassigned(why: onShift ? "every \(role.rawValue) on shift is at capacity" : "no \(role.rawValue) has a shift planned")
    }

    private static func choose(_ staff: [StaffCandidate], previous: StaffID?) -> (staff: StaffCandidate, why: String)? {
        if let previous, let sticky = staff.first(where: { $0.id == previous }) { return (sticky, "previous") }
        let best = staff.min { a, b in
            if a.activeTickets != b.activeTickets { return a.activeTickets < b.activeTickets }
            switch (a.lastAssignedAt, b.lastAssignedAt) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (.some(let x), .some(let y)) where x != y: return x < y
            default: return a.id < b.id
            }
        }
        return best.map { ($0, "least loaded (\($0.activeTickets)/\($0.capacity))") }
    }
}
