import Testing
import TesseraCore

struct LocatedErrorTests {
    struct ParseError: LocatedError {
        var message: String
        var location: TesseraCore.SourceLocation?
    }

    struct LabelledError: LocatedError {
        var message: String
        var location: TesseraCore.SourceLocation?
        var label: String { "badThing: " }
    }

    @Test(arguments: [
        (TesseraCore.SourceLocation(file: "a.csv", line: 3, column: 7), "a.csv:3:7: Unterminated quote."),
        (TesseraCore.SourceLocation(file: "a.csv", line: 3), "a.csv:3: Unterminated quote."),
        (TesseraCore.SourceLocation(file: "a.csv", line: nil), "a.csv: Unterminated quote."),
        (TesseraCore.SourceLocation(file: nil, line: 12, column: 5), "line 12:5: Unterminated quote."),
        (TesseraCore.SourceLocation(file: nil, line: nil), "Unterminated quote."),
        (nil, "Unterminated quote."),
    ] as [(TesseraCore.SourceLocation?, String)])
    func description_isPlaceThenMessage(location: TesseraCore.SourceLocation?, expected: String) {
        #expect(ParseError(message: "Unterminated quote.", location: location).description == expected)
        #expect("\(ParseError(message: "Unterminated quote.", location: location))" == expected)
    }

    @Test func description_putsTheLabelBetweenPlaceAndMessage() {
        let error = LabelledError(message: "No id.", location: TesseraCore.SourceLocation(file: "g.tbx", line: 2, column: 1))
        #expect(error.description == "g.tbx:2:1: badThing: No id.")
    }
}
