/// The three SLA clocks a ticket runs (`SLAJob.clock`).
public enum SLAClockKind: String, SchemaEnum {
    case firstResponse = "first_response"
    case nextResponse = "next_response"
    case resolution
}

/// The two deadlines of a clock: a warning at 80% of the target and the breach itself.
public enum SLADeadlineKind: String, SchemaEnum {
    case warning
    case breach
}
