import TesseraCore

/// A flag that stops a running import (``ImportTMX/cancellation``): set from any thread (a
/// server shutting down), checked by the import between units, which then throws ``KitError``
/// `cancelled` so that the file's transaction is rolled back.
///
/// ```swift
/// let cancellation = ImportCancellation()
/// let importer = ImportTMX(database: location, cancellation: cancellation)
/// // elsewhere, while it runs:
/// cancellation.cancel()
/// ```
public final class ImportCancellation: Sendable {
    private let cancelled = Locked(false)

    /// A flag not yet set.
    public init() {}

    /// Sets the flag: the import stops at its next check.
    public func cancel() { cancelled.set(true) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { cancelled.value }

    /// Throws when the flag is set.
    /// - Throws: ``KitError`` `cancelled`.
    public func check() throws {
        if isCancelled { throw KitError(.cancelled, "The import was cancelled.") }
    }
}
