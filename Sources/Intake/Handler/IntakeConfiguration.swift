import AnswerDrafts
import Foundation
import JobQueue
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
    /// The FAQ bot's rule; nil turns the bot off (every new ticket is acknowledged and routed).
    public var faqBot: FAQBotRule?
    /// Where the portal shows an article: the bot links `<kbBaseURL>/<locale>/<slug>`.
    public var kbBaseURL: String
    /// The optional LLM; the bot drafts its answers with it only when `answersRequesters` is on.
    public var llm: LLMConfiguration?
    /// How long the bot waits for "this helped", "call an operator" or a reply before a person takes over.
    public var faqBotWait: Duration
    /// At most `concurrentTransactions` intake transactions run at once in the process; jobs that arrive
    /// while they run wait and share the next one, up to `batchSize` items (``GroupCommitGate``).
    public var groupCommit: GroupCommitSettings

    public init(
        reopenWindow: TimeInterval = TicketPlacement.defaultReopenWindow, slaPolicies: SLAPolicyTable = SLAPolicyTable(),
        calendar: BusinessCalendar = .standard, parser: InboundParser = InboundParser(), faqBot: FAQBotRule? = nil,
        kbBaseURL: String = IntakeConfiguration.defaultKBBaseURL, faqBotWait: Duration = IntakeConfiguration.defaultFAQBotWait,
        groupCommit: GroupCommitSettings = GroupCommitSettings()
    ) {
        self.reopenWindow = reopenWindow
        self.slaPolicies = slaPolicies
        self.calendar = calendar
        self.parser = parser
        self.faqBot = faqBot
        self.kbBaseURL = kbBaseURL
        self.faqBotWait = faqBotWait
        self.groupCommit = groupCommit
    }

    public static let defaultKBBaseURL = "http://127.0.0.1:8080/kb"
    /// Short against every first-response target, so silence never costs the requester their place.
    public static let defaultFAQBotWait = Duration.seconds(15 * 60)

    /// Reads `SUPPORT_FAQ_BOT_CONFIDENCE` (0…1; unset or `off`: no bot), `SUPPORT_FAQ_BOT_WAIT_MINUTES`
    /// (1…240, default 15), `SUPPORT_KB_URL`, `SUPPORT_INTAKE_BATCH_SIZE` (1…1000, default 16),
    /// `SUPPORT_INTAKE_TRANSACTIONS` (1…256, default 4) and the `SUPPORT_LLM_*` variables (``LLMConfiguration``).
    /// - Throws: ``IntakeConfigurationError`` naming the variable for a bad value.
    public init(environment: [String: String]) throws {
        self.init()
        if let raw = environment["SUPPORT_FAQ_BOT_CONFIDENCE"], raw != "off", !raw.isEmpty {
            guard let value = Double(raw), (0...1).contains(value) else {
                throw IntakeConfigurationError(message: "SUPPORT_FAQ_BOT_CONFIDENCE: a number from 0 to 1, or off (got \(raw))")
            }
            faqBot = FAQBotRule(minimumConfidence: value)
        }
        if let raw = environment["SUPPORT_FAQ_BOT_WAIT_MINUTES"], !raw.isEmpty {
            guard let minutes = Int(raw), (1...240).contains(minutes) else {
                throw IntakeConfigurationError(message: "SUPPORT_FAQ_BOT_WAIT_MINUTES: a whole number of minutes from 1 to 240 (got \(raw))")
            }
            faqBotWait = .seconds(minutes * 60)
        }
        if let url = environment["SUPPORT_KB_URL"], !url.isEmpty { kbBaseURL = url }
        do {
            groupCommit = try GroupCommitSettings(environment: environment, prefix: "SUPPORT_INTAKE")
            llm = try LLMConfiguration.from(environment: environment)
        } catch let error as GroupCommitSettingsError {
            throw IntakeConfigurationError(message: error.message)
        } catch let error as LLMConfigurationError {
            throw IntakeConfigurationError(message: error.message)
        }
    }
}

/// A bad intake setting, named in one line.
public struct IntakeConfigurationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
