/// For each output index of an area-averaging resample, the source indices it covers and their
/// weights (summing to 1), in flat arrays: output `i`'s are at `starts[i]..<starts[i + 1]`.
struct AreaSpans {
    /// Where each output index's spans start in `indices` and `weights`, and the end (count + 1 entries).
    private(set) var starts: [Int] = [0]
    /// The source indices, in order for each output index.
    private(set) var indices: [Int] = []
    /// Each source index's share of its output value.
    private(set) var weights: [Float] = []

    /// The spans of `count` output indices, each covering `scale` source indices of `0..<limit`.
    init(count: Int, scale: Double, limit: Int) {
        for index in 0..<count {
            let start = Double(index) * scale
            let end = Swift.min(Double(limit), Double(index + 1) * scale)
            var position = Int(start)
            while Double(position) < end, position < limit {
                let covered = Swift.min(end, Double(position + 1)) - Swift.max(start, Double(position))
                if covered > 0 {
                    indices.append(position)
                    weights.append(Float(covered / (end - start)))
                }
                position += 1
            }
            starts.append(indices.count)
        }
    }
}
