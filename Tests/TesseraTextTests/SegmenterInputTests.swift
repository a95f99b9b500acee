import Foundation
import Testing
@testable import TesseraText

struct SegmenterInputTests {
    @Test(arguments: [
        ([0x48, 0x69] as [UInt8], "Hi"),
        ([0xEF, 0xBB, 0xBF, 0x48, 0xC3, 0xA9], "Hé"),
        ([0xFF, 0xFE, 0x48, 0x00, 0xE9, 0x00], "Hé"),
        ([0xFE, 0xFF, 0x00, 0x48, 0x00, 0xE9], "Hé"),
        ([0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE], "😀"),
        ([], ""),
    ])
    func decode_readsUTF8AndUTF16WithBOM(bytes: [UInt8], expected: String) {
        #expect(SegmenterInput.decode(Data(bytes)) == expected)
    }

    @Test(arguments: [
        [0xC3, 0x28] as [UInt8],
        [0xFF, 0xFE, 0x48],
        [0xFF, 0xFE, 0x00, 0xD8],
    ])
    func decode_rejectsInvalidBytes(bytes: [UInt8]) {
        #expect(SegmenterInput.decode(Data(bytes)) == nil)
    }
}
