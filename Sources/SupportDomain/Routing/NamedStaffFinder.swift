public import SupportSchema

/// Finds the staff member a complaint is about, from its text, so they never see it or get it.
///
/// A staff member is named when their email appears in the text, or when every word of their name
/// does (compared as stemmed lexemes, so "на Анну Смирнову" names "Анна Смирнова"). When several
/// match, the one whose name has the most words wins; a tie names nobody rather than guess.
public enum NamedStaffFinder {
    public struct Candidate: Hashable, Sendable {
        public var id: StaffID
        public var nameLexemes: Set<String>
        public var email: String

        public init(id: StaffID, nameLexemes: Set<String>, email: String) {
            self.id = id
            self.nameLexemes = nameLexemes
            self.email = email
        }
    }

    public static func find(text: String, lexemes: Set<String>, among staff: [Candidate]) -> StaffID? {
        let lowered = text.lowercased()
        let byEmail = staff.filter { !$0.email.isEmpty && lowered.contains($0.email.lowercased()) }
        if byEmail.count == 1 { return byEmail[0].id }
        let byName = staff.filter { !$0.nameLexemes.isEmpty && $0.nameLexemes.isSubset(of: lexemes) }
        guard let longest = byName.map(\.nameLexemes.count).max() else { return nil }
        let best = byName.filter { $0.nameLexemes.count == longest }
        return best.count == 1 ? best[0].id : nil
    }
}
