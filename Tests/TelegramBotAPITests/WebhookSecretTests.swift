import Testing

@testable import TelegramBotAPI

/// The webhook secret check.
struct WebhookSecretTests {
    @Test func matchesOnlyTheExactSecret() {
        let secret = "s3cr3t_Token-42"
        #expect(TelegramWebhookSecret.matches(header: secret, expected: secret))
        #expect(!TelegramWebhookSecret.matches(header: "s3cr3t_Token-43", expected: secret))
        #expect(!TelegramWebhookSecret.matches(header: "s3cr3t_Token-4", expected: secret))
        #expect(!TelegramWebhookSecret.matches(header: secret + "x", expected: secret))
        #expect(!TelegramWebhookSecret.matches(header: "", expected: secret))
        #expect(!TelegramWebhookSecret.matches(header: nil, expected: secret))
        #expect(!TelegramWebhookSecret.matches(header: "S3CR3T_TOKEN-42", expected: secret))
    }

    @Test func emptyExpectedNeverMatches() {
        #expect(!TelegramWebhookSecret.matches(header: "", expected: ""))
        #expect(!TelegramWebhookSecret.matches(header: nil, expected: ""))
    }

    @Test func secretFormat() {
        #expect(TelegramWebhookSecret.isValid("abc_DEF-123"))
        #expect(!TelegramWebhookSecret.isValid(""))
        #expect(!TelegramWebhookSecret.isValid("has space"))
        #expect(!TelegramWebhookSecret.isValid(String(repeating: "a", count: 257)))
        #expect(TelegramWebhookSecret.headerName == "X-Telegram-Bot-Api-Secret-Token")
    }
}
