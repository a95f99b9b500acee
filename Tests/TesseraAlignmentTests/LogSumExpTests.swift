import Foundation
import Testing
@testable import TesseraAlignment

struct LogSumExpTests {
    @Test(arguments: [[0.0], [-1.5, -2.0, -0.25], [3.0, 3.0, 3.0, 3.0], [-700.0, -701.0], [-5.0, -60.0, -4.0]])
    func logSumExp_equalsTheDirectSum(_ terms: [Double]) {
        var buffer = terms
        let result = buffer.withUnsafeMutableBufferPointer { pointer in
            logSumExp(pointer.baseAddress!, count: terms.count, maximum: terms.max() ?? -.infinity)
        }
        let shift = terms.max() ?? 0
        let direct = shift + log(terms.reduce(0) { $0 + exp($1 - shift) })
        #expect(abs(result - direct) < 1e-12 * max(1, abs(direct)))
    }

    @Test func logSumExp_ofNoTermIsMinusInfinity() {
        var buffer = [Double.nan]
        let result = buffer.withUnsafeMutableBufferPointer { logSumExp($0.baseAddress!, count: 0, maximum: -.infinity) }
        #expect(result == -.infinity)
    }
}
