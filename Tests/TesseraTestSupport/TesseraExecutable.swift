public import Foundation

/// Finds the built `tessera` executable for tests that run it as a process (the CLI's end-to-end
/// tests, the server's shutdown test). A test target that uses it depends on `tessera`, so
/// `swift build --build-tests` builds it.
public enum TesseraExecutable {
    /// `$TESSERA_EXECUTABLE` when set (to test another build), else the products directory
    /// holding the test bundle, else `.build/debug` of the package; `nil` when none is built.
    public static func find() -> URL? {
        if let path = ProcessInfo.processInfo.environment["TESSERA_EXECUTABLE"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        var candidates: [URL] = []
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }  // file, TesseraTestSupport, Tests
        candidates.append(root.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("tessera")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: url.path)
            {
                return url
            }
        }
        return nil
    }
}
