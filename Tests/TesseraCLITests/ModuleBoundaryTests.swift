import Foundation
import Testing
import TesseraTestSupport

/// The front end's boundary (Docs/DESIGN.md, "Modules"): the CLI imports only TesseraKit,
/// ArgumentParser and Foundation (and `serve` the HTTP front end, TesseraServer, itself a front end
/// over Kit), and Kit neither draws on a terminal nor holds a benchmark.
struct ModuleBoundaryTests {
    /// The Swift files of a source folder, with their text.
    static func sources(_ folder: String) throws -> [(name: String, text: String)] {
        let url = SharedData.packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// The one exception: `tessera serve` starts the HTTP front end.
    static let exceptions: Set<String> = ["ServeCommand.swift: import TesseraServer"]

    @Test func cli_importsOnlyKitArgumentParserAndFoundation() throws {
        let files = try Self.sources("Sources/tessera")
        #expect(!files.isEmpty)
        for (name, text) in files {
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "internal" }),
                    index + 1 < words.count
                else { continue }
                let allowed = ["TesseraKit", "ArgumentParser", "Foundation"].contains(words[index + 1])
                #expect(allowed || Self.exceptions.contains("\(name): \(line)"), "\(name): \(line)")
            }
        }
    }

    /// Each database library has one module: GRDB only in TesseraSQLite, postgres-nio only in
    /// TesseraPostgres (Docs/DESIGN.md, "Modules").
    @Test(arguments: [("GRDB", "TesseraSQLite"), ("PostgresNIO", "TesseraPostgres")])
    func databaseLibrary_isImportedByItsBackendOnly(library: String, backend: String) throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: SharedData.packageRoot.appendingPathComponent("Sources").path)
        var importers: Set<String> = []
        for module in modules where !module.hasPrefix("C") || module.hasPrefix("Tessera") {
            guard let files = try? Self.sources("Sources/\(module)") else { continue }
            for (_, text) in files where text.split(separator: "\n").contains(where: {
                let words = $0.split(separator: " ")
                return words.count >= 2 && words.dropLast().last == "import" && words.last.map(String.init) == library
            }) {
                importers.insert(module)
            }
        }
        #expect(importers == [backend])
    }

    @Test(arguments: ["isatty", "ioctl", "TIOCGWINSZ", "\\u{1B}[", "Benchmark"])
    func kit_drawsNothingOnATerminalAndHoldsNoBenchmark(word: String) throws {
        for (name, text) in try Self.sources("Sources/TesseraKit") {
            #expect(!text.contains(word), "\(name) holds \(word)")
        }
    }
}
