import Dispatch
import Foundation
import SohoaImaging

/// Serves Image API requests from archived masters: decodes each master once into a small cache of
/// decoded pages, renders on its own queues (never on Swift's cooperative pool), and keeps recent
/// answers in a cache bounded by bytes. One per server; safe to use from any task.
public final class IIIFImageService: Sendable {
    /// An encoded answer.
    public struct Rendered: Sendable {
        public var bytes: [UInt8]
        public var mediaType: String
    }

    private let decoded: IIIFCache<Raster>
    private let derivatives: IIIFCache<[UInt8]>
    private let sizes = IIIFCache<IIIFPixelBox>(budget: 10_000)
    /// Requests for one master always go to the same serial queue, so the tiles a viewer asks for at
    /// once wait for one decode instead of each decoding the master.
    private let queues: [DispatchQueue]

    /// - Parameters:
    ///   - derivativeBudget: bytes of encoded answers kept (default 64 MiB).
    ///   - decodedBudget: bytes of decoded masters kept (default 512 MiB; the latest is always kept).
    ///   - queueCount: rendering queues (default: one per processor).
    public init(
        derivativeBudget: Int = 64 << 20, decodedBudget: Int = 512 << 20,
        queueCount: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        derivatives = IIIFCache(budget: derivativeBudget)
        decoded = IIIFCache(budget: decodedBudget)
        queues = (0..<max(1, queueCount)).map { DispatchQueue(label: "sohoa.iiif.render.\($0)", qos: .userInitiated) }
    }

    /// The width and height of the source: the catalog's when given, else decoded.
    public func size(of source: IIIFImageSource) async throws(IIIFError) -> (width: Int, height: Int) {
        if let width = source.width, let height = source.height, width > 0, height > 0 { return (width, height) }
        if let box = sizes.value(for: source.contentKey) { return (box.width, box.height) }
        let raster = try await onQueue(for: source) { () throws(IIIFError) -> Raster in try self.master(source) }
        return (raster.width, raster.height)
    }

    /// The encoded answer to `request` for `source`, from the cache when it was asked before.
    public func render(_ request: IIIFImageRequest, from source: IIIFImageSource, cacheKey: String) async throws(IIIFError) -> Rendered {
        let key = "\(source.contentKey)/\(cacheKey)"
        if let bytes = derivatives.value(for: key) { return Rendered(bytes: bytes, mediaType: request.format.mediaType) }
        let bytes = try await onQueue(for: source) { () throws(IIIFError) -> [UInt8] in
            if let bytes = self.derivatives.value(for: key) { return bytes }
            let raster = try IIIFImageRenderer.render(try self.master(source), request)
            let bytes = try IIIFImageRenderer.encode(raster, as: request.format)
            self.derivatives.insert(bytes, for: key, cost: bytes.count)
            return bytes
        }
        return Rendered(bytes: bytes, mediaType: request.format.mediaType)
    }

    /// The decoded master, from the cache or decoded now (call on the source's queue).
    private func master(_ source: IIIFImageSource) throws(IIIFError) -> Raster {
        if let raster = decoded.value(for: source.contentKey) { return raster }
        let raster: Raster
        do {
            raster = try ScanDecoder.decode(source.file, page: source.frame).raster
        } catch {
            throw IIIFError(.serverError, "the archived master \(source.file.lastPathComponent) cannot be decoded: \(error)")
        }
        decoded.insert(raster, for: source.contentKey, cost: raster.pixels.count)
        sizes.insert(IIIFPixelBox(x: 0, y: 0, width: raster.width, height: raster.height), for: source.contentKey, cost: 1)
        return raster
    }

    private func onQueue<T: Sendable>(
        for source: IIIFImageSource, _ work: @escaping @Sendable () throws(IIIFError) -> T
    ) async throws(IIIFError) -> T {
        var hasher = Hasher()
        hasher.combine(source.contentKey)
        let queue = queues[Int(UInt(bitPattern: hasher.finalize()) % UInt(queues.count))]
        let result: Result<T, IIIFError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(IIIFError) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
