import Testing
import TesseraKit

/// The `a,b:5,c:10` priority list of memories.
struct MemorySelectionTests {
    @Test(arguments: [
        ("default", "default"), ("a,b:5,c:10", "a,b:5,c:10"), ("Main, legacy:0 ,old:100", "main,legacy,old:100"),
    ])
    func parsesNamesAndPenalties(text: String, canonical: String) throws {
        #expect(try MemorySelection(text).description == canonical)
    }

    @Test func keepsOrderAndPenalties() throws {
        let selection = try MemorySelection("a,b:5")
        #expect(selection.names.map(\.description) == ["a", "b"])
        #expect(selection.members.map(\.penalty) == [0, 5])
    }

    @Test(arguments: ["", "a,,b", "a:", "a:-1", "a:101", "a:x", "a b", "a,A", "a:5:6", ":5"])
    func badListsAreRefused(text: String) {
        #expect(throws: KitError.self) { try MemorySelection(text) }
    }
}
