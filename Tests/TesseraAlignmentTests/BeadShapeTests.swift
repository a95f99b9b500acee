import Testing
@testable import TesseraAlignment

struct BeadShapeTests {
    @Test(arguments: [BeadShapeTable.standard, BeadShapeTable.galeChurch])
    func table_hasUniqueShapesAndProbabilities(table: BeadShapeTable) {
        let shapes = table.entries.map(\.shape)
        #expect(Set(shapes).count == shapes.count)
        #expect(table.entries.allSatisfy { $0.prior > 0 && $0.prior <= 1 && $0.cost >= 0 })
        #expect(table.entries.reduce(0) { $0 + $1.prior } <= 1.0001)
    }

    @Test func table_prefersOneToOneOverEveryOtherShape() {
        let table = BeadShapeTable.standard
        let oneToOne = table.entries.first { $0.shape == BeadShape(source: 1, target: 1) }!
        #expect(table.entries.allSatisfy { $0.shape == oneToOne.shape || $0.prior < oneToOne.prior })
    }

    @Test(arguments: [(2, 1, "2-1", false), (0, 1, "0-1", true), (1, 0, "1-0", true), (3, 2, "3-2", false)])
    func shape_describesItself(source: Int, target: Int, name: String, oneSided: Bool) {
        let shape = BeadShape(source: source, target: target)
        #expect(shape.description == name)
        #expect(shape.isInsertionOrDeletion == oneSided)
    }

    @Test func bead_writesBeadsLine() {
        #expect(Bead(source: 4..<6, target: 4..<5, cost: 0, confidence: 1).beadsLine == "[4, 5]:[4]")
        #expect(Bead(source: 3..<3, target: 7..<8, cost: 0, confidence: 1).beadsLine == "[]:[7]")
        #expect(Bead(source: 4..<6, target: 4..<5, cost: 0, confidence: 1).shape == BeadShape(source: 2, target: 1))
    }
}
