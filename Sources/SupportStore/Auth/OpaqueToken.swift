import Foundation

/// A secret to hand out once: 32 random bytes, base64url without padding, behind a prefix that makes a
/// leaked one recognisable in logs and secret scanners (`sp_` bearer tokens, `csat_` rating links).
public enum OpaqueToken {
    public static func generate(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
