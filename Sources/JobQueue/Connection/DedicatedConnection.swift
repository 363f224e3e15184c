import Logging
import PostgresNIO

/// One connection owned by a worker (claims, acks or LISTEN), reopened on demand after it drops.
actor DedicatedConnection {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private var connection: PostgresConnection?
    private static let ids = IDGenerator()

    /// `indexPlansOnly` turns sequential scans off for the claim and completion connections. A queue table
    /// swings between empty and a large backlog, and PostgreSQL keeps a prepared statement's generic plan,
    /// costed against the table as it was when made: on an empty table that is a scan of the whole table,
    /// which every later call then runs (Docs/QUEUE.md, "Plans for a table that empties"). With only index
    /// plans possible, the generic plan is the one to keep: it is forced, or the completion (whose id count
    /// varies) was planned afresh on nearly every call.
    init(configuration: PostgresConnection.Configuration, applicationName: String, idleInTransactionTimeout: Duration,
         synchronousCommitOff: Bool, indexPlansOnly: Bool = false, logger: Logger) {
        var configuration = configuration
        var parameters = configuration.options.additionalStartupParameters.filter {
            !["application_name", "idle_in_transaction_session_timeout", "synchronous_commit", "enable_seqscan", "plan_cache_mode"].contains($0.0)
        }
        parameters.append(("application_name", applicationName))
        let ms = max(Int64(idleInTransactionTimeout.seconds * 1000), 1)
        parameters.append(("idle_in_transaction_session_timeout", String(ms)))
        if synchronousCommitOff { parameters.append(("synchronous_commit", "off")) }
        if indexPlansOnly { parameters += [("enable_seqscan", "off"), ("plan_cache_mode", "force_generic_plan")] }
        configuration.options.additionalStartupParameters = parameters
        self.configuration = configuration
        self.logger = logger
    }

    /// The open connection, connecting first if there is none or it closed.
    func get() async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        if let old = connection { try? await old.close() }
        connection = nil
        let fresh = try await PostgresConnection.connect(
            configuration: configuration, id: Self.ids.next(), logger: logger
        )
        connection = fresh
        return fresh
    }

    /// Runs `body` on the open connection. A call still unanswered after `deadline`, or 2 s after its
    /// connection closed, is abandoned and fails (the caller's retry reconnects): after a PostgreSQL restart a
    /// completion flush was never answered, which kept the worker from acking and from stopping
    /// (``AbandonableCall``, Docs/QUEUE.md).
    func run<T: Sendable>(deadline: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let connection: PostgresConnection
        if let open = self.connection, !open.isClosed {
            connection = open
        } else {
            connection = try await AbandonableCall.run(limit: deadline) { try await self.get() }
        }
        let logger = self.logger
        return try await AbandonableCall.run(limit: deadline, watching: connection, onAbandon: {
            logger.warning("jobqueue call unanswered; closing its connection", metadata: ["deadline": "\(deadline)"])
            try? await connection.close()
        }) {
            try await body(connection)
        }
    }

    /// Drops the connection if it failed, so the next ``get()`` reconnects.
    func reset(ifClosed: Bool = true) async {
        guard let current = connection else { return }
        if ifClosed && !current.isClosed { return }
        connection = nil
        try? await current.close()
    }

    func close() async {
        if let connection { try? await connection.close() }
        connection = nil
    }
}

import Synchronization

final class IDGenerator: Sendable {
    private let value = Atomic<Int>(1_000_000)
    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).newValue }
}
