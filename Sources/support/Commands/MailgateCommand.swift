import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An MTA pipe, like RT's rt-mailgate: `support-mail: "|/usr/local/bin/support mailgate"` in /etc/aliases.
struct MailgateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailgate",
        abstract: "Read one RFC 5322 message on stdin and hand it to the API (for an MTA pipe).",
        discussion: """
            Exit codes follow sysexits so the MTA does the right thing: 0 delivered; 75 (EX_TEMPFAIL) when \
            the API is unreachable or busy, so the MTA keeps the mail and retries; 65 (EX_DATAERR) when the \
            API refuses the message; 78 (EX_CONFIG) for missing configuration.

            Example /etc/aliases line: support: "|/usr/local/bin/support mailgate --url http://127.0.0.1:8080"
            """
    )

    @Option(help: "API base URL. Default: $SUPPORT_API_URL or http://127.0.0.1:8080.")
    var url: String?

    @Option(help: "Bearer token. Default: $SUPPORT_MAILGATE_TOKEN.")
    var token: String?

    @Option(help: "Seconds to wait for the API.") var timeout: Double = 30

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let base = url ?? env["SUPPORT_API_URL"] ?? "http://127.0.0.1:8080"
        guard let endpoint = URL(string: base.trimmingSuffix("/") + "/api/v1/inbound/email"), endpoint.scheme?.hasPrefix("http") == true else {
            fail("\(url == nil ? "SUPPORT_API_URL" : "--url"): not an http(s) URL: \(base)", code: 78)
        }
        guard let token = token ?? env["SUPPORT_MAILGATE_TOKEN"], !token.isEmpty else {
            fail("SUPPORT_MAILGATE_TOKEN: not set (or pass --token)", code: 78)
        }
        let message = FileHandle.standardInput.readDataToEndOfFile()
        guard !message.isEmpty else { fail("stdin: empty; expected one RFC 5322 message", code: 65) }

        var request = URLRequest(url: endpoint, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("message/rfc822", forHTTPHeaderField: "Content-Type")
        let data: Data, response: URLResponse
        do {
            (data, response) = try await URLSession.shared.upload(for: request, from: message)
        } catch {
            fail("cannot reach \(endpoint.absoluteString): \(error.localizedDescription); the MTA will retry", code: 75)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = String(decoding: data.prefix(500), as: UTF8.self)
        switch status {
        case 200..<300: print(body)
        case 429, 500...: fail("API answered \(status): \(body); the MTA will retry", code: 75)
        default: fail("API refused the message (\(status)): \(body)", code: 65)
        }
    }

    private func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("mailgate: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}
