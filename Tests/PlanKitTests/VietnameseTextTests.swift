import Foundation
import TestSupport
import Testing

@testable import PlanKit

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Tuyên truyền, phổ biến", 6, "tuyen-truyen-pho-bien"),
        ("Đảng bộ  Thành phố", 6, "dang-bo-thanh-pho"),
        ("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", 6, "tieng-viet"),
        ("kh-2021/6.đ", 6, "kh-2021-6-d"),
        ("KH-2021/1.A", 6, "kh-2021-1-a"),
        ("a b c d e f g h", 3, "a-b-c"),
        ("--..//", 6, ""),
    ])
    func slug(_ text: String, _ words: Int, _ expected: String) {
        #expect(VietnameseText.slug(text, maxWords: words) == expected)
    }

    /// ASCII text takes a byte-by-byte path; it gives what the general path (diacritics stripped,
    /// lower case, split at anything but ASCII letters and digits) gives.
    @Test func asciiSlugsAsTheGeneralPathMakesThem() {
        func general(_ s: String, _ maxWords: Int) -> String {
            let ascii = VietnameseText.stripDiacritics(VietnameseText.nfc(s)).lowercased()
            let words = ascii.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            return words.prefix(maxWords).joined(separator: "-")
        }
        var random = SeededRandom(state: 20)
        let alphabet = Array("aZz09 -./_:(),\t\n\u{7F}\u{1}AbQ")
        for _ in 0..<2000 {
            let text = String((0..<Int(random.next() % 24)).map { _ in random.pick(alphabet) })
            let words = Int(1 + random.next() % 8)
            #expect(VietnameseText.slug(text, maxWords: words) == general(text, words), "\(text.debugDescription)")
        }
    }
}
