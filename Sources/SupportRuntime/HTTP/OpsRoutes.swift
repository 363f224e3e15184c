import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// `/health` and `/metrics`, which every process serves.
public enum OpsRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, health: HealthCheck, registry: PrometheusCollectorRegistry) {
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
