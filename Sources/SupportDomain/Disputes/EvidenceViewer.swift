public import SupportSchema

/// Who is looking at a dispute's evidence.
public enum EvidenceViewer: Hashable, Sendable {
    case requester(RequesterID)
    case staff(StaffID, roles: Set<Role>)
}
