import Testing
@testable import TesseraAlignment

struct AlignmentLinkTests {
    @Test(arguments: [
        ("[3]:[3]", [3], [3]), ("[4, 5]:[4]", [4, 5], [4]), ("[6]:[]", [6], []), ("[]:[7]", [], [7]),
        ("  [1,2] : [ 3 ]  ", [1, 2], [3]), ("[0]:[1]:0.87", [0], [1]), ("[5, 4]:[2]", [4, 5], [2]),
    ])
    func parse_readsBeadsLines(line: String, source: [Int], target: [Int]) throws {
        let link = try AlignmentLink(beadsLine: line)
        #expect(link.source == source)
        #expect(link.target == target)
    }

    @Test(arguments: ["", "3:3", "[3]", "[3]:", "[a]:[1]", "[1,]:[2]", "[-1]:[2]", "[1]:[2]x", "[1]-[2]"])
    func parse_rejectsMalformedLines(line: String) {
        #expect(throws: AlignmentError.self) { try AlignmentLink(beadsLine: line) }
    }

    @Test func parse_skipsCommentsAndBlankLinesAndReportsTheLine() throws {
        let links = try AlignmentLink.parse(beadsFile: "# gold\n[0]:[0]\n\n[1, 2]:[1]\n")
        #expect(links.map(\.description) == ["[0]:[0]", "[1, 2]:[1]"])
        #expect(throws: AlignmentError(.malformedBead, "Not an alignment line: \"oops\".", line: 3)) {
            try AlignmentLink.parse(beadsFile: "[0]:[0]\n\noops\n")
        }
    }

    @Test func description_roundTrips() throws {
        for line in ["[0]:[0]", "[1, 2]:[3]", "[]:[4]", "[5]:[]"] {
            #expect(try AlignmentLink(beadsLine: line).description == line)
        }
    }
}
