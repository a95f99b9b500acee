import Foundation
import TesseraTestSupport
import TesseraCore
import TesseraTMX

/// Paths of the test fixtures and helpers shared by the TMX tests.
enum Fixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The rows of a Markdown table `| file | ... | units |` whose units column is a number.
    static func unitCounts(readme: String, fileColumnPrefix: String = "") -> [(file: String, units: Int)] {
        var rows: [(String, Int)] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 3, let units = Int(cells[cells.count - 2]) else { continue }
            rows.append((fileColumnPrefix + cells[1], units))
        }
        return rows
    }

    /// Our own fixtures' unit counts from Fixtures/README.md.
    static var valid: [(file: String, units: Int)] {
        let readme = (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        return unitCounts(readme: readme)
    }

    /// Reads every unit of a file.
    static func readAll(_ path: String, options: TMXReader.Options = []) throws -> (reader: TMXReader, units: [TranslationUnit]) {
        let reader = try TMXReader(path: path, options: options)
        var units: [TranslationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return (reader, units)
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-\(UUID().uuidString)-\(name)").path
    }

    static let dtd = SharedData.root.appendingPathComponent("spec/tmx14.dtd").path
    static let xmllint = "/usr/bin/xmllint"

    /// Runs `xmllint --noout --dtdvalid tmx14.dtd path`; returns nil when xmllint or the DTD is
    /// missing, else (exit status, stderr).
    static func validate(_ path: String) -> (status: Int32, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: xmllint), FileManager.default.fileExists(atPath: dtd) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--dtdvalid", dtd, path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
