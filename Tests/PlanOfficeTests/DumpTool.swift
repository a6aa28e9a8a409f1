import Foundation
import PlanOffice
import Testing

/// Not a test: `OFFICE_DUMP=FILE swift test --filter PlanOfficeTests.dump` writes FILE.txt, the text the
/// importer reads from a Word or OpenDocument file, to look at by hand.
@Test func dump() throws {
    guard let path = ProcessInfo.processInfo.environment["OFFICE_DUMP"] else { return }
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var out = ""
    do throws(OfficeError) {
        out = try OfficeImport.read(bytes, path: path)?.text ?? "(not a word-processing document)\n"
    } catch { out = error.render(.en) + "\n" }
    try out.write(toFile: path + ".txt", atomically: true, encoding: .utf8)
}
