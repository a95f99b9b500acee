import Foundation

/// The PostgreSQL server the tests of the PostgreSQL backend use: the URL in
/// `TESSERA_TEST_POSTGRES` (`Scripts/test.sh` starts a throw-away cluster with
/// `Scripts/postgres.sh` and sets it; `.ci/run` calls `Scripts/test.sh`).
///
/// Each test works in a schema of its own (``freshURL(_:)``), so tests run in parallel against
/// one database without seeing each other. Tests that need the server are enabled only when the
/// variable is set (`@Test(.enabled(if: PostgresTestServer.isAvailable))`); `Scripts/test.sh`
/// refuses to run without one unless `TESSERA_SKIP_POSTGRES=1`, so CI never skips them silently.
public enum PostgresTestServer {
    /// The environment variable holding the server's URL.
    public static let variable = "TESSERA_TEST_POSTGRES"

    /// The URL of the test server's database, if one is set.
    public static let url: String? = {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        return value
    }()

    /// Whether a test server is set.
    public static var isAvailable: Bool { url != nil }

    /// A URL of the test database with a new, unused schema: `<url>?schema=<prefix>_<random>`.
    /// - Parameter prefix: lower-case letters naming the test area (shows up in the schema name).
    /// - Returns: the URL, or `nil` when no server is set.
    public static func freshURL(_ prefix: String = "t") -> String? {
        guard let url else { return nil }
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let separator = url.contains("?") ? "&" : "?"
        return "\(url)\(separator)schema=\(prefix)_\(suffix)"
    }

    /// The base URL with extra query items (`pool=2`), for tests of the settings.
    public static func url(adding items: String) -> String? {
        guard let url else { return nil }
        return url + (url.contains("?") ? "&" : "?") + items
    }
}
