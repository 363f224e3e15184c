/// Checks the `X-Telegram-Bot-Api-Secret-Token` header Telegram sends with every webhook call.
///
/// The comparison takes time that depends only on the expected secret's length, so an attacker cannot learn
/// the secret byte by byte from response timings.
///
/// ```swift
/// guard TelegramWebhookSecret.matches(header: request.headers[TelegramWebhookSecret.headerName],
///                                     expected: config.telegramSecret) else { throw HTTPError(.unauthorized) }
/// ```
public enum TelegramWebhookSecret {
    /// The header that carries the secret.
    public static let headerName = "X-Telegram-Bot-Api-Secret-Token"

    /// Whether `header` equals `expected`, in constant time. An empty `expected` never matches, so a
    /// missing configuration cannot open the webhook.
    public static func matches(header: String?, expected: String) -> Bool {
        let expectedBytes = Array(expected.utf8)
        guard let header, !expectedBytes.isEmpty else { return false }
        let actual = Array(header.utf8)
        var difference: UInt8 = actual.count == expectedBytes.count ? 0 : 1
        for index in expectedBytes.indices {
            let byte = index < actual.count ? actual[index] : 0
            difference |= byte ^ expectedBytes[index]
        }
        return difference == 0
    }

    /// Whether `secret` is acceptable to `setWebhook`: 1–256 characters of `A-Z a-z 0-9 _ -`.
    public static func isValid(_ secret: String) -> Bool {
        (1...256).contains(secret.utf8.count)
            && secret.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x5F || byte == 0x2D
            }
    }
}
