import Foundation
package import Hummingbird
package import Logging
import NIOCore
import TesseraCore

/// `tessera serve`: the HTTP service over one Tessera database.
///
/// ```swift
/// try await TesseraService.run(ServerConfiguration(databasePath: "tessera.db"), logger: logger) { port in print(port) }
/// ```
///
/// SIGTERM and SIGINT shut it down gracefully (Hummingbird's `runService`, ServiceLifecycle): no
/// new connection is accepted and the requests in flight are answered before the process ends;
/// then the running imports are cancelled (nothing of them is committed), the blocking-work
/// threads finish their tasks and stop and the Kit session is closed.
public struct TesseraService: Sendable {
    let gateway: KitGateway
    let work: BlockingWork
    let configuration: ServerConfiguration
    /// The import jobs (cancelled and waited for on shutdown).
    let jobs: JobRegistry

    /// Opens the Kit session on the memory (its match index is caught up before each lookup), the
    /// key store, and the thread pool.
    /// - Throws: `KitError` `noDatabase` when the file does not exist; `StorageError`.
    public init(_ configuration: ServerConfiguration) throws {
        self.configuration = configuration
        gateway = try KitGateway(database: configuration.database)
        // An unknown --memory fails the start.
        for name in configuration.memories.names { _ = try gateway.memories.catalog.location(of: name) }
        work = BlockingWork(threads: max(2, configuration.blockingThreads))
        jobs = JobRegistry()
        // Uploads a killed server left behind; an export's pipe whose client went away must
        // fail the write (EPIPE), not end the process.
        try? FileManager.default.removeItem(atPath: gateway.uploadFolder)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Makes every `Logger` of the process write one JSON object per line to standard error
    /// (``JSONLogHandler``). Call once, before the first logger is made (`tessera serve` does).
    public static func bootstrapLogging() {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
    }

    /// Every route, behind the error and request-log middleware (the web page's files need no key).
    package func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ErrorMiddleware())
        let check = KeyCheck(keys: gateway.keys, work: work, anonymousRead: configuration.anonymousRead)
        let read = ScopeMiddleware(keys: check, scope: .read)
        router.get("/health") { _, _ in try JSONBody.response(API.Health(status: "ok", version: TesseraVersion.current)) }
        WebPage().add(to: router)
        APIRoutes(gateway: gateway, work: work, limits: configuration.limits)
            .add(to: router, read: read, admin: ScopeMiddleware(keys: check, scope: .admin))
        MemoryRoutes(gateway: gateway, work: work, limits: configuration.limits)
            .add(to: router, read: read, admin: ScopeMiddleware(keys: check, scope: .admin))
        TMServerRoutes(gateway: gateway, work: work, limits: configuration.limits, memories: configuration.memories).add(to: router, read: read)
        MyMemoryRoutes(gateway: gateway, work: work, limits: configuration.limits, memories: configuration.memories).add(to: router, read: read)
        TransferRoutes(gateway: gateway, work: work, limits: configuration.limits, jobs: jobs)
            .add(to: router, read: read, write: ScopeMiddleware(keys: check, scope: .write))
        UnitRoutes(gateway: gateway, work: work, limits: configuration.limits)
            .add(to: router, read: read, write: ScopeMiddleware(keys: check, scope: .write))
        return router
    }

    /// The application on the configured host and port; `onRunning` receives the bound port.
    package func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "tessera"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then drains, stops the threads and closes the session; logs
    /// through a `Logger` labelled `tessera`.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await run(logger: Logger(label: "tessera"), onRunning: onRunning)
    }

    /// Serves until SIGTERM or SIGINT, then drains, stops the threads and closes the session.
    package func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await application(logger: logger, onRunning: onRunning).runService()
        } catch {
            try? await shutdown()
            throw error
        }
        try await shutdown()
    }

    /// Cancels the running imports and waits for them (their transactions roll back), stops the
    /// threads, then closes the Kit session (also for tests that use ``router()`` without
    /// ``run(logger:onRunning:)``).
    package func shutdown() async throws {
        defer { gateway.close() }
        await jobs.drain()
        try await work.shutdown()
    }

    /// Whether the Kit session was closed (by ``shutdown()``).
    package var isClosed: Bool { gateway.isClosed }
}
