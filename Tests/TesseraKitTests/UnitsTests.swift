import Foundation
import Testing
import TesseraCore
@testable import TesseraKit

/// ``Units``: one unit at a time through a session, seen at once by the session's lookups (the
/// match index catches up from the change feed) and never with its old text.
struct UnitsTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!

    /// A session on a new memory holding `count` filler units (so the side file exists and the
    /// edited unit is not the only one).
    static func session(filler count: Int = 3) throws -> TranslationMemory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let memory = try TranslationMemory(path: folder.appendingPathComponent("tm.db").path)
        for number in 0..<count {
            _ = try Units.add(try content("Filler sentence number \(number) about printers", "Füllsatz \(number)"), session: memory)
        }
        return memory
    }

    static func content(_ english: String, _ german: String) throws -> Units.Content {
        try Units.Content(variants: [Variant(language: en, segment: Segment(text: english)), Variant(language: de, segment: Segment(text: german))])
    }

    /// The best match of `text` (en to de) at 90 or more, if any.
    static func best(_ text: String, _ memory: TranslationMemory) throws -> LookupMatch? {
        try Lookup(session: memory).run(text, options: LookupOptions(source: en, targets: [de], minimum: 90, limit: 5)).first
    }

    @Test func addThenEditThenDelete_lookupSeesEachStateAndNeverAnOldOne() throws {
        let memory = try Self.session()
        defer { memory.close() }
        let added = try Units.add(try Self.content("The zebra paints seven purple lanterns.", "Das Zebra malt sieben lila Laternen."), session: memory)
        #expect(try Self.best("The zebra paints seven purple lanterns.", memory)?.unit == added.id)
        let edited = try #require(try Units.replace(added.id, with: try Self.content("The giraffe sings eleven orange songs.", "Die Giraffe singt elf orange Lieder."), session: memory))
        #expect(edited.id == added.id)
        #expect(try Self.best("The zebra paints seven purple lanterns.", memory) == nil)
        #expect(try Self.best("The giraffe sings eleven orange songs.", memory)?.target == "Die Giraffe singt elf orange Lieder.")
        #expect(try Units.delete(added.id, session: memory))
        #expect(try Self.best("The giraffe sings eleven orange songs.", memory) == nil)
        #expect(try Units.get(added.id, session: memory) == nil)
        #expect(try !Units.delete(added.id, session: memory))
        #expect(try Units.replace(added.id, with: try Self.content("a", "b"), session: memory) == nil)
        // The next unit takes none of the deleted unit's variant ids and is found.
        let next = try Units.add(try Self.content("A quiet owl reads old maps.", "Eine stille Eule liest alte Karten."), session: memory)
        #expect(try Self.best("A quiet owl reads old maps.", memory)?.unit == next.id)
    }

    /// A second session (another process) that last read before the edits catches up too (asked
    /// with a zero recheck interval: the catch-up itself, not the interval of `FreshIndex`).
    @Test func anotherSessionSeesTheEditsAfterCatchingUp() throws {
        let memory = try Self.session()
        defer { memory.close() }
        let other = try TranslationMemory(location: memory.location, recheck: .zero)
        defer { other.close() }
        let added = try Units.add(try Self.content("The zebra paints seven purple lanterns.", "Das Zebra malt sieben lila Laternen."), session: memory)
        #expect(try Self.best("The zebra paints seven purple lanterns.", other)?.unit == added.id)
        #expect(try Units.delete(added.id, session: memory))
        let next = try Units.add(try Self.content("A quiet owl reads old maps.", "Eine stille Eule liest alte Karten."), session: memory)
        #expect(try Self.best("The zebra paints seven purple lanterns.", other) == nil)
        #expect(try Self.best("A quiet owl reads old maps.", other)?.unit == next.id)
    }

    @Test func replaceKeepsTheMarkupOfAnUnchangedSegmentAndTheCreationDate() throws {
        let memory = try Self.session(filler: 0)
        defer { memory.close() }
        let added = try Units.add(try Self.content("Save", "Speichern"), session: memory)
        var unit = added.unit
        unit.variants[0].segment = Segment([.text("Save "), .element(InlineElement(.ph, [Attribute("x", "1")], [.text("<br/>")]))])
        unit.variants[0].notes = [Note(value: "kept")]
        _ = try memory.write { store, _ in try store.replaceUnit(id: added.id, with: unit, batch: .init(kind: .edit, filePath: "")) }
        let plain = try #require(try Units.get(added.id, session: memory)).unit.variants[0].segment.plainText
        let edited = try #require(try Units.replace(added.id, with: try Self.content(plain, "Sichern"), session: memory))
        #expect(edited.unit.variants[0] == unit.variants[0])
        #expect(edited.unit.variants[1].segment == Segment(text: "Sichern"))
        let created = { (stored: TranslationUnit) in stored.attributes.first { $0.name == "creationdate" }?.value }
        #expect(created(edited.unit) == created(added.unit) && created(added.unit) != nil)
    }

    @Test(arguments: [
        ([("en", "Only one")], "at least two"),
        ([], "at least two"),
        ([("en", "a"), ("de", "")], "no text"),
        ([("en", "a"), ("de", " \t\n")], "no text"),
    ])
    func content_refusesWhatCannotBeAUnit(variants: [(String, String)], message: String) {
        let texts = variants.map { Variant(language: LanguageTag($0.0)!, segment: Segment(text: $0.1)) }
        #expect { try Units.Content(variants: texts) } throws: { ($0 as? KitError)?.message.contains(message) == true }
    }
}
