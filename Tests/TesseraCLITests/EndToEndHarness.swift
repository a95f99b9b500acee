import Foundation
import Testing
import TesseraTestSupport

/// Runs the built `tessera` executable in a scratch directory and captures what it prints.
///
/// ```swift
/// let harness = try EndToEndHarness()
/// let result = try harness.run(["stats", "--json"])
/// #expect(result.status == 0)
/// ```
struct EndToEndHarness {
    /// What one run of the executable gave.
    struct Result: CustomStringConvertible {
        /// The exit status.
        var status: Int32
        /// Standard output, decoded as UTF-8.
        var standardOutput: String
        /// Standard error, decoded as UTF-8.
        var standardError: String
        /// The raw standard output.
        var outputData: Data

        var description: String {
            "exit \(status)\n--- stdout\n\(standardOutput.prefix(2_000))\n--- stderr\n\(standardError.prefix(2_000))"
        }

        /// Standard output parsed as exactly one JSON document (any top-level value), or `nil`.
        var json: Any? {
            try? JSONSerialization.jsonObject(with: outputData, options: [.fragmentsAllowed])
        }

        /// Standard output as one JSON object, or `nil`.
        var jsonObject: [String: Any]? { json as? [String: Any] }

        /// The non-empty lines of standard error.
        var errorLines: [Substring] { standardError.split(separator: "\n") }
    }

    /// The `tessera` executable.
    let executable: URL
    /// A fresh scratch directory, the working directory of every run.
    let directory: URL

    /// Why a harness could not be made: the executable is missing (a test failure, never a skip:
    /// the test target depends on `tessera`, so `swift build --build-tests` builds it).
    struct SetupError: Error, CustomStringConvertible {
        /// What is missing.
        var description: String
    }

    /// Finds the executable and makes a scratch directory.
    /// - Throws: ``SetupError`` when no built `tessera` executable is found.
    init() throws {
        guard let executable = Self.findExecutable() else {
            throw SetupError(description: "no built tessera executable next to the tests or in .build/debug: run swift build --build-tests")
        }
        self.executable = executable
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The built `tessera` (``TesseraExecutable/find()``).
    static func findExecutable() -> URL? { TesseraExecutable.find() }

    /// The path of `name` in the scratch directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the scratch directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return path(name)
    }

    /// Runs `tessera arguments` in the scratch directory with `$TESSERA_DB` unset unless given.
    /// - Parameters:
    ///   - arguments: The command line after `tessera`.
    ///   - environment: Extra environment variables.
    ///   - timeout: Seconds before the process is killed and the run fails.
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "TESSERA_DB")
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        // Files, not pipes: a large output cannot fill a pipe and block the child.
        let outURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                Issue.record("tessera \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let out = try Data(contentsOf: outURL)
        let err = try Data(contentsOf: errURL)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self), outputData: out)
    }

    /// Removes the scratch directory.
    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    // MARK: - Sample files

    /// A valid TMX file with `count` English-German units (plus one French variant).
    static func tmx(units count: Int = 3) -> String {
        var body = ""
        for index in 0..<count {
            body += """
                <tu tuid="u\(index)"><tuv xml:lang="en"><seg>The red house number \(index) is open.</seg></tuv>\
                <tuv xml:lang="de"><seg>Das rote Haus Nummer \(index) ist offen.</seg></tuv></tu>

                """
        }
        body += """
            <tu tuid="fr"><tuv xml:lang="en"><seg>Save the file.</seg></tuv><tuv xml:lang="fr"><seg>Enregistrez le fichier.</seg></tuv></tu>

            """
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="e2e" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            \(body)</body>
            </tmx>

            """
    }

    /// A TMX file that is not well-formed on line 6 (a `<tu>` closed by `</tuv>`).
    static let malformedTMX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="e2e" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="en"><seg>Good one.</seg></tuv><tuv xml:lang="de"><seg>Gut.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Broken</seg></tu>
        </body>
        </tmx>

        """

    /// A well-formed TMX file whose second unit (line 6) has a `<tuv>` without a language.
    static let invalidUnitTMX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="e2e" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="en"><seg>Good one.</seg></tuv><tuv xml:lang="de"><seg>Gut.</seg></tuv></tu>
        <tu tuid="bad"><tuv><seg>No language.</seg></tuv><tuv xml:lang="de"><seg>Keine Sprache.</seg></tuv></tu>
        </body>
        </tmx>

        """

    /// A TBX-Basic (TBX 2008 martif) glossary with two concepts.
    static let tbx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="en">
        <martifHeader><fileDesc><sourceDesc><p>e2e</p></sourceDesc></fileDesc></martifHeader>
        <text><body>
        <termEntry id="c1">
        <langSet xml:lang="en"><tig><term>red house</term></tig></langSet>
        <langSet xml:lang="de"><tig><term>rotes Haus</term></tig></langSet>
        </termEntry>
        <termEntry id="c2">
        <langSet xml:lang="en"><tig><term>file</term></tig></langSet>
        <langSet xml:lang="de"><tig><term>Datei</term></tig></langSet>
        </termEntry>
        </body></text>
        </martif>

        """

    /// A TBX file that is not well-formed on line 5.
    static let malformedTBX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="en">
        <text><body>
        <termEntry id="c1">
        <langSet xml:lang="en"><tig><term>red house</tig></langSet>
        </termEntry>
        </body></text>
        </martif>

        """

    /// A two-column CSV glossary with a language header.
    static let csv = "en,de\nred house,rotes Haus\nfile,Datei\n"
}
