import Foundation
import Testing
import TesseraCore
import TesseraMatchIndex
import TesseraMatching
import TesseraSQLite
import TesseraStorage
import TesseraTestSupport

/// The local unit copy's file (``MatchUnitFile``, ``MatchUnitFileWriter``): what is written is
/// read back exactly, a damaged file is refused or its damage kept to the record it hits (never a
/// crash), and a rewrite with changed units equals a copy written from scratch.
struct MatchUnitFileTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!
    static let ja = LanguageTag("ja")!

    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    static let units: [MatchUnit] = [
        MatchUnit(unit: 3, variants: [.init(id: 5, language: en, text: "Open the file"), .init(id: 6, language: de, text: "Datei öffnen", codes: 2)]),
        MatchUnit(
            unit: 7, tuid: "menu.open", origin: .aligned, created: "20240101T000000Z", changed: "20240202T101010Z",
            props: [Prop(type: "x-context", value: "menu"), Prop(type: "x-note", value: "", language: de, encoding: "utf-8")],
            variants: [.init(id: 11, language: ja, text: "ファイルを開く 📂"), .init(id: 12, language: en, text: "")]),
        MatchUnit(unit: 1_000_000_007, variants: [.init(id: 4_000_000_000, language: LanguageTag("zh-Hant-TW")!, text: "打開")]),
    ]

    static func write(_ units: [MatchUnit], to path: String, at position: ChangePosition = ChangePosition(maxVariant: 42, sequence: 9)) throws {
        let writer = try MatchUnitFileWriter(path: path, indexPath: path + "-index", position: position)
        for unit in units { try writer.append(unit) }
        try writer.finish()
    }

    @Test func written_unitsReadBackExactly_othersAbsent() throws {
        let path = try Self.folder() + "/memory-match-units"
        try Self.write(Self.units + [MatchUnit(unit: 9, variants: [])], to: path)
        let file = try MatchUnitFile(path: path)
        #expect(file.position == ChangePosition(maxVariant: 42, sequence: 9))
        #expect(file.count == 3)  // the unit without variants is left out
        for unit in Self.units { #expect(file.unit(unit.unit) == .unit(unit)) }
        for id: Int64 in [0, 1, 4, 9, 8_000_000_000, -3] { #expect(file.unit(id) == .absent) }
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["memory-match-units"])
    }

    @Test func empty_fileHoldsNothing() throws {
        let path = try Self.folder() + "/memory-match-units"
        try Self.write([], to: path, at: .origin)
        let file = try MatchUnitFile(path: path)
        #expect(file.count == 0 && file.position == .origin)
        #expect(file.unit(1) == .absent)
    }

    @Test func outOfOrderUnits_areRefused_andLeaveNoFile() throws {
        let folder = try Self.folder()
        let path = folder + "/memory-match-units"
        do {
            let writer = try MatchUnitFileWriter(path: path, indexPath: folder + "/memory-match", position: .origin)
            try writer.append(Self.units[1])
            #expect(throws: MatchingError.self) { try writer.append(Self.units[0]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func damagedFiles_areRefused_orTheDamageStaysInOneRecord() throws {
        let path = try Self.folder() + "/memory-match-units"
        try Self.write(Self.units, to: path)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        func rewrite(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

        // Another format, a cut file, a footer that does not add up: refused.
        var foreign = good
        foreign[0] = UInt8(ascii: "X")
        for bytes in [foreign, Array(good.prefix(good.count - 5)), Array(good.prefix(30)), []] {
            try rewrite(bytes)
            #expect(throws: MatchingError.self) { try MatchUnitFile(path: path) }
        }
        // A record whose first string claims more bytes than the record holds: that unit is
        // unreadable (read from the store), the others are intact.
        var damaged = good
        damaged[24] = 0xFF
        damaged[25] = 0x7F
        try rewrite(damaged)
        let file = try MatchUnitFile(path: path)
        #expect(file.unit(3) == .unreadable)
        #expect(file.unit(7) == .unit(Self.units[1]))
        // Any single-byte change inside the records damages at most the one unit it falls in:
        // the others read back exactly, and nothing crashes.
        let idsStart = Int(good.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        for offset in 24..<idsStart {
            var bytes = good
            bytes[offset] ^= 0x5A
            try rewrite(bytes)
            let file = try MatchUnitFile(path: path)
            let intact = Self.units.filter { file.unit($0.unit) == .unit($0) }.count
            #expect(intact >= Self.units.count - 1, "byte \(offset)")
        }
    }

    /// A rewrite that copies unchanged records and reads the changed units again equals a copy
    /// written from a full scan, with edited, deleted and new units.
    @Test func merge_withChangedUnits_equalsAFullScan() throws {
        let folder = try Self.folder()
        let tm = try SQLiteTranslationStore.open(path: folder + "/tm.db")
        try tm.prepareChangeFeed()
        let batch = ImportBatch(kind: .tmx, filePath: "a.tmx")
        func unit(_ number: Int, _ german: String) -> TranslationUnit {
            TranslationUnit(tuid: "t\(number)", props: number % 3 == 0 ? [Prop(type: "x-n", value: "\(number)")] : [],
                            variants: [Variant(language: Self.en, segment: Segment(text: "Sentence \(number)")),
                                       Variant(language: Self.de, segment: Segment(text: german))])
        }
        _ = try tm.write(units: (0..<40).map { unit($0, "Satz \($0)") }, batch: batch, policy: .add)
        let old = folder + "/old-units"
        let first = try tm.withSnapshot { snapshot in
            let writer = try MatchUnitFileWriter(path: old, indexPath: folder + "/tm.db-match", position: try snapshot.position)
            try snapshot.forEachMatchUnit { try writer.append($0) }
            try writer.finish()
            return try snapshot.position
        }
        let ids = try tm.allUnits().map(\.id)
        _ = try tm.write(units: [unit(0, "Erster Satz"), unit(17, "Satz siebzehn"), unit(39, "Letzter Satz")],
                         batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: .overwrite)
        #expect(try tm.deleteUnit(id: ids[5]))
        _ = try tm.write(units: [unit(40, "Satz 40")], batch: ImportBatch(kind: .tmx, filePath: "c.tmx"), policy: .add)

        let merged = folder + "/merged-units", scanned = folder + "/scanned-units"
        try tm.withSnapshot { snapshot throws -> Void in
            let position = try snapshot.position
            let changed = try snapshot.changedUnits(since: first)
            #expect(changed.count == 5)
            let writer = try MatchUnitFileWriter(path: merged, indexPath: folder + "/tm.db-match", position: position)
            try MatchIndexStore.merge(try MatchUnitFile(path: old), changing: changed, from: snapshot, into: writer)
            try writer.finish()
            let full = try MatchUnitFileWriter(path: scanned, indexPath: folder + "/tm.db-match", position: position)
            try snapshot.forEachMatchUnit { try full.append($0) }
            try full.finish()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: scanned)))
        let file = try MatchUnitFile(path: merged)
        #expect(file.count == 40)
        #expect(file.unit(ids[5]) == .absent)
        let store = try tm.matchUnits(try tm.allUnits().map(\.id))
        for (id, unit) in store { #expect(file.unit(id) == .unit(unit)) }
    }
}
