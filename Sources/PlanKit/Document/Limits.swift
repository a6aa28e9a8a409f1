/// Bounds on what `plan` reads. Past them it reports a finding instead of spending time or memory.
public struct Limits: Sendable, Hashable {
    /// Largest item file read at all.
    public var maxFileBytes: Int = 1 << 20
    /// Largest front-matter handed to the YAML parser.
    public var maxFrontMatterBytes: Int = 64 << 10
    /// Deepest nesting of YAML collections.
    public var maxDepth: Int = 32
    /// Longest line in a front-matter.
    public var maxLineBytes: Int = 16 << 10
    /// Most item files in one workspace.
    public var maxItems: Int = 200_000

    public init() {}

    public static let `default` = Limits()
}
