import XCTest

@testable import SohoaSharing

extension XCTestCase {
    /// The kind of IIIF error `body` throws, or nil when it throws nothing.
    func kind(_ body: () throws -> Void) -> IIIFError.Kind? {
        do {
            try body()
            return nil
        } catch {
            return (error as? IIIFError)?.kind
        }
    }
}
