import Foundation
import Testing
import TesseraSQLite
import TesseraStorage

@testable import TesseraKit

struct APIKeysTests {
    func store() throws -> SQLiteAPIKeyStore {
        try SQLiteAPIKeyStore.open(path: FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).db").path)
    }

    /// The keys made through a location (as `tessera key create` does) verify through another
    /// open of the same database (as the server does).
    @Test func keysFromALocationVerifyThroughAnotherOpen() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).db").path
        let (key, record) = try APIKeys(location: .sqlite(path: path)).create(scope: .read, memory: nil)
        #expect(try APIKeys(location: .sqlite(path: path)).verify(key) == record)
        #expect(try APIKeys(location: .sqlite(path: path)).all() == [record])
    }

    @Test func createdKeyVerifiesAndOnlyItsHashIsStored() throws {
        let store = try store()
        let (key, record) = try APIKeys(store: store).create(scope: .write, memory: "default")
        #expect(key.hasPrefix("tsr_") && key.count == 68)
        #expect(try APIKeys(store: store).verify(key) == record)
        let stored = try store.allKeys()
        #expect(stored.count == 1 && stored[0].hash == SHA256.hex(Array(key.utf8)) && !stored[0].hash.contains(key.dropFirst(12)))
        #expect(stored[0].scope == .write && stored[0].memory == "default" && stored[0].created != nil)
    }

    @Test func wrongKeysDoNotVerify() throws {
        let store = try store()
        let (key, _) = try APIKeys(store: store).create(scope: .read, memory: nil)
        var changed = Array(key)
        changed[changed.count - 1] = changed.last == "0" ? "1" : "0"
        for wrong in [String(changed), "", key + "0", String(key.dropLast()), "Bearer " + key] {
            #expect(try APIKeys(store: store).verify(wrong) == nil)
        }
    }

    @Test func revokedKeyNoLongerVerifies() throws {
        let store = try store()
        let (key, record) = try APIKeys(store: store).create(scope: .admin, memory: nil)
        #expect(try store.revoke(id: record.id!))
        #expect(try APIKeys(store: store).verify(key) == nil)
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
