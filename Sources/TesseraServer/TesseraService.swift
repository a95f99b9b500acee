package import Hummingbird
public import Logging
import TesseraSQLite
import NIOCore
import TesseraCore
import TesseraStorage

/// `tessera serve`: the HTTP service over one Tessera database.
///
/// ```swift
/// try await TesseraService.run(ServerConfiguration(databasePath: "tessera.db"), logger: logger) { port in print(port) }
/// ```
///
/// SIGTERM and SIGINT shut it down gracefully (Hummingbird's `runService`, ServiceLifecycle): no
/// new connection is accepted and the requests in flight are answered before the process ends;
/// then the blocking-work threads finish their tasks and stop.
public struct TesseraService: Sendable {
    let gateway: KitGateway
    let keys: any APIKeyStore
    let work: BlockingWork
    let configuration: ServerConfiguration

    /// Opens the memory (loading its match index once), the key store, and the thread pool.
    /// - Throws: `KitError` `noDatabase` when the file does not exist; `StorageError`.
    public init(_ configuration: ServerConfiguration) throws {
        self.configuration = configuration
        gateway = try KitGateway(databasePath: configuration.databasePath)
        keys = try SQLiteAPIKeyStore.open(path: configuration.databasePath)
        work = BlockingWork(threads: max(2, configuration.blockingThreads))
    }

    /// Every route, behind the error and request-log middleware.
    package func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ErrorMiddleware())
        let check = KeyCheck(store: keys, work: work, anonymousRead: configuration.anonymousRead)
        let read = ScopeMiddleware(keys: check, scope: .read)
        router.get("/health") { _, _ in try JSONBody.response(API.Health(status: "ok", version: TesseraVersion.current)) }
        APIRoutes(gateway: gateway, work: work, limits: configuration.limits, keys: keys)
            .add(to: router, read: read, admin: ScopeMiddleware(keys: check, scope: .admin))
        TMServerRoutes(gateway: gateway, work: work, limits: configuration.limits).add(to: router, read: read)
        MyMemoryRoutes(gateway: gateway, work: work, limits: configuration.limits).add(to: router, read: read)
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

    /// Serves until SIGTERM or SIGINT, then drains and stops the threads.
    public func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await application(logger: logger, onRunning: onRunning).runService()
        } catch {
            try? await work.shutdown()
            throw error
        }
        try await work.shutdown()
    }

    /// Stops the threads (for tests that use ``router()`` without ``run(logger:onRunning:)``).
    package func shutdown() async throws { try await work.shutdown() }
}
