import SohoaImaging
import SohoaOCR

/// A fault-injection engine for pipeline tests: throws a chosen error on chosen calls and returns
/// an empty page (or the wrapped engine's result) otherwise.
public final class FailingOCREngine: OCREngine {
    /// The error thrown on a failing call.
    public let error: any Error
    /// The 1-based call numbers that fail.
    public let failingCalls: Set<Int>
    /// How many times `recognize` was called.
    public private(set) var calls = 0
    private let wrapped: (any OCREngine)?

    /// Creates an engine that throws `error` on each call numbered in `failingCalls` (1-based).
    ///
    /// - Parameter wrapped: the engine that answers the other calls; nil gives empty pages.
    public init(
        error: any Error = InjectedOCRFailure(),
        failingCalls: Set<Int> = [1], wrapping wrapped: (any OCREngine)? = nil
    ) {
        self.error = error
        self.failingCalls = failingCalls
        self.wrapped = wrapped
    }

    /// Throws on the chosen calls; otherwise delegates or returns an empty page.
    public func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        calls += 1
        if failingCalls.contains(calls) { throw error }
        if let wrapped { return try wrapped.recognize(image, dpi: dpi, language: language) }
        return .empty(width: image.width, height: image.height)
    }
}

/// The error `FailingOCREngine` throws unless given another.
public struct InjectedOCRFailure: Error, CustomStringConvertible, Equatable {
    public init() {}
    public var description: String { "injected OCR failure (test engine)" }
}
