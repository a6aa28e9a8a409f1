import Foundation
import PlanKit
import ZIPFoundation

/// The report as a Word package (.docx): WordprocessingML written by the parts, zipped with
/// ZIPFoundation. No template: every byte comes from the code.
public enum ReportDocx {
    /// Fixed entry dates, so the same report gives the same bytes.
    static let entryDate = Date(timeIntervalSince1970: 1_704_067_200)

    public static func data(_ report: OfficeReport) throws -> Data {
        let layout = IssuerLayout(style: report.issuer.style)
        let document = DocumentPart(report: report, layout: layout)
        let parts: [any PackagePart] = [
            document,
            StylesPart(layout: layout),
            SettingsPart(),
            FontTablePart(),
            HeaderPart(path: "word/header1.xml", pageNumber: true, sizeHalfPoints: layout.bodySize),
            HeaderPart(path: "word/header2.xml", pageNumber: false, sizeHalfPoints: layout.bodySize),
            RelationshipsPart(
                path: "word/_rels/document.xml.rels",
                relationships: [
                    .init(id: "rIdStyles", type: "styles", target: "styles.xml"),
                    .init(id: "rIdSettings", type: "settings", target: "settings.xml"),
                    .init(id: "rIdFonts", type: "fontTable", target: "fontTable.xml"),
                    .init(id: DocumentPart.defaultHeader, type: "header", target: "header1.xml"),
                    .init(id: DocumentPart.firstHeader, type: "header", target: "header2.xml"),
                ]),
        ]
        let packageRels = RelationshipsPart(
            path: "_rels/.rels",
            relationships: [.init(id: "rIdDocument", type: "officeDocument", target: "word/document.xml")])
        let contentTypes = ContentTypesPart(parts: parts.filter { !($0 is RelationshipsPart) })
        let archive = try Archive(data: Data(), accessMode: .create)
        let entries =
            [(contentTypes.path, contentTypes.xml), (packageRels.path, packageRels.xml)]
            + parts.map { ($0.path, $0.xml) }
        for (path, xml) in entries {
            let bytes = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
