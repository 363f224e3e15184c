import Foundation
import Crypto
import HummingbirdBcrypt

/// bcrypt for every password the platform stores (API, CLI), with its two C-string pitfalls removed:
/// bcrypt reads at most 72 bytes and stops at a NUL byte. A password longer than 72 UTF-8 bytes, or
/// containing NUL, is first reduced to `sha256:` + base64(SHA-256), so all of it counts.
///
/// ```swift
/// let hash = PasswordHashing.hash("correct horse battery", cost: 12)
/// PasswordHashing.verify("correct horse battery", hash: hash)   // true
/// ```
public enum PasswordHashing {
    /// Shortest password accepted when one is set.
    public static let minimumCharacters = 10
    /// Longest password accepted (Unicode scalars, as JSON Schema counts).
    public static let maximumCharacters = 200

    public static func hash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(prepared(password), cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(prepared(password), hash: hash)
    }

    /// What bcrypt actually sees.
    static func prepared(_ password: String) -> String {
        guard password.utf8.count > 72 || password.utf8.contains(0) else { return password }
        return "sha256:" + Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    /// Why `password` may not be set, or nil.
    public static func problem(_ password: String) -> String? {
        let length = password.unicodeScalars.count
        if length < minimumCharacters { return "at least \(minimumCharacters) characters" }
        if length > maximumCharacters { return "at most \(maximumCharacters) characters" }
        return nil
    }
}
