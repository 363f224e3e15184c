import Foundation
import Testing

@testable import MailMessage

/// Random and mutated inputs must never trap; either a value or a `MailParseError` comes back.
struct FuzzTests {
    /// A small deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let seeds: [[UInt8]] = [
        MailCorpus.gmailAlternative, MailCorpus.outlookWindows1251, MailCorpus.koi8rPlain, MailCorpus.latin1,
        MailCorpus.replyToTicket, MailCorpus.mixedWithAttachments, MailCorpus.nestedMixedAlternativeRelated,
        MailCorpus.bounce, MailCorpus.newsletter, MailCorpus.foldedHeaders, MailCorpus.brokenBoundary,
        MailCorpus.missingBoundaryUnterminated,
    ]

    /// Tokens that steer mutations into interesting parser states.
    private static let tokens: [[UInt8]] = [
        "\r\n", "\n", "--", "=?", "?=", "?B?", "?Q?", "=", "=\r\n", "<", ">", "\"", "(", ")", ";", ":", "*0*=",
        "''", "%", "boundary=", "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n", "\r\n--x--",
        "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "&#", "<br",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xD0], [0x00], [0x80]]

    private func mutate(_ input: [UInt8], using rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &rng)
            case 1:
                bytes.insert(contentsOf: Self.tokens.randomElement(using: &rng) ?? [], at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &rng))
                bytes.removeSubrange(min(position, end)..<end)
            case 3:
                bytes = Array(bytes.prefix(position))
            default:
                let end = min(bytes.count, position + Int.random(in: 0...40, using: &rng))
                bytes.insert(contentsOf: bytes[min(position, end)..<end], at: min(position, end))
            }
        }
        return bytes
    }

    @Test func mutatedCorpusNeverTraps() {
        var rng = SplitMix(state: 0x5EED_1042)
        var parsed = 0
        for iteration in 0..<3000 {
            let seed = Self.seeds[iteration % Self.seeds.count]
            let input = mutate(seed, using: &rng)
            if let message = try? MailMessage(parsing: input) {
                parsed += 1
                _ = (message.replyBody, message.automaticReason, message.threadReferences, message.ticketTag())
            }
        }
        #expect(parsed > 1000)
    }

    @Test func randomBytesNeverTrap() {
        var rng = SplitMix(state: 42)
        for _ in 0..<1500 {
            let length = Int.random(in: 0...600, using: &rng)
            var input = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if Bool.random(using: &rng) { input = Array("Subject: x\r\nContent-Type: multipart/mixed; boundary=\"\"\r\n\r\n".utf8) + input }
            _ = try? MailMessage(parsing: input)
            let text = String(decoding: input, as: UTF8.self)
            _ = EncodedWords.decode(text)
            _ = MailAddress.parseList(text)
            _ = MailDate.parse(text)
            _ = HTMLText.plainText(from: text)
            _ = ReplyBody(text: text)
            _ = MIMEContentType(parsing: text)
        }
    }

    @Test func pathologicalShapes() throws {
        let deep = String(repeating: "(", count: 10_000) + "a@b"
        _ = MailAddress.parseList(deep)
        let manyParts = "From: a@b\nContent-Type: multipart/mixed; boundary=x\n\n" + String(repeating: "--x\n\n", count: 5000)
        let message = try MailMessage(parsing: Raw.crlf(manyParts), limits: MailParseLimits(maxParts: 100))
        #expect(message.problems.contains { $0.contains("more than 100 MIME parts") })
        let longLine = "From: a@b\nSubject: " + String(repeating: "=?utf-8?B?", count: 20_000) + "\n\nx"
        #expect(try MailMessage(parsing: Raw.crlf(longLine)).textBody == "x")
    }
}
