import Foundation
import ZIPFoundation

/// A zip package (.docx, .odt) opened with limits, so that no file can make the reader use more memory
/// or time than a real plan needs. The central directory is checked before any entry is inflated, and
/// every entry is then inflated with a byte budget, because the sizes a directory declares can lie.
struct OfficePackage {
    struct Limits: Sendable {
        /// A Word document has 10–30 entries; images add one each.
        var entries = 4096
        /// The XML of a 1,000-page document is well under this.
        var totalBytes = 256 << 20
        var entryBytes = 128 << 20
        /// XML compresses 5–30 times; a bomb, hundreds or thousands of times. Checked on entries past
        /// `ratioFloor` bytes, since tiny entries can have any ratio.
        var ratio = 200
        var ratioFloor = 1 << 20
    }

    let path: String
    let limits: Limits
    private let archive: Archive
    private let entries: [String: Entry]
    /// Bytes inflated so far, against `limits.totalBytes`.
    private var inflated = 0

    /// The names in the package, as the central directory lists them.
    let names: [String]

    init(bytes: [UInt8], path: String, limits: Limits = Limits()) throws(OfficeError) {
        self.path = path
        self.limits = limits
        let directory = try Self.centralDirectory(bytes, path: path, limits: limits)
        names = directory.map(\.name)
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .damaged(path: path, part: "zip", reason: "\(error)")
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        var count = 0
        for e in archive {
            count += 1
            if count > limits.entries { break }
            if entries[e.path] == nil { entries[e.path] = e }
        }
        self.entries = entries
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The entry's bytes, or nil when the package has no such entry.
    mutating func read(_ name: String) throws(OfficeError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard entry.type == .file else { throw .damaged(path: path, part: name, reason: "not a file") }
        let declared = Int(clamping: entry.uncompressedSize)
        let budget = min(declared, limits.entryBytes, limits.totalBytes - inflated)
        var out: [UInt8] = []
        out.reserveCapacity(min(declared, 8 << 20))
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { data in
                guard out.count + data.count <= budget else { throw BudgetExceeded() }
                out.append(contentsOf: data)
            }
        } catch is BudgetExceeded {
            throw .tooLarge(path: path, what: "\(name) inflates past its declared size")
        } catch {
            throw .damaged(path: path, part: name, reason: "\(error)")
        }
        guard out.count == declared else {
            throw .damaged(path: path, part: name, reason: "\(out.count) bytes, not the \(declared) declared")
        }
        guard checksum == entry.checksum else { throw .damaged(path: path, part: name, reason: "checksum") }
        inflated += out.count
        return out
    }

    private struct BudgetExceeded: Error {}

    struct DirectoryEntry {
        var name: String
        var flags: UInt16
        var compressed: UInt32
        var uncompressed: UInt32
    }

    /// Reads and checks the central directory by itself: entry count, names, encryption flags and
    /// declared sizes, before ZIPFoundation sees the file.
    static func centralDirectory(_ b: [UInt8], path: String, limits: Limits) throws(OfficeError) -> [DirectoryEntry] {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
        guard b.count >= 22 else { throw .notADocument(path: path) }
        var eocd: Int?
        var i = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while i >= lowest {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x05, b[i + 3] == 0x06 {
                eocd = i
                break
            }
            i -= 1
        }
        guard let e = eocd else { throw .damaged(path: path, part: "zip", reason: "no central directory") }
        let count = u16(e + 10)
        let size = u32(e + 12)
        let offset = u32(e + 16)
        // ZIP64 (a locator before the record, or fields at their maximum) is for archives past 4 GB or
        // 65,535 entries; ZIPFoundation would take its offsets from records this check does not read.
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF || (e >= 20 && u32(e - 20) == 0x0706_4B50) {
            throw .tooLarge(path: path, what: "a ZIP64 package")
        }
        guard count <= limits.entries else { throw .tooLarge(path: path, what: "\(count) entries") }
        guard offset + size <= e else { throw .damaged(path: path, part: "zip", reason: "central directory") }
        var out: [DirectoryEntry] = []
        var p = offset
        var total = 0
        for _ in 0..<count {
            guard p + 46 <= e, u32(p) == 0x0201_4B50 else {
                throw .damaged(path: path, part: "zip", reason: "central directory")
            }
            let flags = UInt16(u16(p + 8))
            let compressed = u32(p + 20)
            let uncompressed = u32(p + 24)
            let nameLength = u16(p + 28)
            let next = p + 46 + nameLength + u16(p + 30) + u16(p + 32)
            guard next <= e else { throw .damaged(path: path, part: "zip", reason: "central directory") }
            // ZIPFoundation reads the local header, the data and a data descriptor where this entry says
            // they are; its in-memory reader traps on a read past the end, so every one must be in the file.
            let local = u32(p + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw .tooLarge(path: path, what: "a ZIP64 package")
            }
            guard local + 30 <= e, u32(local) == 0x0403_4B50 else {
                throw .damaged(path: path, part: "zip", reason: "local header")
            }
            let dataEnd = local + 30 + u16(local + 26) + u16(local + 28) + compressed + (flags & 0x0008 != 0 ? 24 : 0)
            guard dataEnd <= e else { throw .damaged(path: path, part: "zip", reason: "entry past the end") }
            let raw = Array(b[(p + 46)..<(p + 46 + nameLength)])
            // Bit 11: UTF-8 names. Office writers use ASCII names either way.
            let name = String(decoding: raw, as: UTF8.self)
            if flags & 0x0001 != 0 || flags & 0x0040 != 0 { throw .encrypted(path: path) }
            if !isSafe(name) { throw .unsafeEntry(path: path, entry: name) }
            if uncompressed > limits.entryBytes {
                throw .tooLarge(path: path, what: "\(name) inflates to \(uncompressed) bytes")
            }
            total += uncompressed
            if total > limits.totalBytes { throw .tooLarge(path: path, what: "the entries inflate to \(total) bytes") }
            if uncompressed > limits.ratioFloor, uncompressed > max(compressed, 1) * limits.ratio {
                throw .tooLarge(path: path, what: "\(name) is compressed \(uncompressed / max(compressed, 1)) times")
            }
            out.append(
                DirectoryEntry(
                    name: name, flags: flags, compressed: UInt32(compressed), uncompressed: UInt32(uncompressed)))
            p = next
        }
        return out
    }

    /// A relative name inside the package: no `..`, no absolute path, no drive letter or backslash
    /// (which some unzippers take for a separator), no NUL.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0") else { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}

/// What a file is, told from its first bytes and, for a zip, its table of contents.
public enum OfficeSniffer {
    public enum Kind: Sendable, Equatable {
        case zip
        /// An OLE2 compound file: an old .doc, or an encrypted .docx (which Office wraps in OLE2).
        case ole2
        case other
    }

    public static func kind(of bytes: [UInt8]) -> Kind {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .zip
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole2 }
        return .other
    }

    /// An OLE2 file holds an encrypted OOXML package when its directory has an `EncryptionInfo` stream
    /// (names are UTF-16LE in the directory sectors).
    static func isEncryptedOLE2(_ bytes: [UInt8]) -> Bool {
        let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard bytes.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
