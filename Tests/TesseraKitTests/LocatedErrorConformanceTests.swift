import Testing
import TesseraAlignment
import TesseraCore
import TesseraGlossary
import TesseraIO
import TesseraMatching
import TesseraStorage
import TesseraText
import TesseraTMX
import TesseraXML
@testable import TesseraKit

/// Every module's error type has the one shape (`LocatedError`), and prints the same line as
/// before it had it.
struct LocatedErrorConformanceTests {
    static let cases: [(any LocatedError, String, TesseraCore.SourceLocation?)] = [
        (GlossaryError(.malformedTBX, "No id.", file: "g.tbx", line: 12, column: 5), "g.tbx:12:5: malformedTBX: No id.",
         TesseraCore.SourceLocation(file: "g.tbx", line: 12, column: 5)),
        (SRXError(.invalidPattern, "Bad rule.", file: "r.srx", line: 3), "r.srx:3: invalidPattern: Bad rule.",
         TesseraCore.SourceLocation(file: "r.srx", line: 3)),
        (TextFileError(.invalidEncoding, "Not UTF-8.", file: "q.txt", line: 3, column: 7), "q.txt:3:7: Not UTF-8.",
         TesseraCore.SourceLocation(file: "q.txt", line: 3, column: 7)),
        (TMXError(kind: .notTMX, message: "Root is not tmx.", file: "a.tmx", line: 2, column: 1), "a.tmx:2:1: Root is not tmx.",
         TesseraCore.SourceLocation(file: "a.tmx", line: 2, column: 1)),
        (TMXError(kind: .cannotOpen, message: "no such file", file: "a.tmx"), "a.tmx: no such file", TesseraCore.SourceLocation(file: "a.tmx", line: nil)),
        (XMLError(kind: .malformed, message: "Tag mismatch", file: "b.xml", line: 3, column: 18), "b.xml:3:18: Tag mismatch",
         TesseraCore.SourceLocation(file: "b.xml", line: 3, column: 18)),
        (FileError(kind: .notFound, message: "no such file", file: "m.tmx"), "m.tmx: no such file", TesseraCore.SourceLocation(file: "m.tmx", line: nil)),
        (AlignmentError(.malformedBead, "Not a bead.", line: 3), "line 3: malformedBead: Not a bead.",
         TesseraCore.SourceLocation(file: nil, line: 3)),
        (KitError(.noDatabase, "No database at x.db."), "No database at x.db.", nil),
        (StorageError(.damaged, "The file is damaged.", file: "tm.db"), "tm.db: The file is damaged.", TesseraCore.SourceLocation(file: "tm.db", line: nil)),
        (StorageError(.sqlite, "Busy.", sql: "SELECT 1"), "storage error (sqlite): Busy. [SQL: SELECT 1]", nil),
        (MatchingError(.corruptIndex, "Truncated.", context: "tm.db-match"), "matching error [corruptIndex]: Truncated. (tm.db-match)", nil),
    ]

    @Test(arguments: cases.indices)
    func description_isTheOneLineItPrintedBefore(_ index: Int) {
        let (error, line, location) = Self.cases[index]
        #expect(error.description == line)
        #expect(error.location == location)
    }
}
