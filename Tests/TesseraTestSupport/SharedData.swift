public import Foundation

/// Where the project's shared development data (`../shared` beside the checkout) is, if present.
///
/// Tests that read it skip with a clear message when it is absent: a clone elsewhere has no
/// `../shared`, and the repository must test on its own.
public enum SharedData {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // SharedData.swift, TesseraTestSupport, Tests
        return url
    }()

    /// `../shared` beside the package root, or `$TESSERA_SHARED` when set.
    public static let root: URL = {
        if let custom = ProcessInfo.processInfo.environment["TESSERA_SHARED"], !custom.isEmpty {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The path of `relative` inside the shared folder when it exists; otherwise prints why the
    /// caller skips and returns `nil`.
    /// - Parameters:
    ///   - relative: A path inside `shared/`, such as `samples/README.md`.
    ///   - test: Names the test that skips, for the message.
    public static func path(_ relative: String, for test: String = #function) -> String? {
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url.path }
        print("Skipped \(test): \(url.path) is not on this machine (shared development data is absent).")
        return nil
    }

    /// The TMX rows of `samples/README.md`: the `tmx/...` path and its "N units" figure.
    public static func tmxUnitCounts(readme: String) -> [(file: String, units: Int)] {
        var rows: [(String, Int)] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("| tmx/") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[0].hasSuffix(".tmx") || cells[0].hasSuffix(".xml") else { continue }
            guard let range = cells[3].range(of: #"\d+ units"#, options: .regularExpression),
                let units = Int(cells[3][range].split(separator: " ")[0])
            else { continue }
            rows.append((cells[0], units))
        }
        return rows
    }
}
