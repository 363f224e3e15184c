import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import SupportDomain
import SupportStore

/// `GET /console/events?since=V`: Server-Sent Events telling an open console that its queue changed
/// (`event: queue`, `data:` the new version), so `live.js` refreshes the queue in place.
///
/// Each stream asks `TicketReadStore.queueVersion` every two seconds rather than LISTENing: NOTIFY
/// from the ticket writes would sit inside the business transactions, which DESIGN.md keeps them out
/// of (NOTIFY serialises commits). The stream ends after `wait` seconds (default and maximum 60) or at
/// a graceful shutdown, and EventSource reconnects by itself, so a rolling restart is never held up.
struct ConsoleLiveFeed: Sendable {
    let console: ConsolePages
    var interval: Duration = .seconds(2)

    func add(to router: Router<APIRequestContext>) {
        router.get("console/events") { request, context in
            guard let session = try await console.staffSession(request, context: context) else {
                return Response(status: .unauthorized)
            }
            try await console.authorizer.authorize(
                session.principal, .viewQueue, target: AuditTarget(type: "queue", id: nil), logger: session.context.logger)
            let since = request.uri.queryParameters.get("since").map { String($0) } ?? ""
            let seconds = request.uri.queryParameters.get("wait").flatMap { Int($0) }.map { min(max($0, 1), 60) } ?? 60
            return stream(session, since: since, lifetime: .seconds(seconds))
        }
        router.get("console/live.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: Self.script)))
        }
    }

    func stream(_ session: ConsoleSession, since: String, lifetime: Duration) -> Response {
        let database = console.database
        let (staff, logger, interval) = (session.staff, session.context.logger, self.interval)
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            var known = since
            let clock = ContinuousClock()
            let end = clock.now + lifetime
            var quietSince = clock.now
            while clock.now < end, !Task.isShuttingDownGracefully, !Task.isCancelled {
                let version = try await database.connection { try await TicketReadStore(connection: $0, logger: logger).queueVersion(staff: staff) }
                if version != known {
                    known = version
                    quietSince = clock.now
                    try await writer.write(ByteBuffer(string: "event: queue\ndata: \(version)\n\n"))
                } else if clock.now - quietSince > .seconds(15) {
                    // Keeps proxies from closing an idle stream.
                    quietSince = clock.now
                    try await writer.write(ByteBuffer(string: ": idle\n\n"))
                }
                try? await Task.sleep(for: min(interval, end - clock.now))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// Progressive: without it the queue is an ordinary page; with it the queue sections are replaced by
    /// a fresh copy whenever the stream says the queue changed.
    static let script = """
        (function () {
          var root = document.getElementById('queues');
          if (!root || !window.EventSource || !window.fetch) return;
          var source = new EventSource('/console/events?since=' + encodeURIComponent(root.getAttribute('data-version')));
          source.addEventListener('queue', function () {
            fetch(location.href, {credentials: 'same-origin'}).then(function (r) { return r.text(); }).then(function (html) {
              var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queues');
              if (fresh) { root.replaceWith(fresh); root = fresh; }
            });
          });
        })();
        """
}
