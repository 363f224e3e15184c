import Foundation
import Hummingbird

/// The checked-in OpenAPI 3.1 document (`Sources/SupportAPI/OpenAPI/openapi.json`), served at
/// `GET /api/v1/openapi.json`. `OpenAPITests` keeps it and the router in step.
public enum OpenAPIDocument {
    /// The document's bytes, read once from the module's resources.
    public static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return Data("{}".utf8) }
        return data
    }()

    static func add(to group: RouterGroup<APIRequestContext>) {
        group.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
