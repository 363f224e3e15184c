import SupportDomain
import SupportSchema
import Testing

struct NamedStaffFinderTests {
    let anna = NamedStaffFinder.Candidate(id: StaffID(1), nameLexemes: ["анн", "смирнов"], email: "anna@desk.local")
    let annaK = NamedStaffFinder.Candidate(id: StaffID(2), nameLexemes: ["анн", "ким"], email: "annak@desk.local")
    let boris = NamedStaffFinder.Candidate(id: StaffID(3), nameLexemes: ["boris"], email: "boris@desk.local")

    @Test func theWholeNameNamesThePerson() {
        #expect(NamedStaffFinder.find(text: "жалоба на Анну Смирнову", lexemes: ["жалоб", "анн", "смирнов"], among: [anna, annaK, boris]) == StaffID(1))
        #expect(NamedStaffFinder.find(text: "Boris banned me", lexemes: ["boris", "ban"], among: [anna, annaK, boris]) == StaffID(3))
    }

    @Test func aSharedFirstNameAloneNamesNobody() {
        #expect(NamedStaffFinder.find(text: "Анна грубит", lexemes: ["анн", "груб"], among: [anna, annaK, boris]) == nil)
    }

    @Test func anEmailWinsAndNothingMatchedIsNobody() {
        #expect(NamedStaffFinder.find(text: "admin annak@desk.local ignored me", lexemes: ["admin", "ignor"], among: [anna, annaK, boris]) == StaffID(2))
        #expect(NamedStaffFinder.find(text: "the admins are rude", lexemes: ["admin", "rude"], among: [anna, annaK, boris]) == nil)
    }

    @Test func theMostSpecificNameWins() {
        let annaAlone = NamedStaffFinder.Candidate(id: StaffID(4), nameLexemes: ["анн"], email: "")
        #expect(NamedStaffFinder.find(text: "Анна Ким", lexemes: ["анн", "ким"], among: [annaAlone, annaK]) == StaffID(2))
    }
}
