import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// `/health` (readiness), `/health/live` (liveness) and `/metrics`, which every process serves.
public enum OpsRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, health: HealthCheck, registry: PrometheusCollectorRegistry) {
        // Liveness asks nothing of the database: an outage must make processes unready, not restart them.
        router.get("health/live") { _, _ -> Response in
            try JSONEncoder().encodeAsResponse(["live": "true", "process": health.process])
        }
        router.get("health") { _, context -> Response in
            let report = await health.report(logger: context.logger)
            var response = try JSONEncoder().encodeAsResponse(report)
            response.status = report.ready ? .ok : .serviceUnavailable
            return response
        }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
    }
}

extension JSONEncoder {
    /// A 200 response with `value` as sorted-key JSON.
    public func encodeAsResponse(_ value: some Encodable) throws -> Response {
        outputFormatting = [.sortedKeys]
        let data = try encode(value)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
