import Foundation
import TesseraTestSupport

/// Paths of the test fixtures.
enum FixtureFiles {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The shared samples folder (`../shared/samples` beside the package, or
    /// `$TESSERA_SHARED/samples`), when this machine has it.
    static let samples = SharedData.root.appendingPathComponent("samples").path
    static var hasSamples: Bool { FileManager.default.fileExists(atPath: samples) }
}
