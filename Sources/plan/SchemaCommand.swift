import ArgumentParser
import Foundation
import PlanKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: HelpText.string(
            Localized(
                en: "Print the JSON Schema of item front-matter, for an editor's YAML support.",
                vi: "In lược đồ JSON của phần khai báo nhiệm vụ, cho trình soạn thảo kiểm tra YAML.")),
        discussion: HelpText.string(
            Localized(
                en: "Default: the workspace's own schema file.",
                vi: "In lược đồ JSON của phần khai báo nhiệm vụ (mặc định: tệp của thư mục kế hoạch)."))
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(
        name: .long,
        help: HelpText.help(
            Localized(
                en: "Print the built-in default schema instead of the workspace's.",
                vi: "In lược đồ mặc định có sẵn thay vì lược đồ của thư mục kế hoạch.")))
    var builtIn = false

    func run() throws {
        if builtIn {
            Terminal.write(DefaultWorkspace.itemSchema)
            return
        }
        let root = try options.root()
        let source = DirectoryFileSource(root: root)
        let config = try WorkspaceLoader.loadConfig(from: source)
        guard let bytes = try source.read(config.schemaPath) else { throw PlanError.missingFile(config.schemaPath) }
        FileHandle.standardOutput.write(Data(bytes))
    }
}
