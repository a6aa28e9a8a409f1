import Foundation
import PlanKit

/// Everything about the terminal: standard streams, colour, the environment's language.
enum Terminal {
    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    /// Bytes as they are: a large output is not copied into a string and back.
    static func write(bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes {
            FileHandle.standardOutput.write(
                Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: $0.baseAddress!), count: $0.count, deallocator: .none
                ))
        }
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Ends the process now, without unwinding (and freeing) what the command built.
    static func finish(status: Int32) -> Never {
        exit(status)
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    static var colourOnStdout: Bool {
        if let v = Environment.value("NO_COLOR"), !v.isEmpty { return false }
        if Environment.value("TERM") == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// The terminal's width for tables: the window's on a terminal, else `COLUMNS`, else no limit.
    static var columns: Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return Environment.value("COLUMNS").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// For errors before the workspace (and its locale) is known.
    static var fallbackLanguage: Language { Language.resolve(flag: LanguageFlag.value, workspace: nil) }
}
