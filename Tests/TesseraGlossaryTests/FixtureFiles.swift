import Foundation

/// Paths of the test fixtures.
enum FixtureFiles {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The shared samples folder, when this machine has it.
    static let samples = "/work/shared/samples"
    static var hasSamples: Bool { FileManager.default.fileExists(atPath: samples) }
}
