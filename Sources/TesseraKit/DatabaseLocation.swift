import Foundation

/// Where the translation memory file is: `--db PATH`, else `$TESSERA_DB`, else `./tessera.db`.
///
/// ```swift
/// let location = DatabaseLocation(option: nil, environment: ["TESSERA_DB": "/data/tm.db"])
/// location.path   // "/data/tm.db"
/// ```
public struct DatabaseLocation: Hashable, Sendable {
    /// The environment variable naming the database when no option is given.
    public static let environmentVariable = "TESSERA_DB"
    /// The file used when neither the option nor the environment names one.
    public static let defaultPath = "tessera.db"

    /// The database path.
    public var path: String

    /// Resolves the database path.
    ///
    /// - Parameters:
    ///   - option: the `--db` value, if given.
    ///   - environment: the environment to read; the process environment when `nil`.
    public init(option: String?, environment: [String: String]? = nil) {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let option, !option.isEmpty {
            path = option
        } else if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            path = variable
        } else {
            path = Self.defaultPath
        }
    }

    /// Whether a file exists at ``path``.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }
}
