#if canImport(Glibc)
    import Glibc
#endif

/// Limits glibc's malloc to one arena per core, at least two (issue 19: memory). By default glibc gives a busy
/// process up to eight arenas per core, one per thread that meets contention, and each keeps the
/// page-sized buffers its threads freed. A run's stage workers, Tesseract's engines among them,
/// free and allocate page images all the time: on 40 evaluation pages with `--jobs 2` the peak
/// resident memory was 387–395 MB with the default and 327–343 MB with two arenas, and 384–391 against
/// 351–363 MB on 20 real scans, for the same CPU time (see README "Where the time goes").
public enum MallocArenas {
    /// Sets the limit unless `MALLOC_ARENA_MAX` is set in the environment (glibc has read it then),
    /// and maps blocks of `largeBlockBytes` or more apart. Call it first thing, before any thread starts.
    public static func limitToCores() {
        #if canImport(Glibc)
            // `mallopt` is in <malloc.h>, which the Glibc module does not bring: found by name.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
            let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
            if getenv("MALLOC_ARENA_MAX") == nil { _ = mallopt(arenaMax, Int32(max(2, min(cores, 64)))) }
            // Page-sized blocks straight from the kernel and back to it when freed (unless
            // `MALLOC_MMAP_THRESHOLD_` is set). glibc's own threshold rises to the largest block freed so
            // far, after which page images come from the arenas and the holes they leave keep the
            // memory: on 40 evaluation pages (one long item and short ones, a quarter bilevel; release,
            // --jobs 2) the peak was 327–328 MB without this threshold and 296–299 MB with it, for
            // about 4% more CPU time (66.9 against 69.0–71.1 CPU-s: the kernel mapping and zeroing pages).
            guard getenv("MALLOC_MMAP_THRESHOLD_") == nil else { return }
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
            _ = mallopt(mmapThreshold, Int32(largeBlockBytes))
        #endif
    }

    /// Blocks at least this large (4 MiB; a 300 dpi A4 gray page image is 8.7 MB) are mapped apart.
    public static let largeBlockBytes = 4 << 20
}
