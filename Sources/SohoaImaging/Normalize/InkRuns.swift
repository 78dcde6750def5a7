/// The ink of a gray raster as horizontal runs of pixels darker than a threshold, row by row, with
/// their 8-connected components: what `Despeckler` needs, without visiting each pixel more than once.
struct InkRuns {
    /// A connected patch of ink: its size in pixels and its bounding box (inclusive).
    struct Component {
        var area: Int
        var minX: Int
        var maxX: Int
        var minY: Int
        var maxY: Int
    }

    let width: Int
    let height: Int
    /// First column of each run.
    private(set) var starts: [Int32] = []
    /// One past the last column of each run.
    private(set) var ends: [Int32] = []
    /// Runs of row `y` are `rowStarts[y]..<rowStarts[y + 1]`, left to right.
    private(set) var rowStarts: [Int]

    /// The runs of pixels of `gray` (8-bit, one channel) below `threshold`.
    init(_ gray: Raster, below threshold: UInt8) {
        width = gray.width
        height = gray.height
        rowStarts = [Int](repeating: 0, count: height + 1)
        let w = width
        var starts: [Int32] = []
        var ends: [Int32] = []
        gray.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            for y in 0..<height {
                let row = base + y * w
                var x = 0
                while x < w {
                    // Skip paper sixteen pixels at a time while none of them is ink.
                    while x + 16 <= w, Self.noneBelow(threshold, in: row + x) { x += 16 }
                    while x < w, row[x] >= threshold { x += 1 }
                    guard x < w else { break }
                    let start = x
                    while x < w, row[x] < threshold { x += 1 }
                    starts.append(Int32(start))
                    ends.append(Int32(x))
                }
                rowStarts[y + 1] = starts.count
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// Whether all sixteen bytes at `pointer` are at least `threshold` (their minimum, which vectorizes).
    @inline(__always)
    private static func noneBelow(_ threshold: UInt8, in pointer: UnsafePointer<UInt8>) -> Bool {
        var least: UInt8 = 255
        for index in 0..<16 { least = Swift.min(least, pointer[index]) }
        return least >= threshold
    }

    /// Number of runs.
    var count: Int { starts.count }

    /// The 8-connected components of the ink.
    func components() -> [Component] {
        let n = count
        guard n > 0 else { return [] }
        var parent = [Int32](repeating: 0, count: n)
        var stats = [Component]()
        stats.reserveCapacity(n)
        for y in 0..<height {
            for run in rowStarts[y]..<rowStarts[y + 1] {
                parent[run] = Int32(run)
                stats.append(
                    Component(
                        area: Int(ends[run] - starts[run]), minX: Int(starts[run]), maxX: Int(ends[run]) - 1,
                        minY: y, maxY: y))
            }
        }
        parent.withUnsafeMutableBufferPointer { parent in
            stats.withUnsafeMutableBufferPointer { stats in
                starts.withUnsafeBufferPointer { starts in
                    ends.withUnsafeBufferPointer { ends in
                        func root(_ run: Int) -> Int {
                            var node = run
                            while Int(parent[node]) != node {
                                parent[node] = parent[Int(parent[node])]
                                node = Int(parent[node])
                            }
                            return node
                        }
                        func join(_ a: Int, _ b: Int) {
                            let ra = root(a)
                            let rb = root(b)
                            guard ra != rb else { return }
                            let (keep, drop) = ra < rb ? (ra, rb) : (rb, ra)
                            parent[drop] = Int32(keep)
                            let merged = stats[drop]
                            stats[keep].area += merged.area
                            stats[keep].minX = Swift.min(stats[keep].minX, merged.minX)
                            stats[keep].maxX = Swift.max(stats[keep].maxX, merged.maxX)
                            stats[keep].minY = Swift.min(stats[keep].minY, merged.minY)
                            stats[keep].maxY = Swift.max(stats[keep].maxY, merged.maxY)
                        }
                        // Runs of neighbouring rows touch (8-connected) when their column ranges,
                        // widened by one pixel, overlap.
                        for y in 1..<Swift.max(1, height) {
                            var above = rowStarts[y - 1]
                            let aboveEnd = rowStarts[y]
                            for run in rowStarts[y]..<rowStarts[y + 1] {
                                while above < aboveEnd, ends[above] < starts[run] { above += 1 }
                                var other = above
                                while other < aboveEnd, starts[other] <= ends[run] {
                                    join(run, other)
                                    other += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        var components: [Component] = []
        for run in 0..<n where Int(parent[run]) == run { components.append(stats[run]) }
        return components
    }

    /// Ink pixels in columns `x0...x1` of rows `y0...y1`; stops counting once past `limit`.
    func inkPixels(x0: Int, x1: Int, y0: Int, y1: Int, limit: Int) -> Int {
        var total = 0
        starts.withUnsafeBufferPointer { starts in
            ends.withUnsafeBufferPointer { ends in
                for y in y0...y1 {
                    // First run of the row that ends right of x0.
                    var low = rowStarts[y]
                    var high = rowStarts[y + 1]
                    while low < high {
                        let middle = (low + high) / 2
                        if Int(ends[middle]) <= x0 { low = middle + 1 } else { high = middle }
                    }
                    var run = low
                    while run < rowStarts[y + 1], Int(starts[run]) <= x1 {
                        total += Swift.min(Int(ends[run]), x1 + 1) - Swift.max(Int(starts[run]), x0)
                        run += 1
                    }
                    if total > limit { return }
                }
            }
        }
        return total
    }
}
