/// Ids of the rules whose findings come from reading a file, for the parser and loader to use.
public enum FileRules {
    public static let tooLarge = FileTooLargeRule.description.id
    public static let notUTF8 = FileNotUTF8Rule.description.id
    public static let legacyEncoding = FileLegacyEncodingRule.description.id
    public static let mergeConflict = FileMergeConflictRule.description.id
    public static let noFrontMatter = FileNoFrontMatterRule.description.id
    public static let unterminated = FileUnterminatedFrontMatterRule.description.id
    public static let yamlSyntax = YAMLSyntaxRule.description.id
    public static let yamlAnchor = YAMLAnchorRule.description.id
    public static let symlinkOutside = FileSymlinkOutsideRule.description.id
}
