extension Raster {
    /// A copy whose longer side is at most `maxSide`, by area averaging (aspect kept); `self` when
    /// already small enough.
    public func downscaled(maxSide: Int) -> Raster {
        let longSide = Swift.max(width, height)
        guard maxSide > 0, longSide > maxSide else { return self }
        let factor = Double(maxSide) / Double(longSide)
        let newWidth = Swift.max(1, Int((Double(width) * factor).rounded()))
        let newHeight = Swift.max(1, Int((Double(height) * factor).rounded()))
        return areaAveraged(toWidth: newWidth, height: newHeight)
    }

    /// A copy resampled by `factor` with bilinear interpolation (for upsampling low-resolution pages).
    /// The output is `round(width × factor) × round(height × factor)`; pixel centres map as
    /// `(x + 0.5) / factor - 0.5`, matching `PageTransform.scale`.
    public func scaled(by factor: Double) -> Raster {
        guard factor > 0, factor.isFinite, factor != 1 else { return self }
        let newWidth = Swift.max(1, Int((Double(width) * factor).rounded()))
        let newHeight = Swift.max(1, Int((Double(height) * factor).rounded()))
        if factor < 1 { return areaAveraged(toWidth: newWidth, height: newHeight) }
        let channels = layout.rawValue
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        // Source positions and 8-bit fixed-point weights, precomputed per column.
        var x0 = [Int](repeating: 0, count: newWidth)
        var x1 = [Int](repeating: 0, count: newWidth)
        var wx = [Int](repeating: 0, count: newWidth)
        for x in 0..<newWidth {
            let sx = Swift.min(Swift.max((Double(x) + 0.5) / factor - 0.5, 0), Double(width - 1))
            x0[x] = Int(sx) * channels
            x1[x] = Swift.min(Int(sx) + 1, width - 1) * channels
            wx[x] = Int(((sx - Double(Int(sx))) * 256).rounded())
        }
        var top = [Int](repeating: 0, count: newWidth * channels)
        var bottom = [Int](repeating: 0, count: newWidth * channels)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<newHeight {
                    let sy = Swift.min(Swift.max((Double(y) + 0.5) / factor - 0.5, 0), Double(height - 1))
                    let y0 = Int(sy)
                    let y1 = Swift.min(y0 + 1, height - 1)
                    let wy = Int(((sy - Double(y0)) * 256).rounded())
                    let row0 = y0 * width * channels
                    let row1 = y1 * width * channels
                    for x in 0..<newWidth {
                        let a = x0[x]
                        let b = x1[x]
                        let fx = wx[x]
                        for c in 0..<channels {
                            top[x * channels + c] =
                                Int(source[row0 + a + c]) &* (256 - fx) &+ Int(source[row0 + b + c]) &* fx
                            bottom[x * channels + c] =
                                Int(source[row1 + a + c]) &* (256 - fx) &+ Int(source[row1 + b + c]) &* fx
                        }
                    }
                    let outRow = y * newWidth * channels
                    for index in 0..<(newWidth * channels) {
                        let value = (top[index] &* (256 - wy) &+ bottom[index] &* wy &+ 32768) >> 16
                        target[outRow + index] = UInt8(truncatingIfNeeded: value)
                    }
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, layout: layout, pixels: output)
    }

    /// Box-filter resampling to a smaller size: each output pixel is the mean of the source area it covers
    /// (fractional coverage at the edges).
    ///
    /// Each sum is taken term by term in source order from zero, in `Float`, so the result does not
    /// depend on how the loops are laid out; the spans are flat arrays and the buffers raw pointers
    /// (no array bounds or uniqueness checks in the inner loops). A source row's horizontal sums are
    /// made when an output row first needs them and kept for the next one, which may share that row:
    /// one row of floats instead of a buffer of the output's width and the source's height (20 MB for
    /// an A4 page at 300 dpi, its pages fresh from the kernel each time; issue 19).
    func areaAveraged(toWidth newWidth: Int, height newHeight: Int) -> Raster {
        let channels = layout.rawValue
        let scaleX = Double(width) / Double(newWidth)
        let scaleY = Double(height) / Double(newHeight)
        let columns = AreaSpans(count: newWidth, scale: scaleX, limit: width)
        let rows = AreaSpans(count: newHeight, scale: scaleY, limit: height)
        let rowLength = newWidth * channels
        var output = [UInt8](repeating: 0, count: rowLength * newHeight)
        var horizontal = [Float](repeating: 0, count: rowLength)
        var accumulator = [Float](repeating: 0, count: rowLength)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                horizontal.withUnsafeMutableBufferPointer { horizontal in
                    accumulator.withUnsafeMutableBufferPointer { accumulator in
                        columns.indices.withUnsafeBufferPointer { indices in
                            columns.weights.withUnsafeBufferPointer { weights in
                                columns.starts.withUnsafeBufferPointer { starts in
                                    guard let source = source.baseAddress, let target = target.baseAddress,
                                        let horizontal = horizontal.baseAddress, let accumulator = accumulator.baseAddress,
                                        let indices = indices.baseAddress, let weights = weights.baseAddress,
                                        let starts = starts.baseAddress
                                    else { return }
                                    var summedRow = -1
                                    for y in 0..<newHeight {
                                        accumulator.update(repeating: 0, count: rowLength)
                                        for k in rows.starts[y]..<rows.starts[y + 1] {
                                            let sourceIndex = rows.indices[k]
                                            if sourceIndex != summedRow {
                                                let sourceRow = source + sourceIndex * width * channels
                                                for x in 0..<newWidth {
                                                    for c in 0..<channels {
                                                        var sum: Float = 0
                                                        for k in starts[x]..<starts[x + 1] {
                                                            sum += Float(sourceRow[indices[k] * channels + c]) * weights[k]
                                                        }
                                                        horizontal[x * channels + c] = sum
                                                    }
                                                }
                                                summedRow = sourceIndex
                                            }
                                            let weight = rows.weights[k]
                                            for i in 0..<rowLength { accumulator[i] += horizontal[i] * weight }
                                        }
                                        let outRow = target + y * rowLength
                                        for i in 0..<rowLength {
                                            outRow[i] = UInt8(Swift.min(255, Swift.max(0, accumulator[i].rounded())))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, layout: layout, pixels: output)
    }
}
