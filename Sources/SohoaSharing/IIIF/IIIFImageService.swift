import Dispatch
import Foundation
import SohoaImaging
import Synchronization

/// Serves Image API requests from archived masters: decodes each master once into a small cache of
/// decoded pages, renders on its own bounded queue (never on Swift's cooperative pool), and keeps
/// recent answers in a cache bounded by bytes, keyed by the canonical request. One per server; safe
/// to use from any task.
public final class IIIFImageService: Sendable {
    /// An encoded answer.
    public struct Rendered: Sendable {
        public var bytes: [UInt8]
        public var mediaType: String
    }

    /// What is served and how much at once.
    public let settings: IIIFSettings
    private let decoded: IIIFCache<Raster>
    private let derivatives: IIIFCache<[UInt8]>
    private let sizes = IIIFCache<IIIFPixelBox>(budget: 10_000)
    private let queue: IIIFRenderQueue
    /// Answers larger than `largeArea` (whole pages at full size): one at a time on a lane of their
    /// own at a low CPU priority, so a few of them (a download, or someone asking for the largest
    /// size again and again) never make the tiles of a viewer wait behind them, nor take the CPU
    /// from them.
    private let largeQueue: IIIFRenderQueue
    private let made = Atomic<Int>(0)

    /// How many images were rendered (not taken from the cache) since the service started.
    public var rendersMade: Int { made.load(ordering: .relaxed) }

    /// - Parameters:
    ///   - settings: size limits, renders at once and waiting.
    ///   - derivativeBudget: bytes of encoded answers kept (default 64 MiB).
    ///   - decodedBudget: bytes of decoded masters kept (default 512 MiB; the latest is always kept).
    public init(settings: IIIFSettings = IIIFSettings(), derivativeBudget: Int = 64 << 20, decodedBudget: Int = 512 << 20) {
        self.settings = settings
        derivatives = IIIFCache(budget: derivativeBudget)
        decoded = IIIFCache(budget: decodedBudget)
        queue = IIIFRenderQueue(lanes: settings.concurrentRenders, waiting: settings.waitingRenders)
        largeQueue = IIIFRenderQueue(
            lanes: 1, waiting: max(1, settings.waitingRenders / 4), priority: .background, label: "iiif.large")
    }

    /// Answers with more pixels than this (4 megapixels, a 2,000-pixel square) are large: rendered on
    /// their own lane.
    public static let largeArea = 4_000_000

    /// The width and height of the source: the catalog's when given, else decoded.
    public func size(
        of source: IIIFImageSource, cancellation: IIIFCancellation = IIIFCancellation()
    ) async throws(IIIFError) -> (
        width: Int, height: Int
    ) {
        if let width = source.width, let height = source.height, width > 0, height > 0 { return (width, height) }
        if let box = sizes.value(for: source.contentKey) { return (box.width, box.height) }
        let box = try await queue.run(key: source.contentKey, cancellation: cancellation) { _ throws(IIIFError) -> IIIFPixelBox in
            let raster = try self.master(source)
            return IIIFPixelBox(x: 0, y: 0, width: raster.width, height: raster.height)
        }
        return (box.width, box.height)
    }

    /// `request` resolved for `source` within the limits: the canonical plan (throws `badRequest` for
    /// what cannot be served).
    public func plan(_ request: IIIFImageRequest, for source: IIIFImageSource) async throws(IIIFError) -> IIIFRenderPlan {
        let size = try await size(of: source)
        return try request.plan(width: size.width, height: size.height, limits: settings.limits)
    }

    /// The key of `plan`'s answer for `source`: the same for every way of writing the request.
    public func key(of plan: IIIFRenderPlan, for source: IIIFImageSource) -> String {
        "\(source.contentKey)/\(plan.canonical)"
    }

    /// The encoded answer to `plan` for `source`, from the cache when it was made before. Throws
    /// `busy` when the waiting line is full and `cancelled` once `cancellation` is cancelled.
    public func render(
        _ plan: IIIFRenderPlan, from source: IIIFImageSource, cancellation: IIIFCancellation = IIIFCancellation()
    ) async throws(IIIFError) -> Rendered {
        let key = key(of: plan, for: source)
        if let bytes = derivatives.value(for: key) { return Rendered(bytes: bytes, mediaType: plan.format.mediaType) }
        let bytes = try await queue(for: plan).run(key: source.contentKey, cancellation: cancellation) {
            cancellation throws(IIIFError) -> [UInt8] in
            if let bytes = self.derivatives.value(for: key) { return bytes }
            // A decode is finished and cached even if its request is cancelled meanwhile: the next
            // tile needs it, and a half-decoded master is never kept.
            let master = try self.master(source)
            let raster = try IIIFImageRenderer.render(master, plan, cancellation: cancellation)
            try cancellation.check()
            let bytes = try IIIFImageRenderer.encode(raster, as: plan.format)
            self.made.add(1, ordering: .relaxed)
            self.derivatives.insert(bytes, for: key, cost: bytes.count)
            return bytes
        }
        return Rendered(bytes: bytes, mediaType: plan.format.mediaType)
    }

    /// Where `plan` is rendered: answers over `largeArea` on the large lane (at background
    /// priority), the rest (tiles, thumbnails) on the interactive lanes.
    func queue(for plan: IIIFRenderPlan) -> IIIFRenderQueue {
        plan.width * plan.height > Self.largeArea ? largeQueue : queue
    }

    /// The decoded master, from the cache or decoded now (call on the source's lane).
    private func master(_ source: IIIFImageSource) throws(IIIFError) -> Raster {
        if let raster = decoded.value(for: source.contentKey) { return raster }
        let raster: Raster
        do {
            raster = try ScanDecoder.decode(source.file, page: source.frame).raster
        } catch {
            throw IIIFError(
                .serverError, "the page image cannot be read; the staff will find the cause in the server log",
                detail: "the archived master \(source.file.path) (frame \(source.frame)) cannot be decoded: \(error)")
        }
        decoded.insert(raster, for: source.contentKey, cost: raster.pixels.count)
        sizes.insert(IIIFPixelBox(x: 0, y: 0, width: raster.width, height: raster.height), for: source.contentKey, cost: 1)
        return raster
    }
}
