import Foundation
import Testing
import TesseraCore
import TesseraTMX
@testable import TesseraKit

/// The two-thread reader gives what the plain reader gives: the same units in the same order, and
/// for a broken file the same error after the same units.
struct PrefetchingUnitSourceTests {
    /// Writes a TMX file of `count` units (more than several batches), optionally cut short.
    static func makeFile(count: Int, truncatedAfter: Int? = nil) throws -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>"#
        for index in 0..<count {
            if index == truncatedAfter { text += "<tu><tuv xml:lang=\"en\"><seg>cut"; break }
            text += "<tu tuid=\"\(index)\"><tuv xml:lang=\"en\"><seg>Unit \(index) &amp; more</seg></tuv><tuv xml:lang=\"de\"><seg>Einheit \(index)</seg></tuv></tu>\n"
        }
        if truncatedAfter == nil { text += "</body></tmx>" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString).tmx").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func drain(_ source: any TMXUnitSource) -> (units: [TranslationUnit], error: String?) {
        var units: [TranslationUnit] = []
        do {
            while let unit = try source.next() { units.append(unit) }
            return (units, nil)
        } catch {
            return (units, "\(error)")
        }
    }

    @Test(arguments: [0, 1, 255, 256, 257, 5_000])
    func next_givesTheUnitsOfThePlainReaderInOrder(count: Int) throws {
        let path = try Self.makeFile(count: count)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = Self.drain(try TMXReader(path: path))
        let prefetched = Self.drain(PrefetchingUnitSource(try TMXReader(path: path)))
        #expect(plain.error == nil && prefetched.error == nil)
        #expect(prefetched.units.count == count)
        #expect(prefetched.units == plain.units)
    }

    @Test(arguments: [0, 300, 4_097])
    func next_rethrowsTheReadersErrorAfterTheSameUnits(cut: Int) throws {
        let path = try Self.makeFile(count: 5_000, truncatedAfter: cut)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = Self.drain(try TMXReader(path: path))
        let prefetched = Self.drain(PrefetchingUnitSource(try TMXReader(path: path)))
        #expect(plain.error != nil)
        #expect(prefetched.error == plain.error)
        #expect(prefetched.units == plain.units)
    }

    @Test func close_stopsAReaderThatIsStillReading() throws {
        let path = try Self.makeFile(count: 20_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = PrefetchingUnitSource(try TMXReader(path: path))
        #expect(try source.next() != nil)
        source.close()  // must return although the queue was full and the file is not read to the end
        #expect(source.warningCounts.isEmpty)
    }
}
