import Foundation
import Testing
import TesseraSQLite
import TesseraStorage

@testable import TesseraServer

struct APIKeysTests {
    func store() throws -> SQLiteAPIKeyStore {
        try SQLiteAPIKeyStore.open(path: FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).db").path)
    }

    @Test func createdKeyVerifiesAndOnlyItsHashIsStored() throws {
        let store = try store()
        let (key, record) = try APIKeys.create(scope: .write, memory: "default", in: store)
        #expect(key.hasPrefix("tsr_") && key.count == 68)
        #expect(try APIKeys.verify(key, in: store) == record)
        let stored = try store.allKeys()
        #expect(stored.count == 1 && stored[0].hash == SHA256.hex(Array(key.utf8)) && !stored[0].hash.contains(key.dropFirst(12)))
        #expect(stored[0].scope == .write && stored[0].memory == "default" && stored[0].created != nil)
    }

    @Test func wrongKeysDoNotVerify() throws {
        let store = try store()
        let (key, _) = try APIKeys.create(scope: .read, memory: nil, in: store)
        var changed = Array(key)
        changed[changed.count - 1] = changed.last == "0" ? "1" : "0"
        for wrong in [String(changed), "", key + "0", String(key.dropLast()), "Bearer " + key] {
            #expect(try APIKeys.verify(wrong, in: store) == nil)
        }
    }

    @Test func revokedKeyNoLongerVerifies() throws {
        let store = try store()
        let (key, record) = try APIKeys.create(scope: .admin, memory: nil, in: store)
        #expect(try store.revoke(id: record.id!))
        #expect(try APIKeys.verify(key, in: store) == nil)
    }

    @Test func scopesCover() {
        #expect(APIKeyRecord.Scope.admin.covers(.write) && APIKeyRecord.Scope.write.covers(.read) && APIKeyRecord.Scope.read.covers(.read))
        #expect(!APIKeyRecord.Scope.read.covers(.write) && !APIKeyRecord.Scope.write.covers(.admin))
    }

    @Test func constantTimeEqual() {
        #expect(APIKeys.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!APIKeys.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!APIKeys.constantTimeEqual([1, 2], [1, 2, 3]))
    }
}
