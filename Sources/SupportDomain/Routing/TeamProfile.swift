public import SupportSchema

/// A team as routing sees it (`team`): its line, the categories it takes and the skills it covers.
public struct TeamProfile: Hashable, Sendable {
    public var id: TeamID
    public var name: String
    public var line: Line
    public var categories: Set<Category>
    public var skills: Set<String>
    public var calendarName: String

    public init(id: TeamID, name: String, line: Line, categories: Set<Category>, skills: Set<String> = [], calendarName: String = "default") {
        self.id = id
        self.name = name
        self.line = line
        self.categories = categories
        self.skills = skills
        self.calendarName = calendarName
    }
}
