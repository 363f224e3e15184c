import Foundation
import SupportDomain

/// The intake worker's tunables.
public struct IntakeConfiguration: Sendable {
    /// How long after closing (or resolving) a threaded reply reopens the ticket instead of opening a new one.
    public var reopenWindow: TimeInterval
    /// Per-channel targets the auto-acknowledgement promises (priority `normal`: routing has not run yet).
    public var slaPolicies: SLAPolicyTable
    /// The desk's hours the promise is computed on; also the zone the time is written in.
    public var calendar: BusinessCalendar
    public var parser: InboundParser

    public init(
        reopenWindow: TimeInterval = TicketPlacement.defaultReopenWindow, slaPolicies: SLAPolicyTable = SLAPolicyTable(),
        calendar: BusinessCalendar = .standard, parser: InboundParser = InboundParser()
    ) {
        self.reopenWindow = reopenWindow
        self.slaPolicies = slaPolicies
        self.calendar = calendar
        self.parser = parser
    }
}
