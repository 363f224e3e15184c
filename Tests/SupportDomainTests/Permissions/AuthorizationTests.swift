import SupportDomain
import SupportSchema
import Testing

struct AuthorizationTests {
    /// Every non-empty set of staff roles (31 of them): staff accounts hold several.
    static let roleSets: [Set<Role>] = (1..<(1 << Role.staffRoles.count)).map { mask in
        Set(Role.staffRoles.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
    }

    static let me: StaffID = 7
    static let other: StaffID = 8
    static let owner: RequesterID = 100

    static func ticket(
        category: Category? = .question, requested: Category? = nil, confidential: Bool = false, named: StaffID? = nil,
        arbiters: Set<StaffID> = [], conflicts: ConflictOfInterest = .init()
    ) -> TicketAccessFacts {
        TicketAccessFacts(
            ticketID: 1, requesterID: owner, category: category, requestedCategory: requested, isConfidential: confidential,
            namedStaffID: named, assignedArbiters: arbiters, conflicts: conflicts)
    }

    @Test func withoutATicketTheTableDecidesAlone() {
        for roles in Self.roleSets {
            for action in StaffAction.allCases {
                let decision = Authorization.decide(.staff(Self.me, roles: roles), action: action)
                #expect(decision.isAllowed == Permissions.allows(roles: roles, action: action), "\(roles) \(action)")
                if !decision.isAllowed { #expect(decision == .denied(.role)) }
            }
        }
    }

    @Test func aRequesterMayOnlyReadAndReplyToTheirOwnTickets() {
        for action in StaffAction.allCases {
            let mayAtAll = Authorization.requesterActions.contains(action)
            let own = Authorization.decide(.requester(Self.owner), action: action, ticket: Self.ticket())
            let others = Authorization.decide(.requester(101), action: action, ticket: Self.ticket())
            #expect(own == (mayAtAll ? .allowed : .denied(.role)), "\(action)")
            #expect(others == .denied(mayAtAll ? .notOwner : .role), "\(action)")
            #expect(Authorization.decide(.requester(Self.owner), action: action).isAllowed == mayAtAll)
        }
        #expect(Authorization.requesterActions == [.viewTicket, .reply])
    }

    @Test func anIncidentBelongsToNoRequester() {
        let incident = TicketAccessFacts(ticketID: 2, requesterID: nil)
        #expect(Authorization.decide(.requester(Self.owner), action: .viewTicket, ticket: incident) == .denied(.notOwner))
    }

    @Test func theStaffMemberAComplaintNamesNeverSeesItWhateverTheirRoles() {
        for roles in Self.roleSets {
            for action in StaffAction.allCases {
                for category in [Category.complaint, .question, nil] {
                    let facts = Self.ticket(category: category, named: Self.me)
                    let decision = Authorization.decide(.staff(Self.me, roles: roles), action: action, ticket: facts)
                    let expected: AccessDecision = Permissions.allows(roles: roles, action: action) ? .denied(.namedInComplaint) : .denied(.role)
                    #expect(decision == expected, "\(roles) \(action) \(String(describing: category))")
                }
            }
        }
    }

    @Test func complaintsAreForOwnersOnly() {
        for roles in Self.roleSets {
            for complaint in [Self.ticket(category: .complaint), Self.ticket(category: nil, requested: .complaint),
                              Self.ticket(category: .question, named: Self.other)] {
                #expect(complaint.isComplaint)
                let decision = Authorization.decide(.staff(Self.me, roles: roles), action: .viewTicket, ticket: complaint)
                #expect(decision == (roles.contains(.owner) ? .allowed : .denied(.complaint)), "\(roles)")
            }
        }
    }

    @Test func confidentialTicketsAreForOwnersOnly() {
        for roles in Self.roleSets {
            for action in StaffAction.allCases where Permissions.allows(roles: roles, action: action) {
                let decision = Authorization.decide(.staff(Self.me, roles: roles), action: action, ticket: Self.ticket(confidential: true))
                #expect(decision == (roles.contains(.owner) ? .allowed : .denied(.confidential)), "\(roles) \(action)")
            }
        }
    }

    @Test(arguments: [
        ConflictOfInterest(parties: [7]),
        ConflictOfInterest(punishingModerator: 7),
        ConflictOfInterest(namedInComplaint: 7),
    ])
    func conflictsOfInterestExcludeFromEveryAction(conflicts: ConflictOfInterest) {
        for roles in Self.roleSets {
            for action in StaffAction.allCases where Permissions.allows(roles: roles, action: action) {
                let ticket = Self.ticket(arbiters: [Self.me, Self.other], conflicts: conflicts)
                #expect(Authorization.decide(.staff(Self.me, roles: roles), action: action, ticket: ticket) == .denied(.conflictOfInterest), "\(roles) \(action)")
                // Someone else on the same ticket is not affected.
                #expect(Authorization.decide(.staff(Self.other, roles: roles), action: action, ticket: ticket) == .allowed)
            }
        }
    }

    @Test func anArbiterSeesOnlyTheDisputesAssignedToThem() {
        let arbiter = Principal.staff(Self.me, roles: [.arbiter])
        let mine = Self.ticket(category: .dispute, arbiters: [Self.me])
        let appealMine = Self.ticket(category: .dispute, arbiters: [Self.other, Self.me])
        let theirs = Self.ticket(category: .dispute, arbiters: [Self.other])
        let unassigned = Self.ticket(category: .dispute)
        let notADispute = Self.ticket(category: .payment)
        for action in StaffAction.allCases where Permissions.allows(role: .arbiter, action: action) {
            #expect(Authorization.decide(arbiter, action: action, ticket: mine) == .allowed, "\(action)")
            #expect(Authorization.decide(arbiter, action: action, ticket: appealMine) == .allowed, "\(action)")
            for ticket in [theirs, unassigned, notADispute] {
                #expect(Authorization.decide(arbiter, action: action, ticket: ticket) == .denied(.notAssignedArbiter), "\(action)")
            }
        }
    }

    @Test func anotherRoleLiftsTheArbiterRuleOnlyForWhatThatRoleAllows() {
        let agentArbiter = Principal.staff(Self.me, roles: [.arbiter, .agent])
        let theirs = Self.ticket(category: .dispute, arbiters: [Self.other])
        #expect(Authorization.decide(agentArbiter, action: .viewTicket, ticket: theirs) == .allowed)
        // Deciding a dispute is the arbiter's alone: still only their own.
        #expect(Authorization.decide(agentArbiter, action: .decideDispute, ticket: theirs) == .denied(.notAssignedArbiter))
        // An owner decides any dispute.
        #expect(Authorization.decide(.staff(Self.me, roles: [.arbiter, .owner]), action: .decideDispute, ticket: theirs) == .allowed)
    }

    @Test func anOrdinaryTicketFollowsTheTable() {
        for roles in Self.roleSets where roles != [.arbiter] {
            for action in StaffAction.allCases {
                let decision = Authorization.decide(.staff(Self.me, roles: roles), action: action, ticket: Self.ticket())
                let expected: AccessDecision
                if !Permissions.allows(roles: roles, action: action) {
                    expected = .denied(.role)
                } else if TicketAccess.onlyAsArbiter(roles: roles, action: action) {
                    expected = .denied(.notAssignedArbiter)
                } else {
                    expected = .allowed
                }
                #expect(decision == expected, "\(roles) \(action)")
            }
        }
    }

    @Test func visibilityRulesMirrorTheRowRules() {
        for roles in Self.roleSets {
            let rules = TicketAccess.visibilityRules(for: roles, action: .viewTicket)
            let me = Principal.staff(Self.me, roles: roles)
            #expect(rules.hideConfidential == !Authorization.decide(me, action: .viewTicket, ticket: Self.ticket(confidential: true)).isAllowed)
            #expect(rules.hideComplaints == !Authorization.decide(me, action: .viewTicket, ticket: Self.ticket(category: .complaint)).isAllowed)
            #expect(rules.onlyAssignedDisputes == !Authorization.decide(me, action: .viewTicket, ticket: Self.ticket()).isAllowed)
        }
    }

    @Test func auditRoleIsTheHighestHeld() {
        #expect(Principal.staff(1, roles: [.agent, .owner]).auditRole == .owner)
        #expect(Principal.staff(1, roles: [.agent, .coder]).auditRole == .coder)
        #expect(Principal.staff(1, roles: [.agent]).auditRole == .agent)
        #expect(Principal.requester(1).auditRole == .requester)
    }

    @Test func denialMessagesNeverDescribeTheTicket() {
        for denial in AccessDenial.allCases {
            #expect(!denial.message.isEmpty)
            #expect(!denial.message.contains("named"))
        }
    }
}
