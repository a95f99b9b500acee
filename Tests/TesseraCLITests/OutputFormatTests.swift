import ArgumentParser
import Testing
@testable import tessera

struct OutputFormatTests {
    static let batch: [OutputFormat] = [.tsv, .text, .json, .jsonl]

    @Test(arguments: [
        (false, nil, OutputFormat.tsv), (true, nil, .json), (false, .jsonl, .jsonl), (false, .json, .json), (true, .json, .json),
        (false, .text, .text),
    ] as [(Bool, OutputFormat?, OutputFormat)])
    func resolve_picksTheFormatAsked(_ json: Bool, _ format: OutputFormat?, _ expected: OutputFormat) throws {
        #expect(try OutputFormat.resolve(json: json, format: format, allowed: Self.batch, default: .tsv) == expected)
    }

    @Test(arguments: [(true, OutputFormat.tsv), (true, .jsonl), (true, .text)])
    func resolve_rejectsJSONWithAnotherFormat(_ json: Bool, _ format: OutputFormat) {
        #expect(throws: ValidationError.self) { try OutputFormat.resolve(json: json, format: format, allowed: Self.batch, default: .tsv) }
    }

    @Test func resolve_rejectsAFormatTheModeLacks() {
        #expect(throws: ValidationError.self) { try OutputFormat.resolve(json: false, format: .tsv, allowed: [.text, .json], default: .text) }
    }

    @Test(arguments: [
        ["x", "--source", "en", "--format", "tsv"], ["x", "--source", "en", "--timings"],
        ["--file", "q.txt", "--source", "en", "--format", "tsv", "--json"], ["--file", "q.txt", "--source", "en", "--format", "jsonl", "--json"],
    ])
    func lookup_rejectsOutputOptionsTheModeIgnores(_ arguments: [String]) {
        do {
            _ = try LookupCommand.parse(arguments)
            Issue.record("parsed \(arguments)")
        } catch {
            #expect(LookupCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test(arguments: [
        (["--file", "q.txt", "--source", "en"], OutputFormat.tsv), (["--file", "q.txt", "--source", "en", "--json"], .json),
        (["--file", "q.txt", "--source", "en", "--format", "jsonl"], .jsonl), (["x", "--source", "en", "--json"], .json),
        (["x", "--source", "en"], .text),
    ])
    func lookup_resolvesItsFormat(_ arguments: [String], _ expected: OutputFormat) throws {
        let command = try LookupCommand.parse(arguments)
        #expect(try command.outputFormat == expected)
        #expect(command.printsJSON == (expected == .json))
    }
}
