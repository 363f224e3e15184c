import NIOCore
import NIOPosix

/// A minimal SMTP client (RFC 5321) for handing mail to a relay: EHLO, MAIL, RCPT, DATA, QUIT over
/// plain TCP. The relay (a local MTA or the provider's submission host on a private network) does
/// the rest; TLS and authentication are the relay's side of the deployment.
struct SMTPClient: Sendable {
    var host: String
    var port: Int
    /// The name this client gives in EHLO.
    var heloName: String
    var timeout: Duration

    /// Sends one message; returns the relay's answer to the message (often its queue id).
    func send(from sender: String, to recipient: String, message: String) async throws -> String {
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask { try await dialogue(from: sender, to: recipient, message: message) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SMTPError(code: 0, message: "no answer from \(host):\(port) within \(timeout)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    private func dialogue(from sender: String, to recipient: String, message: String) async throws -> String {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError(code: 0, message: "cannot connect to \(host):\(port): \(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplyReader(inbound: inbound.makeAsyncIterator())
            func expect(_ codes: Set<Int>, after command: String?) async throws -> String {
                if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
                let reply = try await replies.next()
                guard codes.contains(reply.code) else {
                    throw SMTPError(code: reply.code, message: "\(command?.split(separator: ":").first ?? "greeting"): \(reply.text)")
                }
                return reply.text
            }
            _ = try await expect([220], after: nil)
            _ = try await expect([250], after: "EHLO \(heloName)")
            _ = try await expect([250], after: "MAIL FROM:<\(sender)>")
            _ = try await expect([250, 251], after: "RCPT TO:<\(recipient)>")
            _ = try await expect([354], after: "DATA")
            let accepted = try await expect([250], after: Self.dotStuffed(message) + "\r\n.")
            _ = try? await expect([221], after: "QUIT")
            return accepted
        }
    }

    /// RFC 5321 §4.5.2: a line starting with "." gets another; the body ends with CRLF.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }
}
