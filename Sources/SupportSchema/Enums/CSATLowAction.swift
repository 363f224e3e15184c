/// What a low CSAT rating does (`csat_setting.on_low`), chosen by owners through the API.
public enum CSATLowAction: String, SchemaEnum {
    /// Only recorded: it shows in the reports.
    case nothing
    /// The team lead (the line's staff when the team has no lead) is told.
    case alertLead = "alert_lead"
    /// The ticket goes back to `open` with its assignee.
    case reopen
    case reopenAndAlert = "reopen_and_alert"

    public var reopens: Bool { self == .reopen || self == .reopenAndAlert }
    public var alertsLead: Bool { self == .alertLead || self == .reopenAndAlert }
}
