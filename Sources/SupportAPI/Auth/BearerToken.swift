import Crypto
import Foundation
import SupportStore

/// Opaque bearer tokens: 32 random bytes, base64url, prefixed `sp_` so a leaked one is recognisable
/// in logs and secret scanners. Only ``hash(_:)`` is ever stored.
enum BearerToken {
    static let prefix = "sp_"

    static func generate() -> String { OpaqueToken.generate(prefix: prefix) }

    /// SHA-256 of the token's UTF-8 bytes: the `auth_token.token_hash` key.
    static func hash(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.utf8)))
    }

    /// The token of an `Authorization: Bearer …` header, or nil.
    static func fromAuthorization(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.count > 200 ? nil : token
    }
}
