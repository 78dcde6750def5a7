import Foundation
import SohoaCollection

/// The URLs of sohoa's IIIF resources under the server's public address (DESIGN §9).
public struct IIIFLinks: Sendable, Equatable {
    /// The public address without a trailing slash, e.g. `https://thuvien.laichau.gov.vn`.
    public var baseURL: String

    public init(baseURL: String) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
    }

    /// `/iiif/<item-id>/manifest`.
    public func manifest(itemID: String) -> String { "\(baseURL)/iiif/\(Self.segment(itemID))/manifest" }
    /// `/iiif/collection/<library-code>`.
    public func collection(libraryCode: String) -> String { "\(baseURL)/iiif/collection/\(Self.segment(libraryCode))" }
    /// `/iiif/collection/<serial>`: a serial's issues (serial ids are lowercase, library codes not).
    public func collection(serial: String) -> String { "\(baseURL)/iiif/collection/\(Self.segment(serial))" }
    /// The serial's title page on the web site, `/serials/<serial>`.
    public func serialPage(serial: String) -> String { "\(baseURL)/serials/\(Self.segment(serial))" }
    /// The Image API service of a page, `/iiif/image/<page-id>`.
    public func imageService(pageID: Int64) -> String { "\(baseURL)/iiif/image/\(pageID)" }
    /// The whole page as JPEG at full size.
    public func fullImage(pageID: Int64) -> String { "\(imageService(pageID: pageID))/full/max/0/default.jpg" }
    /// `/iiif/<item-id>/alto/<page-name>`.
    public func alto(itemID: String, pageName: String) -> String {
        "\(baseURL)/iiif/\(Self.segment(itemID))/alto/\(Self.segment(pageName))"
    }
    /// `/iiif/<item-id>/hocr/<page-name>`.
    public func hocr(itemID: String, pageName: String) -> String {
        "\(baseURL)/iiif/\(Self.segment(itemID))/hocr/\(Self.segment(pageName))"
    }
    /// The item's page on the web site, `/items/<item-id>`.
    public func itemPage(itemID: String) -> String { PublicAddress.itemPage(site: baseURL, itemID: itemID) }
    /// Ids inside a manifest (canvases, annotation pages, annotations): not served on their own.
    public func resource(itemID: String, _ path: String) -> String { "\(baseURL)/iiif/\(Self.segment(itemID))/\(path)" }

    /// A path segment: NFC, percent-encoded except unreserved characters (`PublicAddress.segment`).
    public static func segment(_ text: String) -> String { PublicAddress.segment(text) }
}
