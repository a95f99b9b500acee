import Testing
import TesseraCore

/// Kinds printed by name, as most modules' errors are.
enum NamedKind: String, ErrorKind { case broken }

/// Kinds whose name is not printed.
enum SilentKind: String, ErrorKind {
    case broken
    static var printsLabel: Bool { false }
}

struct KindedErrorTests {
    @Test(arguments: [
        (KindedError(NamedKind.broken, "Bad.", file: "a.txt", line: 3, column: 7).description, "a.txt:3:7: broken: Bad."),
        (KindedError(NamedKind.broken, "Bad.", line: 3).description, "line 3: broken: Bad."),
        (KindedError(NamedKind.broken, "Bad.").description, "broken: Bad."),
        (KindedError(SilentKind.broken, "Bad.", file: "a.txt", line: 3).description, "a.txt:3: Bad."),
        (KindedError(SilentKind.broken, "Bad.", file: "a.txt", line: 0, column: 0).description, "a.txt: Bad."),
    ])
    func description_isPlaceLabelMessage(printed: String, expected: String) {
        #expect(printed == expected)
    }

    @Test func location_isTheStoredPlace() {
        let error = KindedError(NamedKind.broken, "Bad.", file: "a.txt", line: 3, column: 7)
        #expect(error.location == SourceLocation(file: "a.txt", line: 3, column: 7))
        #expect(error.kind == .broken)
    }
}
