import Foundation

/// Variables of the process's environment, read one by one: `ProcessInfo.environment` copies every
/// variable into a new dictionary on each call, which a hook that runs on every commit pays several times.
public enum Environment {
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variables among `names` that are set.
    public static func values(_ names: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for name in names { if let v = value(name) { out[name] = v } }
        return out
    }
}
